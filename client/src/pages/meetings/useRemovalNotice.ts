/**
 * Notices when the item I am on is removed by someone else: who removed it comes from the removal
 * record written with the removal (`readAgendaRemoval`); what I was typing in its fields is kept
 * so that Restore brings it back too.
 */
import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import {
  type AgendaRemoval,
  readAgendaRemoval,
  restoreAgendaItem,
} from '../../../../shared/agendaRemoval.ts';
import type { AgendaItem, AgendaItemPatch } from '../../../../shared/meetingDoc.ts';
import { parseTimebox, parseTitle } from './agendaFieldRules.ts';

/** The item as I last saw it. */
interface Snapshot {
  itemId: string;
  title: string;
  order: number;
}
/** What was typed into an item's fields and not (validly) saved: the inputs' text. */
export interface FieldDrafts {
  title?: string;
  timeboxMinutes?: string;
}
export interface RemovalNotice {
  seen: Snapshot;
  /** Null when it went without a record (removed by a client that writes none): no Restore then. */
  removal: AgendaRemoval | null;
  drafts: FieldDrafts;
}

const DRAFTED_FIELDS = new Set<string>(['title', 'timeboxMinutes']);

const snapshotOf = (item: AgendaItem): Snapshot => ({
  itemId: item.id,
  title: item.title,
  order: item.order,
});

/** The drafts that parse, as a patch; an invalid one is shown in the notice but cannot be written. */
export function draftPatch(drafts: FieldDrafts): AgendaItemPatch {
  const patch: AgendaItemPatch = {};
  const title = drafts.title === undefined ? null : parseTitle(drafts.title);
  if (title?.ok) patch.title = title.value;
  const timebox = drafts.timeboxMinutes === undefined ? null : parseTimebox(drafts.timeboxMinutes);
  if (timebox?.ok) patch.timeboxMinutes = timebox.value;
  return patch;
}

/** Drafts that still differ from the item (a saved draft equals the shared value and is dropped). */
function unsavedDrafts(drafts: FieldDrafts, item: AgendaItem): FieldDrafts {
  const patch = draftPatch(drafts);
  const left: FieldDrafts = {};
  if (drafts.title !== undefined && patch.title !== item.title) left.title = drafts.title;
  if (drafts.timeboxMinutes !== undefined && patch.timeboxMinutes !== item.timeboxMinutes)
    left.timeboxMinutes = drafts.timeboxMinutes;
  return left;
}

export function useRemovalNotice(doc: Y.Doc, items: AgendaItem[], select: (id: string | null) => void) {
  const [notice, setNotice] = useState<RemovalNotice | null>(null);
  const seen = useRef<Snapshot | null>(null);
  const drafts = useRef<{ itemId: string; values: FieldDrafts } | null>(null);
  const ownRemovals = useRef(new Set<string>());

  // Found while rendering, so the page never shows another item's editor in its place, not even once.
  const last = seen.current;
  if (notice === null && last && !items.some((item) => item.id === last.itemId)) {
    seen.current = null;
    if (!ownRemovals.current.has(last.itemId)) {
      const typed = drafts.current?.itemId === last.itemId ? drafts.current.values : {};
      setNotice({ seen: last, removal: readAgendaRemoval(doc, last.itemId), drafts: typed });
    }
  }

  /** Called after each commit with the item the editor shows. */
  const remember = useCallback((item: AgendaItem | null) => {
    seen.current = item ? snapshotOf(item) : null;
    const typed = drafts.current;
    if (typed && item && typed.itemId === item.id) typed.values = unsavedDrafts(typed.values, item);
    else drafts.current = null;
  }, []);

  // Someone else (or the remover's Undo) brought it back: go back to it.
  const noticeId = notice?.seen.itemId ?? null;
  const isBack = noticeId !== null && items.some((item) => item.id === noticeId);
  useEffect(() => {
    if (!isBack || noticeId === null) return;
    setNotice(null);
    select(noticeId);
  }, [isBack, noticeId, select]);

  const clear = useCallback(() => setNotice(null), []);

  const restore = () => {
    if (!notice) return;
    restoreAgendaItem(doc, notice.seen.itemId, draftPatch(notice.drafts));
    setNotice(null);
    select(notice.seen.itemId);
  };

  const dismiss = () => {
    if (!notice) return;
    setNotice(null);
    // The item that took its place, as the list reads now.
    const next = items.find((item) => item.order > notice.seen.order) ?? items.at(-1) ?? null;
    select(next?.id ?? null);
  };

  /** On the editor's container: records what is typed in its fields (React's change events bubble). */
  const editorEvents = (itemId: string | null) => ({
    onChange: (event: FormEvent<HTMLElement>) => {
      const target = event.target;
      if (!itemId || !(target instanceof HTMLInputElement) || !DRAFTED_FIELDS.has(target.name)) return;
      if (drafts.current?.itemId !== itemId) drafts.current = { itemId, values: {} };
      drafts.current.values[target.name as keyof FieldDrafts] = target.value;
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target;
      // Escape reverts a field to the shared value: no draft is left.
      if (event.key !== 'Escape' || !(target instanceof HTMLInputElement) || !drafts.current) return;
      delete drafts.current.values[target.name as keyof FieldDrafts];
    },
  });

  return {
    notice,
    /** Going to another item (a row, a new item) answers the notice too. */
    clear,
    remember,
    restore,
    dismiss,
    editorEvents,
    markOwnRemoval: (id: string) => ownRemovals.current.add(id),
  };
}
