/** Reads the environment once, in `index.ts`; nothing else in the server looks at process.env. */
import { randomBytes } from 'node:crypto';
import { normalizeOrigin } from './auth/origin.ts';

/** Shorter secrets can be guessed offline from one signed token. */
export const MIN_SESSION_SECRET_LENGTH = 32;

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
  /** Mark the session cookie `Secure` (`SECURE_COOKIES=on`, behind HTTPS; off for http://localhost). */
  secureCookies: boolean;
  /**
   * Origins besides the request's own host that may use the session cookie on live transports and
   * HTTP writes (`PUBLIC_ORIGIN`, comma-separated: the address people open behind a proxy).
   */
  publicOrigins: string[];
  /** Rows past which a document is compacted when quiet (`STATROOM_COMPACT_THRESHOLD`; unset: the hub's default). */
  compactThreshold: number | undefined;
  /**
   * After a data write, recompute only the goals it touched in the objectives overview (default on;
   * `STATROOM_INCREMENTAL_OVERVIEW=off` recomputes the whole government, for `bench:data` to compare).
   */
  incrementalOverview: boolean;
}

/** A set SESSION_SECRET must be long; unset, a random one is drawn at each start. */
function sessionSecret(value: string | undefined): string {
  if (value === undefined) return randomBytes(32).toString('hex');
  if (value.length < MIN_SESSION_SECRET_LENGTH) {
    throw new Error(
      `SESSION_SECRET is set but ${value.length === 0 ? 'empty' : `only ${value.length} characters long`}: ` +
        `use at least ${MIN_SESSION_SECRET_LENGTH} random characters (e.g. \`openssl rand -hex 32\`), ` +
        'or unset it for a random secret at each start',
    );
  }
  return value;
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['on', 'true', '1'].includes(value)) return true;
  if (['off', 'false', '0'].includes(value)) return false;
  throw new Error(`${name} must be on or off (got ${JSON.stringify(value)})`);
}

function publicOrigins(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries.map((entry) => {
    const origin = normalizeOrigin(entry);
    if (origin === null) {
      throw new Error(
        `PUBLIC_ORIGIN: ${JSON.stringify(entry)} is not an origin such as https://statroom.example.gov`,
      );
    }
    return origin;
  });
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    throw new Error(`${name} must be a whole number of at least 1 (got ${JSON.stringify(value)})`);
  return parsed;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number.parseInt(env.PORT ?? '3000', 10),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    sqlitePath: env.SQLITE_PATH ?? './data/statroom.sqlite',
    // A random secret signs out everyone at each restart; set SESSION_SECRET to keep sessions.
    sessionSecret: sessionSecret(env.SESSION_SECRET),
    logLevel: env.LOG_LEVEL ?? 'info',
    prettyLogs: env.LOG_FORMAT === 'pretty' || (env.LOG_FORMAT !== 'json' && Boolean(process.stdout.isTTY)),
    clientDir: env.CLIENT_DIR ?? './dist/client',
    seedDemo: (env.STATROOM_DEMO ?? 'on') !== 'off',
    secureCookies: flag('SECURE_COOKIES', env.SECURE_COOKIES, false),
    publicOrigins: publicOrigins(env.PUBLIC_ORIGIN),
    compactThreshold: positiveInteger('STATROOM_COMPACT_THRESHOLD', env.STATROOM_COMPACT_THRESHOLD),
    incrementalOverview: flag('STATROOM_INCREMENTAL_OVERVIEW', env.STATROOM_INCREMENTAL_OVERVIEW, true),
  };
}
