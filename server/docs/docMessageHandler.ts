/**
 * What one decoded message from a client does to a document the DocHub holds (its sessions stay in
 * `docHub.ts`, its loads and unloads in `docLifecycle.ts`):
 * - a sync step 1 is answered with the state the client lacks, once all of it is stored;
 * - an update is checked (`updateGuard.ts`) and applied with what it produces held back, then queued
 *   to be stored and relayed; one that throws midway stores and relays nothing, and the copy is
 *   dropped (`evict`) so its connections reload it from storage;
 * - presence goes to `presence.ts`, which may cut a flooding connection off.
 */
import * as Y from 'yjs';
import { ErrorCode } from '../../shared/errors.ts';
import type { Logger } from '../logger.ts';
import type { ConnectionSender } from './connectionSender.ts';
import type { DocEntry, Session } from './docEntry.ts';
import type { HubConnection } from './hubConnection.ts';
import type { PersistQueue } from './persistQueue.ts';
import { encodeSyncStep2, type IncomingDocMessage } from './syncMessages.ts';
import { checkClientUpdate } from './updateGuard.ts';

export interface DocMessageHandlerDeps {
  queue: PersistQueue;
  sender: ConnectionSender;
  logger: Logger;
  maxDocBytes: number;
  /** Logs, counts and tells the client that its message was refused. */
  refuse(conn: HubConnection, docName: string, code: ErrorCode, message: string): void;
  /** The connection is to be forgotten (it flooded presence and was closed). */
  disconnect(conn: HubConnection): void;
  /** An update threw midway through applying: drop the copy and close its connections. */
  evict(entry: DocEntry): void;
  countApplyFailure(): void;
}

/** Handles one message of a ready session. Never throws for a client's input; refusals go to `refuse`. */
export type DocMessageHandle = (entry: DocEntry, session: Session, message: IncomingDocMessage) => void;

export function createDocMessageHandler(deps: DocMessageHandlerDeps): DocMessageHandle {
  const { queue, sender, logger, maxDocBytes, refuse, disconnect, evict } = deps;

  function applyClientUpdate(
    entry: DocEntry,
    doc: Y.Doc,
    session: Session,
    { update, scan }: Extract<IncomingDocMessage, { kind: 'update' }>,
  ): void {
    const { conn } = session;
    if (session.permission !== 'write') {
      // Every client answers the server's sync step 1 with a sync step 2; for a viewer that is
      // already up to date it carries nothing new. Only an update that would change the document is
      // a refused write.
      if (Y.snapshotContainsUpdate(Y.snapshot(doc), update)) return;
      refuse(
        conn,
        entry.name,
        ErrorCode.forbidden,
        'This document is read-only for you; the update was not applied',
      );
      return;
    }
    if (entry.stateBytes + update.byteLength > maxDocBytes) {
      // The running estimate counts every update since the last compaction: measure before refusing.
      entry.stateBytes = Y.encodeStateAsUpdate(doc).byteLength;
    }
    const verdict = checkClientUpdate({
      kind: entry.kind,
      update,
      scan,
      docBytes: entry.stateBytes,
      maxDocBytes,
    });
    if (!verdict.ok) {
      refuse(conn, entry.name, verdict.code, verdict.message);
      return;
    }
    const captured: Uint8Array[] = [];
    entry.captured = captured;
    try {
      Y.applyUpdate(doc, update, conn);
    } catch (error) {
      entry.captured = null;
      deps.countApplyFailure();
      logger.error(
        { err: error, conn: conn.id, user: conn.principal.id, doc: entry.name },
        'an update passed the checks but could not be applied',
      );
      refuse(conn, entry.name, ErrorCode.invalidPayload, `Update could not be applied: ${String(error)}`);
      evict(entry);
      return;
    }
    entry.captured = null;
    for (const applied of captured) queue.push(entry.name, applied, conn);
  }

  return function handle(entry: DocEntry, session: Session, message: IncomingDocMessage): void {
    const doc = entry.doc;
    const presence = entry.presence;
    if (!doc || !presence) return;
    const { conn } = session;
    switch (message.kind) {
      case 'syncStep1': {
        // The answer is the whole state the client lacks: sent only once all of it is stored.
        void queue.stored(entry.name).then(() => {
          if (entry.sessions.get(conn) !== session || !entry.doc) return;
          const answer = encodeSyncStep2(entry.doc, message.stateVector);
          // A first sync is not falling behind: its size is allowed on top of the buffer limit.
          sender.send(conn, entry.name, answer, { firstSync: !session.synced });
          session.synced = true;
        });
        return;
      }
      case 'update':
        applyClientUpdate(entry, doc, session, message);
        return;
      case 'awareness': {
        const outcome = presence.receive(conn, message.update);
        if (outcome.ok) return;
        refuse(conn, entry.name, outcome.code, outcome.message);
        if (outcome.cutOff) {
          conn.close('presence flood');
          disconnect(conn);
        }
        return;
      }
      case 'queryAwareness':
        presence.sendAllTo(conn);
        return;
    }
  };
}
