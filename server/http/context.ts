/** What every route and service receives: built once by `createApp`, never read from globals. */
import type { Authenticate } from '../auth/authenticate.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';

export interface RouteContext {
  db: Db;
  logger: Logger;
  authenticate: Authenticate;
  sessionSecret: string;
  /** Whether the session cookie is marked Secure (behind HTTPS). */
  secureCookies: boolean;
}
