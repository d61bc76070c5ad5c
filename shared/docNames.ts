/**
 * Document names: `<kind>:<id>`. The same string names a document on every transport
 * (Socket.IO events and the y-websocket path `/yjs/<docName>`), in storage and in logs.
 */
export const DocKind = {
  meeting: 'meeting',
  /** A meeting's live state (phase, current item, timers, timeline): written by the server only. */
  meetingLive: 'meetingLive',
  /** An objective's commitment ledger (id = objective id): written by the server's ledger commands. */
  ledger: 'ledger',
} as const;
export type DocKind = (typeof DocKind)[keyof typeof DocKind];

/** Kinds only the server writes (through commands): every client reads them, none can edit them. */
const SERVER_WRITTEN = new Set<DocKind>([DocKind.meetingLive, DocKind.ledger]);
export const isServerWritten = (kind: DocKind): boolean => SERVER_WRITTEN.has(kind);

/** Ids of documents, and of what they belong to (meetings, objectives, commitments). */
export const DOC_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const KINDS = new Set<string>(Object.values(DocKind));

export interface DocRef {
  kind: DocKind;
  id: string;
}

export function docName(kind: DocKind, id: string): string {
  if (!DOC_ID_PATTERN.test(id)) throw new Error(`Invalid document id: ${JSON.stringify(id)}`);
  return `${kind}:${id}`;
}

/** Parses a document name; returns null for anything that is not a well-formed name. */
export function parseDocName(name: string): DocRef | null {
  if (typeof name !== 'string' || name.length > 100) return null;
  const separator = name.indexOf(':');
  if (separator < 0) return null;
  const kind = name.slice(0, separator);
  const id = name.slice(separator + 1);
  if (!KINDS.has(kind) || !DOC_ID_PATTERN.test(id)) return null;
  return { kind: kind as DocKind, id };
}

export const meetingDocName = (meetingId: string): string => docName(DocKind.meeting, meetingId);
export const meetingLiveDocName = (meetingId: string): string => docName(DocKind.meetingLive, meetingId);
export const ledgerDocName = (objectiveId: string): string => docName(DocKind.ledger, objectiveId);
