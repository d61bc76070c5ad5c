/** What the DocHub needs from a transport's connection; each transport adapts its socket to this. */
import type { ErrorCode } from '../../shared/errors.ts';
import type { Principal } from '../../shared/roles.ts';

export type TransportName = 'socketio' | 'websocket';

export interface HubConnection {
  /** Unique per connection, for logs. */
  readonly id: string;
  readonly transport: TransportName;
  /** Who signed in on the other end: logs, and the identity stamped on their presence. */
  readonly principal: Principal;
  send(docName: string, message: Uint8Array): void;
  /** Bytes queued for this connection and not yet handed to the network. */
  bufferedBytes(): number;
  /** Tells the client that a message was refused; the document is unchanged. */
  reportError(docName: string, code: ErrorCode, message: string): void;
  /** Drops the connection (the client reconnects and resyncs). The transport then calls `hub.disconnect`. */
  close(reason: string): void;
}
