/**
 * A real StatRoom server for tests: `createApp` on port 0 in this process, over a fresh database.
 * For tests that kill the process, see `spawnServer` in `process.ts`.
 */
import type { AddressInfo } from 'node:net';
import { type App, type AppDeps, createApp } from '../../server/app.ts';
import type { DialectName } from '../../server/db/database.ts';
import { openStorage } from '../../server/db/storage.ts';
import { silentLogger } from '../../server/logger.ts';
import type { Principal, Role } from '../../shared/roles.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

export const TEST_SESSION_SECRET = 'test-secret-please-change';

export interface TestServer {
  app: App;
  url: string;
  port: number;
  database: TestDatabase;
  /** Signs in through the real development sign-in and returns the session token. */
  signIn(name: string, role: Role): Promise<{ token: string; principal: Principal }>;
  close(): Promise<void>;
}

export async function startTestServer(
  options: { dialect?: DialectName; deps?: Partial<AppDeps> } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(options.dialect ?? 'sqlite');
  const app = await createApp({
    storage: openStorage(database.config),
    logger: silentLogger(),
    sessionSecret: TEST_SESSION_SECRET,
    ...options.deps,
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    port,
    database,
    async signIn(name, role) {
      const response = await fetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, role }),
      });
      if (response.status !== 201)
        throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as { token: string; principal: Principal };
    },
    async close() {
      await app.close();
      await database.cleanup();
    },
  };
}
