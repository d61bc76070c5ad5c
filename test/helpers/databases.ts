/**
 * Real databases for tests: a fresh SQLite file in a temporary folder, or a fresh PostgreSQL
 * database on the loopback server (trust auth), dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig, DialectName } from '../../server/db/database.ts';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  dialect: DialectName;
  config: DatabaseConfig;
  /** Removes the file or drops the database. */
  cleanup(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'statroom-test-'));
    return {
      dialect,
      config: { sqlitePath: join(dir, 'statroom.sqlite') },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `statroom_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    config: { databaseUrl: url.toString() },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      // pg's pool.end() resolves before its connections have finished closing; dropping at once
      // would terminate them mid-close. Give them a moment, then force whatever is left.
      const deadline = Date.now() + 2_000;
      while (Date.now() < deadline) {
        const open = await client.query(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (open.rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Both storage engines, for `describe.each` over dialects. */
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];
