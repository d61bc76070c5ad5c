/** Reads the environment once, in `index.ts`; nothing else in the server looks at process.env. */
import { randomBytes } from 'node:crypto';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  sqlitePath: string;
  sessionSecret: string;
  logLevel: string;
  prettyLogs: boolean;
  clientDir: string;
  /** Fill an empty database with the demo government (default on; `STATROOM_DEMO=off` starts empty). */
  seedDemo: boolean;
  /**
   * SQLite: acknowledge document updates once written to the intake journal and commit them to the
   * database in groups (default on; `STATROOM_INTAKE_JOURNAL=off` commits each one before its relay).
   */
  intakeJournal: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number.parseInt(env.PORT ?? '3000', 10),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    sqlitePath: env.SQLITE_PATH ?? './data/statroom.sqlite',
    // A random secret signs out everyone at each restart; set SESSION_SECRET to keep sessions.
    sessionSecret: env.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    logLevel: env.LOG_LEVEL ?? 'info',
    prettyLogs: env.LOG_FORMAT === 'pretty' || (env.LOG_FORMAT !== 'json' && Boolean(process.stdout.isTTY)),
    clientDir: env.CLIENT_DIR ?? './dist/client',
    seedDemo: (env.STATROOM_DEMO ?? 'on') !== 'off',
    intakeJournal: (env.STATROOM_INTAKE_JOURNAL ?? 'on') !== 'off',
  };
}
