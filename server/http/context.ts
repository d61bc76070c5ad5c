/** What every route and service receives: built once by `createApp`, never read from globals. */
import type { Authenticate } from '../auth/authenticate.ts';
import type { Db } from '../db/database.ts';
import type { DocHub } from '../docs/docHub.ts';
import type { DocStore } from '../docs/docStore.ts';
import type { LedgerCommands } from '../ledger/ledgerCommands.ts';
import type { Logger } from '../logger.ts';
import type { MeetingCommands } from '../meetings/commands.ts';

export interface RouteContext {
  db: Db;
  logger: Logger;
  authenticate: Authenticate;
  sessionSecret: string;
  /** Whether the session cookie is marked Secure (behind HTTPS). */
  secureCookies: boolean;
  /** The live documents, for services that read or change them. */
  hub: DocHub;
  /** Where documents are stored (deleting a draft meeting removes its documents' rows). */
  docStore: DocStore;
  /** Meeting commands, shared by the Socket.IO events and the HTTP routes. */
  meetingCommands: MeetingCommands;
  /** Ledger commands (make, change, review commitments), shared the same way. */
  ledgerCommands: LedgerCommands;
  /** After writes, the objectives overview reads again only the goals they touched (overview.ts). */
  incrementalOverview: boolean;
}
