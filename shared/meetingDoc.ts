/**
 * The meeting document, defined once for the server and the client.
 *
 * Agenda items live in a Y.Map keyed by item id, each a Y.Map of fields with an `order` number.
 * A reorder only rewrites `order`, so an item being moved keeps its identity and its notes
 * (a Y.Array delete-and-insert would drop concurrent edits to the moved item's notes).
 * An item's indicators to show are a Y.Map from indicator id to its place in the list, for the same
 * reason: two analysts picking indicators for one item at once both keep their picks (a plain array
 * value would keep only the last writer's).
 *
 * Any client with write access can put any value anywhere, so every reader checks each value it
 * reads and skips (or falls back from) a malformed one: one bad value must never break the page.
 */
import * as random from 'lib0/random';
import * as Y from 'yjs';
import { z } from 'zod';
import { DocKind } from './docNames.ts';
import { allRoots, getRoot } from './docShapes.ts';
import { paragraphsOf } from './richNotes.ts';

export const MEETING_SCHEMA_VERSION = 3;

/** At most this many indicators are shown for one agenda item. */
export const MAX_INDICATORS_PER_ITEM = 20;

export const AgendaItemKind = {
  followUp: 'follow_up',
  goalReview: 'goal_review',
  problemSolving: 'problem_solving',
  decision: 'decision',
} as const;
export type AgendaItemKind = (typeof AgendaItemKind)[keyof typeof AgendaItemKind];

/** The title of the item that reviews the open commitments, first on every agenda. */
export const FOLLOW_UP_ITEM_TITLE = 'Follow-up of open commitments';

export const agendaItemFieldsSchema = z.object({
  title: z.string().trim().min(1, 'title is required').max(200),
  kind: z.enum(Object.values(AgendaItemKind) as [AgendaItemKind, ...AgendaItemKind[]]),
  presenterAgency: z.string().trim().max(120),
  timeboxMinutes: z.number().int().min(1).max(180),
  indicatorIds: z.array(z.string().min(1).max(64)).max(MAX_INDICATORS_PER_ITEM),
});
export type AgendaItemFields = z.infer<typeof agendaItemFieldsSchema>;
export const agendaItemPatchSchema = agendaItemFieldsSchema.partial();
export type AgendaItemPatch = z.infer<typeof agendaItemPatchSchema>;

export const DEFAULT_AGENDA_ITEM: AgendaItemFields = {
  title: 'New item',
  kind: AgendaItemKind.goalReview,
  presenterAgency: '',
  timeboxMinutes: 10,
  indicatorIds: [],
};

export const attendeeSchema = z.object({
  name: z.string().trim().min(1).max(120),
  agency: z.string().trim().max(120),
  present: z.boolean(),
});
export type Attendee = z.infer<typeof attendeeSchema>;

/** A plain snapshot of one agenda item; `notes` is the live shared rich text (shared/richNotes.ts). */
export interface AgendaItem extends AgendaItemFields {
  id: string;
  order: number;
  notes: Y.XmlFragment;
}

/** An item as stored: its values are whatever the last writer put there. */
type ItemMap = Y.Map<unknown>;

const INDICATORS_KEY = 'indicators';
const NOTES_KEY = 'notes';
/** Where schema version 1 kept an item's indicators: a plain array, last writer wins. */
const LEGACY_INDICATOR_IDS_KEY = 'indicatorIds';

const agendaMap = (doc: Y.Doc) => getRoot(doc, DocKind.meeting, 'agenda');
const metaMap = (doc: Y.Doc) => getRoot(doc, DocKind.meeting, 'meta');
const attendanceMap = (doc: Y.Doc) => getRoot(doc, DocKind.meeting, 'attendance');

/** The agenda entry `id` if it is an item map at all (its fields are checked by `readItem`). */
function itemMap(doc: Y.Doc, id: string): ItemMap | null {
  const map = agendaMap(doc).get(id);
  return map instanceof Y.Map ? map : null;
}

/** The Yjs types a reader should observe to see every change to the meeting document. */
export function meetingDocRoots(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return allRoots(doc, DocKind.meeting);
}

export function schemaVersionOf(doc: Y.Doc): number | undefined {
  const version = metaMap(doc).get('schemaVersion');
  return Number.isSafeInteger(version) && (version as number) >= 0 ? (version as number) : undefined;
}

/**
 * Brings a stored document up to the current schema. Runs on the server when a document is loaded;
 * returns true when it changed anything.
 */
