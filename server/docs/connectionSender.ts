/**
 * Sending to connections with backpressure: after each send the connection's buffered bytes are
 * read, and past the limit it is dropped (it reconnects and resyncs), so a slow client costs
 * bandwidth, never unbounded server memory. A connection's first sync of each document (the whole
 * document, possibly megabytes) is allowed on top of the limit: a fresh join is not falling behind.
 */
import type { Logger } from '../logger.ts';
import type { HubConnection } from './hubConnection.ts';

export interface ConnectionSender {
  send(conn: HubConnection, docName: string, message: Uint8Array, options?: { firstSync?: boolean }): void;
  /** The connection is gone: forget its allowance. */
  forget(conn: HubConnection): void;
}

export function createConnectionSender(options: {
  maxBufferedBytes: number;
  logger: Logger;
  onDropped: (conn: HubConnection) => void;
}): ConnectionSender {
  const { maxBufferedBytes, logger } = options;
  const firstSyncAllowance = new WeakMap<HubConnection, number>();

  return {
    send(conn, docName, message, sendOptions) {
      if (sendOptions?.firstSync) {
        firstSyncAllowance.set(conn, (firstSyncAllowance.get(conn) ?? 0) + message.byteLength);
      }
      try {
        conn.send(docName, message);
      } catch (error) {
        logger.warn({ err: error, conn: conn.id, doc: docName }, 'send failed');
        return;
      }
      const buffered = conn.bufferedBytes();
      const limit = maxBufferedBytes + (firstSyncAllowance.get(conn) ?? 0);
      if (buffered <= limit) {
        // Drained below the plain limit: its first syncs have left, so the allowance goes too.
        if (buffered <= maxBufferedBytes / 2) firstSyncAllowance.delete(conn);
        return;
      }
      logger.warn(
        { conn: conn.id, user: conn.principal.id, transport: conn.transport, buffered, limit },
        'dropping a slow connection: outgoing buffer over the limit',
      );
      firstSyncAllowance.delete(conn);
      options.onDropped(conn);
      conn.close('backpressure: outgoing buffer over the limit');
    },
    forget(conn) {
      firstSyncAllowance.delete(conn);
    },
  };
}
