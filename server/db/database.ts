/**
 * One data-access layer for both storage engines: Kysely over better-sqlite3 (the embedded
 * default) or over pg (when DATABASE_URL is set). Queries are written once against `Database`.
 *
 * Portable column conventions, so one query path serves both dialects:
 * ids are text, timestamps are ISO-8601 text, dates `YYYY-MM-DD` text, numbers `double precision`
 * (`real` in SQLite), booleans integer 0/1, binary `bytea`/`blob` (chosen per dialect in the migration).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  /** PostgreSQL connection string; when absent, SQLite at `sqlitePath` is used. */
  databaseUrl?: string | undefined;
  sqlitePath?: string | undefined;
}

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /**
   * The raw better-sqlite3 connection (SQLite only, null on PostgreSQL), for the rare hot path that
   * prepares its statement once; every other query goes through `kysely`.
   */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

// Large integers (bigserial ids, count(*)) arrive from pg as strings; ours stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));

function openSqlite(path: string): SQLite.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers run beside the writer; NORMAL sync is durable across process crashes
  // (a SIGKILL loses nothing committed) and only risks the last transactions on power loss.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoints run in a worker (walCheckpointer.ts); if one falls behind, a restarted WAL is cut
  // back to this size instead of keeping its high-water mark on disk.
  sqlite.pragma('journal_size_limit = 67108864');
  return sqlite;
}

/**
 * Kysely's transactions on SQLite begin `IMMEDIATE`: with the write lock, before their first read.
 * A deferred transaction that reads and then writes after the WAL checkpoint worker restarted the
 * WAL would fail at once with SQLITE_BUSY_SNAPSHOT, which no busy timeout retries (a 1M-row import
 * died that way); an immediate one waits its turn in the busy handler instead.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class SqliteImmediateDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];

  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionDriver(this.#config);
  }
}

export function openDatabase(config: DatabaseConfig): Db {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // An idle pooled connection that the server ends (a PostgreSQL restart, pg_terminate_backend,
    // a failover) makes the pool emit 'error'; with no listener that is an uncaught exception that
    // takes the whole app down. The pool has already dropped that connection and opens a new one
    // on the next query, so a warning is all it needs.
    pool.on('error', (error) =>
      process.emitWarning(
        `an idle PostgreSQL connection was closed: ${error.message}`,
        'PostgresPoolWarning',
      ),
    );
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', sqlite: null, close: () => kysely.destroy() };
  }
  const sqlite = openSqlite(config.sqlitePath ?? './data/statroom.sqlite');
  const kysely = new Kysely<Database>({ dialect: new SqliteImmediateDialect({ database: sqlite }) });
  return { kysely, dialect: 'sqlite', sqlite, close: () => kysely.destroy() };
}