export function upgradeMeetingDoc(doc: Y.Doc): boolean {
  const version = schemaVersionOf(doc) ?? 0;
  if (version >= MEETING_SCHEMA_VERSION) return false;
  doc.transact(() => {
    // Version 0 → 1 introduced the schema version itself; the shape was unchanged.
    // Version 1 → 2: each item's indicators move from a plain array to a Y.Map, in the same order.
    agendaMap(doc).forEach((map) => {
      // Runs on load: a malformed entry is left for readers to skip, never allowed to stop the load.
      if (!(map instanceof Y.Map)) return;
      if (!(map.get(INDICATORS_KEY) instanceof Y.Map)) writeIndicatorIds(map, legacyIndicatorIds(map));
      map.delete(LEGACY_INDICATOR_IDS_KEY);
      // Version 2 → 3: plain-text notes (a Y.Text) become rich notes, one paragraph per line. Converted
      // here once, not read as a fallback, so every reader and the editor see one type. Any other
      // value is malformed and left for readers to skip, like the fields above.
      const notes = map.get(NOTES_KEY);
      if (notes instanceof Y.Text) {
        // Read before replacing: the replaced Y.Text is deleted and reads as empty.
        const plain = notes.toString();
        const rich = new Y.XmlFragment();
        map.set(NOTES_KEY, rich);
        rich.insert(0, paragraphsOf(plain));
      }
    });
    metaMap(doc).set('schemaVersion', MEETING_SCHEMA_VERSION);
  });
  return true;
}

const indicatorIdSchema = agendaItemFieldsSchema.shape.indicatorIds.element;
const isIndicatorId = (id: unknown): id is string => indicatorIdSchema.safeParse(id).success;

function legacyIndicatorIds(map: ItemMap): string[] {
  const legacy = map.get(LEGACY_INDICATOR_IDS_KEY);
  return Array.isArray(legacy) ? legacy.filter(isIndicatorId) : [];
}

/**
 * The item's indicators in the order they were picked (ties, from picks made at the same moment on
 * two machines, by id), at most MAX_INDICATORS_PER_ITEM: concurrent picks can pass the limit, and
 * an item must stay readable when they do.
 */
function readIndicatorIds(map: ItemMap): string[] {
  const selected = map.get(INDICATORS_KEY);
  if (!(selected instanceof Y.Map)) return legacyIndicatorIds(map).slice(0, MAX_INDICATORS_PER_ITEM);
  const places: Array<[string, number]> = [];
  selected.forEach((place, id) => {
    // A bad id or place drops that one pick, not the whole item.
    if (Number.isFinite(place) && isIndicatorId(id)) places.push([id, place as number]);
  });
  return places
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([id]) => id)
    .slice(0, MAX_INDICATORS_PER_ITEM);
}

/** Makes the item's indicators `ids`: removes the others, adds the missing ones at the end. */
function writeIndicatorIds(map: ItemMap, ids: string[]): void {
  const stored = map.get(INDICATORS_KEY);
  const indicators = stored instanceof Y.Map ? (stored as Y.Map<unknown>) : new Y.Map<unknown>();
  if (indicators !== stored) map.set(INDICATORS_KEY, indicators);
  const wanted = new Set(ids);
  for (const id of [...indicators.keys()]) {
    if (!wanted.has(id)) indicators.delete(id);
  }
  // A loop, not Math.max(...values): a map with a huge number of entries must not overflow the stack.
  let last = 0;
  for (const place of indicators.values())
    if (Number.isFinite(place) && (place as number) > last) last = place as number;
  let next = last + 1;
  for (const id of wanted) {
    // A wanted pick whose place is malformed is placed again, or readers would never show it.
    if (!Number.isFinite(indicators.get(id))) indicators.set(id, next++);
  }
}

function readItem(id: string, map: unknown): AgendaItem | null {
  if (!(map instanceof Y.Map)) return null;
  const notes = map.get(NOTES_KEY);
  const parsed = agendaItemFieldsSchema.safeParse({
    title: map.get('title'),
    kind: map.get('kind'),
    presenterAgency: map.get('presenterAgency'),
    timeboxMinutes: map.get('timeboxMinutes'),
    indicatorIds: readIndicatorIds(map),
  });
  const order = map.get('order');
  // An item that a buggy or hostile writer left malformed is skipped rather than crashing readers.
  if (!parsed.success || !(notes instanceof Y.XmlFragment) || !Number.isFinite(order)) return null;
  return { id, order: order as number, notes, ...parsed.data };
}

const byOrder = (a: AgendaItem, b: AgendaItem) =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The agenda in display order. */
export function readAgenda(doc: Y.Doc): AgendaItem[] {
  const items: AgendaItem[] = [];
  agendaMap(doc).forEach((map, id) => {
    const item = readItem(id, map);
    if (item) items.push(item);
  });
  return items.sort(byOrder);
}

