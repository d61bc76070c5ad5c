/**
 * Real Yjs clients for integration tests:
 * - `SocketIoDocClient`: the browser's own provider (`client/src/yjs/SocketIOProvider.ts`), run in
 *   Node with a token, one connection multiplexing many documents, like a tab; plus ways to send
 *   what a misbehaving client would.
 * - `connectYWebsocket`: the stock `y-websocket` WebsocketProvider over `ws`, with
 *   `disableBc: true` so that clients in one process cannot sync behind the server's back.
 */
import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import type * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type DocSession, SocketIOProvider } from '../../client/src/yjs/SocketIOProvider.ts';
import { addAgendaItem, getAgendaItem, readAttendance, setAttendee } from '../../shared/meetingDoc.ts';
import type { DocErrorEvent, JoinAck } from '../../shared/protocol.ts';
import { firstParagraphText, notesText } from '../../shared/richNotes.ts';
import type { Permission } from '../../shared/roles.ts';

/** Polls until `condition` holds (no timing assertions: only a generous upper bound). */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what = 'condition',
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One joined document: a live view of the provider's session. */
export interface JoinedDoc {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly permission: Permission | null;
  /** True once the server's sync step 2 (its whole state) has been applied since the last (re)join. */
  readonly synced: boolean;
  readonly session: DocSession;
}

export interface SocketIoClientOptions {
  token?: string;
  protocolVersion?: number;
  transports?: Array<'websocket' | 'polling'>;
}

const JOIN_TIMEOUT_MS = 15_000;

function viewOf(session: DocSession): JoinedDoc {
  return {
    name: session.name,
    doc: session.doc,
    awareness: session.awareness,
    session,
    get permission() {
      return session.getState().permission;
    },
    get synced() {
      return session.getState().synced;
    },
  };
}

