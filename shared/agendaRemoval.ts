/**
 * A removed agenda item's record, written in the same transaction as the removal into the meeting
 * document's `meta` map, so whoever was on the item reads who removed it, and anyone can put it
 * back under its own id and place, its notes included (a copy of the notes type, whatever it is).
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { DocKind } from './docNames.ts';
import { getRoot } from './docShapes.ts';
import {
  type AgendaItemPatch,
  agendaItemFieldsSchema,
  agendaItemPatchSchema,
  getAgendaItem,
  removeAgendaItem,
  updateAgendaItem,
} from './meetingDoc.ts';

export const agendaRemovalSchema = z.object({
  itemId: z.string().min(1).max(64),
  by: z.object({ id: z.string().max(200), name: z.string().min(1).max(120) }),
  at: z.number(),
  order: z.number(),
  fields: agendaItemFieldsSchema,
});
export type AgendaRemoval = z.infer<typeof agendaRemovalSchema>;
export type AgendaRemover = AgendaRemoval['by'];

const KEY_PREFIX = 'removed:';
/** Older records are dropped, so a long-lived agenda's meta map stays small. */
const MAX_KEPT = 20;
const metaMap = (doc: Y.Doc) => getRoot(doc, DocKind.meeting, 'meta');
const agendaMap = (doc: Y.Doc) => getRoot(doc, DocKind.meeting, 'agenda');

/** Removes item `id` and records who did, with what it held. False when there is no such item. */
export function removeAgendaItemBy(doc: Y.Doc, id: string, by: AgendaRemover, now = Date.now()): boolean {
  let removed = false;
  doc.transact(() => {
    const item = getAgendaItem(doc, id);
    if (item) {
      const { id: itemId, order, notes, ...fields } = item;
      const record = new Y.Map<unknown>();
      record.set('record', agendaRemovalSchema.parse({ itemId, by, at: now, order, fields }));
      record.set('notes', notes.clone());
      metaMap(doc).set(`${KEY_PREFIX}${id}`, record);
      prune(doc);
    }
    removed = removeAgendaItem(doc, id);
  });
  return removed;
}

function prune(doc: Y.Doc): void {
  const records: Array<[string, number]> = [];
  metaMap(doc).forEach((_, key) => {
    if (key.startsWith(KEY_PREFIX))
      records.push([key, readAgendaRemoval(doc, key.slice(KEY_PREFIX.length))?.at ?? 0]);
  });
  records.sort((a, b) => b[1] - a[1]);
  for (const [key] of records.slice(MAX_KEPT)) metaMap(doc).delete(key);
}

function recordMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const stored = metaMap(doc).get(`${KEY_PREFIX}${id}`);
  return stored instanceof Y.Map ? (stored as Y.Map<unknown>) : null;
}

/** The record of item `id`'s removal, or null when there is none (or it is malformed). */
export function readAgendaRemoval(doc: Y.Doc, id: string): AgendaRemoval | null {
  const parsed = agendaRemovalSchema.safeParse(recordMap(doc, id)?.get('record'));
  return parsed.success && parsed.data.itemId === id ? parsed.data : null;
}

/**
 * Puts item `id` back where it was, with its notes, `patch` on top (what someone was typing in its
 * fields when it went), and drops the record. False when it is already back or there is no record.
 */
export function restoreAgendaItem(doc: Y.Doc, id: string, patch: AgendaItemPatch = {}): boolean {
  const removal = readAgendaRemoval(doc, id);
  const notes = recordMap(doc, id)?.get('notes');
  if (!removal || !(notes instanceof Y.AbstractType) || agendaMap(doc).has(id)) return false;
  const changes = Object.entries(agendaItemPatchSchema.parse(patch)).filter(
    ([, value]) => value !== undefined,
  );
  const { indicatorIds, ...values } = agendaItemFieldsSchema.parse({
    ...removal.fields,
    ...Object.fromEntries(changes),
  });
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(values)) map.set(key, value);
    map.set('notes', notes.clone());
    map.set('order', removal.order);
    agendaMap(doc).set(id, map);
    // Through the document's own writer, so the indicators are stored as every reader expects.
    updateAgendaItem(doc, id, { indicatorIds });
    metaMap(doc).delete(`${KEY_PREFIX}${id}`);
  });
  return true;
}
