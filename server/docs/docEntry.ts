/** The DocHub's record of one live document and of each connection's session on it. */
import type * as Y from 'yjs';
import type { DocKind } from '../../shared/docNames.ts';
import type { Permission } from '../../shared/roles.ts';
import type { Compactable } from './compaction.ts';
import type { HubConnection } from './hubConnection.ts';
import type { DocPresence } from './presence.ts';
import type { IncomingDocMessage } from './syncMessages.ts';

export interface Session {
  conn: HubConnection;
  permission: Permission;
  /** Messages received while the document loads; null once they are handled directly. */
  queue: IncomingDocMessage[] | null;
  /** Whether this session has had its first sync step 2 (the whole document). */
  synced: boolean;
}

export interface DocEntry extends Compactable {
  kind: DocKind | null;
  /** The load in progress or done; a failed load rejects and the entry is dropped. */
  ready: Promise<void>;
  doc: Y.Doc | null;
  presence: DocPresence | null;
  sessions: Map<HubConnection, Session>;
  unloadTimer: NodeJS.Timeout | null;
  /** `hub.change` calls in progress: they keep the document loaded. */
  busy: number;
  /** While a client's update is being applied: what it produced, held until it applied cleanly. */
  captured: Uint8Array[] | null;
}
