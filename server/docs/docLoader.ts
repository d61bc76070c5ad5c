/**
 * Loading a document from its stored rows. One stored update that cannot be applied never stops a
 * load: it is set aside (kept in `doc_updates_set_aside`, logged, counted) and the rest loads. A row
 * that throws midway through `Y.applyUpdate` may have left part of itself in the document, so the
 * document is then rebuilt from scratch without it.
 */
import * as Y from 'yjs';
import type { Logger } from '../logger.ts';
import type { DocStore, StoredRow } from './docStore.ts';
import { unapplicableReason } from './updateGuard.ts';

export interface LoadedDoc {
  doc: Y.Doc;
  /** Largest stored row id the document holds (0 when it has none): the cut a compaction may use. */
  lastId: number;
  rows: number;
  bytes: number;
}

interface BadRow {
  id: number;
  reason: string;
}

/** Applies the rows in order; the first that throws is named (checked only then: a load is hot). */
function firstBadRow(doc: Y.Doc, rows: StoredRow[]): BadRow | null {
  for (const row of rows) {
    try {
      Y.applyUpdate(doc, row.data);
    } catch (error) {
      const reason = unapplicableReason(row.data) ?? (error instanceof Error ? error.message : String(error));
      return { id: row.id, reason };
    }
  }
  return null;
}

export async function loadDocument(
  store: DocStore,
  docName: string,
  logger: Logger,
  onSetAside: (count: number) => void,
): Promise<LoadedDoc> {
  let rows = await store.load(docName);
  for (;;) {
    const doc = new Y.Doc();
    const bad = firstBadRow(doc, rows);
    if (!bad) {
      return {
        doc,
        lastId: rows.reduce((max, row) => Math.max(max, row.id), 0),
        rows: rows.length,
        bytes: rows.reduce((sum, row) => sum + row.data.byteLength, 0),
      };
    }
    doc.destroy();
    logger.error(
      { doc: docName, row: bad.id, reason: bad.reason },
      'a stored update cannot be applied; set aside',
    );
    await store.setAside(docName, [bad.id], bad.reason);
    onSetAside(1);
    rows = rows.filter((row) => row.id !== bad.id);
  }
}