/** Resolves once the session's state satisfies `done` (checked at once, then on every change). */
function whenState<T>(session: DocSession, what: string, done: () => T | null): Promise<T> {
  return new Promise((resolve, reject) => {
    const settle = (): boolean => {
      const result = done();
      if (result === null) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(result);
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting for ${what}`));
    }, JOIN_TIMEOUT_MS);
    const unsubscribe = session.subscribe(() => void settle());
    settle();
  });
}

export class SocketIoDocClient {
  readonly docs = new Map<string, JoinedDoc>();
  readonly errors: DocErrorEvent[] = [];

  private constructor(readonly provider: SocketIOProvider) {
    provider.socket.on('doc:error', (event) => this.errors.push(event));
  }

  get socket(): SocketIOProvider['socket'] {
    return this.provider.socket;
  }

  /** Connects; rejects with the server's connect error (its message is the error code). */
  static connect(url: string, options: SocketIoClientOptions = {}): Promise<SocketIoDocClient> {
    const provider = new SocketIOProvider({
      url,
      ...(options.token ? { token: options.token } : {}),
      socketOptions: {
        transports: options.transports ?? ['websocket'],
        reconnectionDelay: 50,
        reconnectionDelayMax: 200,
        forceNew: true,
        // Only to speak another protocol version than this build's (a refusal test).
        ...(options.protocolVersion === undefined
          ? {}
          : { auth: { protocolVersion: options.protocolVersion, token: options.token } }),
      },
    });
    const client = new SocketIoDocClient(provider);
    return new Promise((resolve, reject) => {
      provider.socket.once('connect', () => resolve(client));
      provider.socket.once('connect_error', (error) => {
        provider.destroy();
        reject(error);
      });
    });
  }

  /** Joins a document and resolves with the ack; the doc syncs in the background (see `synced`). */
  async join(docName: string): Promise<{ joined: JoinedDoc; ack: JoinAck }> {
    const session = this.provider.session(docName);
    session.retain();
    const joined = viewOf(session);
    const ack = await whenState<JoinAck>(session, `join of ${docName}`, () => {
      const { permission, error } = session.getState();
      if (error) return { error };
      return permission ? { ok: true, permission } : null;
    });
    if ('ok' in ack) this.docs.set(docName, joined);
    else this.provider.closeSession(session);
    return { joined, ack };
  }

  /** Joins and waits until the server's state has arrived. */
  async joinSynced(docName: string): Promise<JoinedDoc> {
    const { joined, ack } = await this.join(docName);
    if (!('ok' in ack)) throw new Error(`join refused: ${ack.error.code} ${ack.error.message}`);
    await whenState(joined.session, `sync of ${docName}`, () => (joined.synced ? true : null));
    return joined;
  }

  /** Leaves the document as a tab does when its page closes; its Y.Doc is destroyed. */
  leave(docName: string): void {
    const joined = this.docs.get(docName);
    this.docs.delete(docName);
    if (joined) this.provider.closeSession(joined.session);
  }

  /** Sends one message as it is, bypassing the session (for forged or malformed input). */
  send(docName: string, message: Uint8Array): void {
    this.provider.sendMessage(docName, message);
  }

  /** Sends anything at all, for bad-input tests. */
  sendRaw(event: string, ...args: unknown[]): void {
    (this.socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, ...args);
  }

  async waitForError(code: string, docName?: string | null): Promise<DocErrorEvent> {
    const match = () =>
      this.errors.find(
        (event) => event.error.code === code && (docName === undefined || event.docName === docName),
      );
    await waitFor(() => match() !== undefined, `doc:error ${code}`);
    return match() as DocErrorEvent;
  }

  /** Drops the connection without leaving (like a laptop going offline). */
  goOffline(): void {
    this.provider.disconnect();
  }

  comeBackOnline(): void {
    this.provider.connect();
  }

  close(): void {
    this.provider.destroy();
  }
}

export interface YWebsocketClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Messages of the standard permission-denied kind seen by the provider. */
  permissionDenied: string[];
  synced: Promise<void>;
  destroy(): void;
}

/** The stock y-websocket client, exactly as an integration would use it. `wsBase` is `ws://host:port/yjs`. */
export function connectYWebsocket(
  wsBase: string,
  docName: string,
  token?: string,
  doc = new Y.Doc(),
): YWebsocketClient {
  const provider = new WebsocketProvider(wsBase, docName, doc, {
    // The stock client expects a browser WebSocket; ws implements the same interface.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    disableBc: true,
    maxBackoffTime: 300,
  });
  const permissionDenied: string[] = [];
  // The stock client only console.warns on "permission denied"; wrap its handler to observe it.
  const handlers = provider.messageHandlers as unknown as Array<
    (encoder: encoding.Encoder, decoder: decoding.Decoder, ...rest: unknown[]) => void
  >;
  const authHandler = handlers[2];
  handlers[2] = (encoder, decoder, ...rest) => {
    const copy = decoding.clone(decoder);
    if (decoding.readVarUint(copy) === 0) permissionDenied.push(decoding.readVarString(copy));
    authHandler?.(encoder, decoder, ...rest);
  };
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return {
    doc,
    provider,
    permissionDenied,
    synced,
    destroy() {
      provider.destroy();
    },
  };
}

/** Resolves when a stock client's connection is refused or closed by the server. */
export function nextConnectionClose(client: YWebsocketClient): Promise<void> {
  return new Promise((resolve) => {
    client.provider.once('connection-close', () => resolve());
    client.provider.once('connection-error', () => resolve());
  });
}

/** Creates a meeting through the real API and returns its document name. */
export async function createMeetingDoc(
  url: string,
  token: string,
  title = 'Weekly security stocktake',
): Promise<string> {
  const response = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title, scheduledFor: '2026-12-01' }),
  });
  if (response.status !== 201)
    throw new Error(`cannot create meeting: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { meeting: { docName: string } }).meeting.docName;
}

/** Appendable shared text in a meeting document; see `sharedNotes`. */
export interface SharedNotes {
  /** The writer's copy of the notes. */
  text: Y.Text;
  /** The notes as `doc` holds them ('' until it has the item). */
  textOf(doc: Y.Doc): string;
}

/**
 * Text to type into, where a meeting document has some: a new agenda item's shared notes (the
 * server refuses roots a meeting does not declare, so no `doc.getText('notes')`). Creates the item on
 * `writer` and waits until every reader has it, so that the edits that follow are all to its notes.
 */
export async function sharedNotes(
  writer: Y.Doc,
  readers: Y.Doc[] = [],
  title = 'Minutes',
): Promise<SharedNotes> {
  const id = addAgendaItem(writer, { title });
  const notes = getAgendaItem(writer, id)?.notes;
  // The notes are rich text; the edits go to the text of the paragraph a new item starts with (an
  // XmlText is a Y.Text).
  const text = notes ? firstParagraphText(notes) : null;
  if (!text) throw new Error('the new agenda item has no notes');
  await waitFor(() => readers.every((doc) => getAgendaItem(doc, id) !== null), 'readers have the item');
  return { text, textOf: (doc) => notesText(getAgendaItem(doc, id)?.notes ?? new Y.XmlFragment()) };
}

/** One distinct edit to a meeting document: a new attendance entry, named by `key` (e.g. a sequence number). */
export function markAttendee(doc: Y.Doc, key: string): void {
  setAttendee(doc, key, { name: key, agency: 'Test agency', present: true });
}

/** The keys of the well-formed attendance entries `doc` holds, sorted. */
export function attendeeKeys(doc: Y.Doc): string[] {
  return readAttendance(doc)
    .map((attendee) => attendee.key)
    .sort();
}
