/**
 * Where documents live between loads: an append-only log of Yjs updates per document, replaced now
 * and then by the document's encoded state (compaction). The DocHub only talks to this interface.
 */

export interface StoredUpdate {
  docName: string;
  /** One Yjs update (v1 encoding). */
  data: Uint8Array;
}

export interface StoredRow {
  /** Ids only grow: "rows up to id N" is a stable cut. */
  id: number;
  data: Uint8Array;
}

/** Stored size of one kind of document (`meeting`, …), for /metrics. */
export interface KindSize {
  kind: string;
  documents: number;
  rows: number;
  bytes: number;
}

export interface DocSize {
  docName: string;
  rows: number;
  bytes: number;
}

export interface DocStore {
  /** Every row of a document, oldest first. */
  load(docName: string): Promise<StoredRow[]>;
  /** Appends updates of any number of documents in ONE transaction; resolves with their ids, in order. */
  append(updates: StoredUpdate[]): Promise<number[]>;
  /**
   * Replaces the document's rows with id ≤ `upToId` by one row holding `state`, in one transaction
   * (a crash leaves either the old rows or the new one); rows appended later are kept.
   */
  replace(docName: string, upToId: number, state: Uint8Array): Promise<void>;
  /** Moves rows that cannot be applied out of the log, kept aside with the reason, in one transaction. */
  setAside(docName: string, ids: number[], reason: string): Promise<void>;
  /** Deletes every stored row of the documents (a draft meeting deleted); nothing is set aside. */
  remove(docNames: string[]): Promise<void>;
  /** Stored rows and bytes per kind of document, and the largest documents. */
  sizes(largest: number): Promise<{ kinds: KindSize[]; largest: DocSize[] }>;
}