export function getAgendaItem(doc: Y.Doc, id: string): AgendaItem | null {
  return readItem(id, agendaMap(doc).get(id));
}

export function totalTimeboxMinutes(doc: Y.Doc): number {
  return readAgenda(doc).reduce((sum, item) => sum + item.timeboxMinutes, 0);
}

const MIN_ORDER_GAP = 1e-9;

/**
 * An order strictly between two neighbours' orders, or undefined when they leave no room: repeated
 * moves between the same two, or huge orders (a hostile writer's 1e308) where `+ 1` changes nothing.
 */
function orderBetween(before: number | undefined, after: number | undefined): number | undefined {
  let order = 1;
  if (before === undefined && after !== undefined) order = after - 1;
  else if (before !== undefined && after === undefined) order = before + 1;
  // Halving the gap, not the sum: the sum of two huge orders overflows to Infinity.
  else if (before !== undefined && after !== undefined) order = before + (after - before) / 2;
  const fits =
    Number.isFinite(order) &&
    (before === undefined || order - before >= MIN_ORDER_GAP) &&
    (after === undefined || after - order >= MIN_ORDER_GAP);
  return fits ? order : undefined;
}

/** Spreads orders evenly again when there is no room left between two neighbours. */
function renumber(doc: Y.Doc, items: AgendaItem[]): void {
  for (const [index, item] of items.entries()) itemMap(doc, item.id)?.set('order', index + 1);
}

function orderForIndex(doc: Y.Doc, others: AgendaItem[], index: number): number {
  const clamped = Math.max(0, Math.min(Math.trunc(index) || 0, others.length));
  const order = orderBetween(others[clamped - 1]?.order, others[clamped]?.order);
  if (order !== undefined) return order;
  renumber(doc, others);
  return clamped + 0.5;
}

/** Adds an item at `index` (default: the end); returns its id. */
export function addAgendaItem(doc: Y.Doc, fields: Partial<AgendaItemFields> = {}, index?: number): string {
  const values = agendaItemFieldsSchema.parse({ ...DEFAULT_AGENDA_ITEM, ...fields });
  const id = random.uuidv4();
  doc.transact(() => {
    const others = readAgenda(doc);
    const map: ItemMap = new Y.Map<unknown>();
    map.set('title', values.title);
    map.set('kind', values.kind);
    map.set('presenterAgency', values.presenterAgency);
    map.set('timeboxMinutes', values.timeboxMinutes);
    const notes = new Y.XmlFragment();
    map.set(NOTES_KEY, notes);
    notes.insert(0, paragraphsOf(''));
    map.set('order', orderForIndex(doc, others, index ?? others.length));
    agendaMap(doc).set(id, map);
    writeIndicatorIds(map, values.indicatorIds);
  });
  return id;
}

/** Changes some fields of an item; throws a ZodError for invalid values. Returns false if there is no such item map. */
export function updateAgendaItem(doc: Y.Doc, id: string, patch: AgendaItemPatch): boolean {
  const values = agendaItemPatchSchema.parse(patch);
  const map = itemMap(doc, id);
  if (!map) return false;
  doc.transact(() => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      // Indicators change by difference, so a concurrent pick by someone else is kept.
      if (key === 'indicatorIds') writeIndicatorIds(map, value as string[]);
      else map.set(key, value);
    }
  });
  return true;
}

/** Moves an item so that it ends up at `toIndex` in display order. Returns false if there is no such item map. */
export function moveAgendaItem(doc: Y.Doc, id: string, toIndex: number): boolean {
  const map = itemMap(doc, id);
  if (!map) return false;
  doc.transact(() => {
    const others = readAgenda(doc).filter((item) => item.id !== id);
    map.set('order', orderForIndex(doc, others, toIndex));
  });
  return true;
}

export function removeAgendaItem(doc: Y.Doc, id: string): boolean {
  if (!agendaMap(doc).has(id)) return false;
  agendaMap(doc).delete(id);
  return true;
}

export function readAttendance(doc: Y.Doc): Array<Attendee & { key: string }> {
  const rows: Array<Attendee & { key: string }> = [];
  attendanceMap(doc).forEach((value, key) => {
    const parsed = attendeeSchema.safeParse(value);
    if (parsed.success) rows.push({ key, ...parsed.data });
  });
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** Records or updates one attendee; the key is stable per person (e.g. their user id). */
export function setAttendee(doc: Y.Doc, key: string, attendee: Attendee): void {
  attendanceMap(doc).set(key, attendeeSchema.parse(attendee));
}

export function removeAttendee(doc: Y.Doc, key: string): void {
  attendanceMap(doc).delete(key);
}
