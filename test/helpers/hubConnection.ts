/**
 * A DocHub connection for tests: it keeps a replica of the document from what the hub sends, like a
 * real client, and sends edits, sync steps and presence to the hub as raw y-protocols messages.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DocHub } from '../../server/docs/docHub.ts';
import type { HubConnection } from '../../server/docs/hubConnection.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { Principal, Role } from '../../shared/roles.ts';

export class TestConnection implements HubConnection {
  readonly transport = 'socketio' as const;
  readonly principal: Principal;
  readonly received: Uint8Array[] = [];
  readonly errors: Array<{ code: ErrorCode; message: string }> = [];
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  closedWith: string | null = null;
  buffered = 0;
  /** When set, everything sent stays "buffered", like a socket whose peer reads nothing yet. */
  sendBuffered = false;
  /** Whether the replica has applied the server's sync step 2. */
  synced = false;

  constructor(
    readonly id: string,
    private readonly hub: () => DocHub,
    readonly docName: string,
    role: Role = 'analyst',
  ) {
    this.principal = { id, name: `Person ${id}`, role };
    this.awareness.setLocalState(null);
  }

  send(_docName: string, message: Uint8Array): void {
    this.received.push(message);
    if (this.sendBuffered) this.buffered += message.byteLength;
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      const syncType = syncProtocol.readSyncMessage(decoder, reply, this.doc, 'server');
      if (syncType === syncProtocol.messageYjsSyncStep2) this.synced = true;
    } else if (type === 1) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), 'server');
    }
  }
  bufferedBytes(): number {
    return this.buffered;
  }
  reportError(_docName: string, code: ErrorCode, message: string): void {
    this.errors.push({ code, message });
  }
  close(reason: string): void {
    this.closedWith = reason;
  }

  syncStep1(): void {
    this.deliver((encoder) => {
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep1(encoder, this.doc);
    });
  }
  /** Applies `change` to the replica and sends the resulting update to the hub. */
  edit(change: (doc: Y.Doc) => void): void {
    const before = Y.encodeStateVector(this.doc);
    change(this.doc);
    this.sendUpdate(Y.encodeStateAsUpdate(this.doc, before));
  }
  /** Sends raw update bytes as a y-protocols update message. */
  sendUpdate(update: Uint8Array): void {
    this.deliver((encoder) => {
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
    });
  }
  publishPresence(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
    this.deliver((encoder) => {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
      );
    });
  }
  /** Messages received of one y-protocols type (0 sync, 1 awareness). */
  receivedOfType(type: number): number {
    return this.received.filter((message) => decoding.readVarUint(decoding.createDecoder(message)) === type)
      .length;
  }
  private deliver(write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    write(encoder);
    this.hub().receive(this, this.docName, encoding.toUint8Array(encoder));
  }
}
