/**
 * The PostgreSQL pool behind `openDatabase`: a pooled connection that the server ends while it sits
 * idle (a restart, a failover, `pg_terminate_backend`) must cost a warning, not the process.
 * Real PostgreSQL on loopback.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../server/db/database.ts';
import { createTestDatabase, POSTGRES_ADMIN_URL } from '../../helpers/databases.ts';
import { waitFor } from '../../helpers/yjsClients.ts';

describe('PostgreSQL pool', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  test('an idle connection terminated by the server is replaced, and the process keeps running', async () => {
    const database = await createTestDatabase('postgres');
    cleanups.push(() => database.cleanup());
    const db = openDatabase(database.config);
    cleanups.push(() => db.close());

    const first = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db.kysely);
    const pid = first.rows[0]?.pid as number;

    const warnings: string[] = [];
    const onWarning = (warning: Error) => {
      if (warning.name === 'PostgresPoolWarning') warnings.push(warning.message);
    };
    process.on('warning', onWarning);
    cleanups.push(async () => {
      process.off('warning', onWarning);
    });

    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await admin.end();

    // Without a pool error listener this is an uncaught exception, and the warning never comes.
    await waitFor(() => warnings.length === 1);
    expect(warnings[0]).toMatch(/idle PostgreSQL connection was closed: terminating connection/);

    const second = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db.kysely);
    expect(second.rows[0]?.pid).not.toBe(pid);
  });
});
