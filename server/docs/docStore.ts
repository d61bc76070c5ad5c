/**
 * Where documents live between loads: an append-only log of Yjs updates per document, compacted
 * now and then. The DocHub only talks to this interface, so the storage engine stays swappable.
 */

export interface StoredUpdate {
  docName: string;
  /** One Yjs update (v1 encoding). */
  data: Uint8Array;
}

export interface LoadedUpdates {
  updates: Uint8Array[];
  /** Id of the newest row read (0 when the document has none): the cut a later compaction may use. */
  lastId: number;
}

export interface CompactionResult {
  /** Rows replaced by the merged one (0 when there was nothing to compact). */
  replacedRows: number;
  /** Rows the document has after compaction. */
  rowsAfter: number;
}

export interface DocStore {
  /** Every update of a document, oldest first. */
  load(docName: string): Promise<LoadedUpdates>;
  /** Appends updates of any number of documents in ONE transaction: all are stored or none. */
  appendBatch(updates: StoredUpdate[]): Promise<void>;
  /**
   * The same append, synchronously, where the engine allows it right now (SQLite with no other
   * transaction open on the connection); false when it did nothing and `appendBatch` must be used.
   * Absent where appends are always asynchronous (PostgreSQL).
   */
  appendNow?(updates: StoredUpdate[]): boolean;
  countRows(docName: string): Promise<number>;
  /**
   * Replaces the document's rows with id ≤ `upToId` (default: all) by one `Y.mergeUpdates` row,
   * except a row that outweighs all the others together several times over (the base a long
   * document accumulates), which is left as it is while the others are merged (tiered compaction).
   * The rows are read and merged first; deleting exactly those rows and inserting the merged one
   * is one transaction, so a crash midway leaves either the old rows or the merged one.
   */
  compact(docName: string, upToId?: number): Promise<CompactionResult>;
  /**
   * Where appends are acknowledged before they reach the database's own tables (SQLite's intake
   * journal, `updateIntake.ts`): resolves once they have. Absent where an append is in them at once.
   */
  flush?(): Promise<void>;
  /** Flushes and lets go of what the store holds open besides the database (the intake journal). */
  close?(): Promise<void>;
}
