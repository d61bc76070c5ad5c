/**
 * Compaction of a document's update log: the algorithm, apart from the queries it runs (Kysely for
 * PostgreSQL, prepared better-sqlite3 statements for SQLite: `sqliteDocLog.ts`).
 *
 * The rows are read and merged outside any transaction: a SQLite transaction held open across the
 * merge would hold every append (and so every relay) back until it ends. The rows read cannot
 * change meanwhile: only a compaction removes rows, and the DocHub runs one per document at a time.
 * Then exactly the rows that were merged are deleted (not "every id ≤ N") and the merged row is
 * inserted, in one transaction, so a row committed meanwhile, by this process or another one, is
 * never dropped without having been merged, and a crash midway leaves either the old rows or the
 * merged one. Two processes compacting one document at once (on PostgreSQL, where nodes share the
 * log) leave two merged rows that overlap: harmless to Yjs.
 */
import type { CompactionResult } from './docStore.ts';
import type { MergeUpdates } from './updateMerger.ts';

export interface RowSize {
  id: number;
  bytes: number;
}

export interface StoredRow {
  id: number;
  data: Uint8Array;
}

export interface ReplacedRows {
  /** Ids of the merged rows, ascending. */
  ids: number[];
  /** The row left out of the merge (the base, see `rowToKeep`), or null. */
  keptId: number | null;
}

/** What a compaction asks of the storage engine. */
export interface CompactionQueries {
  /** Ids and sizes of the document's rows with id ≤ `upToId` (all when undefined), by id. */
  rowSizes(docName: string, upToId: number | undefined): Promise<RowSize[]>;
  /** The same rows with their data, except the row `exceptId` (none when null), by id. */
  rows(docName: string, upToId: number | undefined, exceptId: number | null): Promise<StoredRow[]>;
  /**
   * Deletes the rows that were merged (`replaced.ids`, read by `rows` with `replaced.keptId` left
   * out) and inserts `merged`, in one transaction; resolves with the rows the document has left.
   */
  replace(docName: string, replaced: ReplacedRows, merged: Uint8Array): Promise<number>;
  countRows(docName: string): Promise<number>;
}

/** A row at least this many times the size of all the others together is left out of a compaction. */
const BASE_ROW_RATIO = 4;

/**
 * Tiered compaction. A long meeting's first compactions leave one large row (the base) that every
 * later compaction would merge again, with the hundred small edits since: `Y.mergeUpdates` work
 * that grows with the whole document, once every hundred edits. While the base outweighs all the
 * other rows together by `BASE_ROW_RATIO`, only those others are merged (into a second row that
 * grows); once they catch up, everything is merged into a new base. Each byte is then re-merged a
 * handful of times over the document's life instead of once per compaction, and a document still
 * never has more than two rows right after one. Yjs applies updates in any order, so which rows
 * are merged together changes nothing in the document.
 */
function rowToKeep(rows: RowSize[]): number | null {
  let base = rows[0] as RowSize;
  let total = 0;
  for (const row of rows) {
    total += row.bytes;
    if (row.bytes > base.bytes) base = row;
  }
  return (total - base.bytes) * BASE_ROW_RATIO < base.bytes ? base.id : null;
}

export async function compactDocument(
  queries: CompactionQueries,
  mergeUpdates: MergeUpdates,
  docName: string,
  upToId: number | undefined,
): Promise<CompactionResult> {
  const candidates = await queries.rowSizes(docName, upToId);
  if (candidates.length <= 1) return { replacedRows: 0, rowsAfter: await queries.countRows(docName) };
  const keptId = rowToKeep(candidates);
  const rows = await queries.rows(docName, upToId, keptId);
  if (rows.length <= 1) return { replacedRows: 0, rowsAfter: await queries.countRows(docName) };
  const merged = await mergeUpdates(rows.map((row) => row.data));
  const replaced = { ids: rows.map((row) => row.id), keptId };
  return { replacedRows: rows.length, rowsAfter: await queries.replace(docName, replaced, merged) };
}
