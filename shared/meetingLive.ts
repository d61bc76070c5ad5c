/**
 * A meeting's live state (`meetingLive:<meetingId>`), defined once: phase, current agenda item,
 * per-item timing and the timeline. Only the server writes it, through the transitions below (run
 * inside `hub.change`); clients read it. Timers are start times and accumulated durations, never
 * ticked: `itemClock` (shared/itemClock.ts) computes elapsed and remaining time for any `now`.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { DocKind } from './docNames.ts';
import { getRoot } from './docShapes.ts';
import { reason } from './errorReasons.ts';
import { ErrorCode, type ErrorReason } from './errors.ts';
import { type Principal, ROLES } from './roles.ts';

export const MEETING_LIVE_SCHEMA_VERSION = 1;

export const MeetingPhase = { draft: 'draft', live: 'live', closed: 'closed' } as const;
export type MeetingPhase = (typeof MeetingPhase)[keyof typeof MeetingPhase];

export const TimelineAction = {
  started: 'started',
  wentTo: 'wentTo',
  timerStarted: 'timerStarted',
  timerPaused: 'timerPaused',
  timerExtended: 'timerExtended',
  screenHanded: 'screenHanded',
  screenTakenBack: 'screenTakenBack',
  closed: 'closed',
} as const;
export type TimelineAction = (typeof TimelineAction)[keyof typeof TimelineAction];

/** Most time one item may be given on top of its time box, in total. */
export const MAX_TOTAL_EXTENSION_MINUTES = 240;
const MINUTE_MS = 60_000;

const epochMs = z.number().int().nonnegative();
export const itemTimingSchema = z.object({
  /** When the item first became current. */
  startedAt: epochMs,
  /** When it last stopped being current (or the meeting closed); null while current. */
  endedAt: epochMs.nullable(),
  /** Time run before `runningSince`. */
  accumulatedMs: z.number().int().nonnegative(),
  /** When the running timer was (re)started; null while paused. */
  runningSince: epochMs.nullable(),
  extensionsMs: z.number().int().nonnegative(),
});
export type ItemTiming = z.infer<typeof itemTimingSchema>;

export const actorSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) });
export const timelineEntrySchema = z.object({
  at: epochMs,
  actor: actorSchema,
  action: z.enum(Object.values(TimelineAction) as [TimelineAction, ...TimelineAction[]]),
  itemId: z.string().optional(),
  detail: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export interface MeetingLiveState {
  phase: MeetingPhase;
  currentItemId: string | null;
  startedAt: number | null;
  closedAt: number | null;
  /** By agenda item id; items never current have no entry. */
  timings: Record<string, ItemTiming>;
}

const stateMap = (doc: Y.Doc) => getRoot(doc, DocKind.meetingLive, 'state');
const timingsMap = (doc: Y.Doc) => getRoot(doc, DocKind.meetingLive, 'timings');
const timelineArray = (doc: Y.Doc) => getRoot(doc, DocKind.meetingLive, 'timeline');

const phaseSchema = z.enum([MeetingPhase.draft, MeetingPhase.live, MeetingPhase.closed]);
// Built once: a zod schema is dozens of objects, and the state is read on every change.
const itemIdOrNullSchema = z.string().nullable();
const epochMsOrNullSchema = epochMs.nullable();
const parsed = <T>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
  const result = schema.safeParse(value);
  return result.success ? result.data : fallback;
};

/** The state as plain values; a malformed value reads as absent (an empty document is a draft). */
export function readLiveState(doc: Y.Doc): MeetingLiveState {
  const state = stateMap(doc);
  const timings: Record<string, ItemTiming> = {};
  timingsMap(doc).forEach((value, id) => {
    const timing = itemTimingSchema.safeParse(value);
    if (timing.success) timings[id] = timing.data;
  });
  return {
    phase: parsed(phaseSchema, state.get('phase'), MeetingPhase.draft),
    currentItemId: parsed(itemIdOrNullSchema, state.get('currentItemId'), null),
    startedAt: parsed(epochMsOrNullSchema, state.get('startedAt'), null),
    closedAt: parsed(epochMsOrNullSchema, state.get('closedAt'), null),
    timings,
  };
}

export const readPhase = (doc: Y.Doc): MeetingPhase => readLiveState(doc).phase;

/** The timeline, oldest first, skipping malformed entries. */
export function readTimeline(doc: Y.Doc): TimelineEntry[] {
  return timelineArray(doc)
    .toArray()
    .flatMap((value) => {
      const entry = timelineEntrySchema.safeParse(value);
      return entry.success ? [entry.data] : [];
    });
}

// ── transitions (the server runs these inside `hub.change`) ───────────────────────────────────

export type Transition = { ok: true } | { ok: false; code: ErrorCode; message: string; reason?: ErrorReason };
const refused = (code: ErrorCode, message: string, why?: ErrorReason): Transition =>
  why ? { ok: false, code, message, reason: why } : { ok: false, code, message };
const OK: Transition = { ok: true };

/** Who acts and when: the actor comes from the session, never from a command's payload. */
export interface TransitionContext {
  actor: Principal;
  now: number;
}

export type GoToTarget = 'next' | 'previous' | { itemId: string };

export function appendTimeline(
  doc: Y.Doc,
  ctx: TransitionContext,
  entry: Omit<TimelineEntry, 'at' | 'actor'>,
): void {
  const { id, name, role } = ctx.actor;
  timelineArray(doc).push([{ at: ctx.now, actor: { id, name, role }, ...entry }]);
}

/** Stops the running timer of `timing` at `now`, keeping the time run. */
function paused(timing: ItemTiming, now: number): ItemTiming {
  if (timing.runningSince === null) return timing;
  return {
    ...timing,
    accumulatedMs: timing.accumulatedMs + Math.max(0, now - timing.runningSince),
    runningSince: null,
  };
}

/** Where shared/screenControl.ts keeps the big screen's state, which belongs to one item. */
export const SCREEN_STATE_KEY = 'screen';

function enterItem(doc: Y.Doc, itemId: string, now: number): void {
  const previous = readLiveState(doc).timings[itemId];
  const timing: ItemTiming = previous
    ? { ...previous, endedAt: null, runningSince: now }
    : { startedAt: now, endedAt: null, accumulatedMs: 0, runningSince: now, extensionsMs: 0 };
  timingsMap(doc).set(itemId, timing);
  stateMap(doc).set('currentItemId', itemId);
  // A new item gives the screen back to the chair, even an item the presenter drove before.
  stateMap(doc).delete(SCREEN_STATE_KEY);
}

function leaveItem(doc: Y.Doc, itemId: string | null, now: number): void {
  const timing = itemId === null ? undefined : readLiveState(doc).timings[itemId];
  if (itemId === null || !timing) return;
  timingsMap(doc).set(itemId, { ...paused(timing, now), endedAt: now });
}

function needsLive(state: MeetingLiveState, what: 'change the item' | 'run the timer'): Transition | null {
  const item = what === 'change the item';
  if (state.phase === MeetingPhase.draft)
    return refused(
      ErrorCode.invalidState,
      `The meeting has not started: start it before you ${what}`,
      reason(item ? 'notStartedChangeItem' : 'notStartedRunTimer'),
    );
  if (state.phase === MeetingPhase.closed)
    return refused(
      ErrorCode.invalidState,
      `The meeting is closed: you cannot ${what}`,
      reason(item ? 'closedChangeItem' : 'closedRunTimer'),
    );
  return null;
}

/** A command names the item its sender sees as current; a different one means someone acted first. */
function needsCurrent(state: MeetingLiveState, expectedItemId: string): Transition | null {
  if (state.currentItemId === expectedItemId) return null;
  return refused(
    ErrorCode.stale,
    `The current item is now ${state.currentItemId ?? 'none'}, not ${expectedItemId}: nothing was changed`,
    reason('currentItemChanged'),
  );
}

/** draft → live, on the first agenda item, its timer running. */
export function startMeeting(doc: Y.Doc, agendaIds: readonly string[], ctx: TransitionContext): Transition {
  const state = readLiveState(doc);
  if (state.phase === MeetingPhase.live)
    return refused(ErrorCode.invalidState, 'The meeting is already live', reason('alreadyLive'));
  if (state.phase === MeetingPhase.closed)
    return refused(
      ErrorCode.invalidState,
      'The meeting is closed: it cannot start again',
      reason('closedCannotStart'),
    );
  const first = agendaIds[0];
  if (first === undefined)
    return refused(
      ErrorCode.invalidState,
      'The agenda is empty: add an item before starting',
      reason('agendaEmpty'),
    );
  stateMap(doc).set('schemaVersion', MEETING_LIVE_SCHEMA_VERSION);
  stateMap(doc).set('phase', MeetingPhase.live);
  stateMap(doc).set('startedAt', ctx.now);
  enterItem(doc, first, ctx.now);
  appendTimeline(doc, ctx, { action: TimelineAction.started, itemId: first });
  return OK;
}

/** Resolves next / previous / an item id against the agenda order. */
export function resolveTarget(
  agendaIds: readonly string[],
  currentItemId: string | null,
  to: GoToTarget,
): { ok: true; itemId: string } | Extract<Transition, { ok: false }> {
  if (typeof to === 'object') {
    if (agendaIds.includes(to.itemId)) return { ok: true, itemId: to.itemId };
    return {
      ok: false,
      code: ErrorCode.notFound,
      message: `No agenda item ${to.itemId} in this meeting`,
      reason: reason('noAgendaItem', { id: to.itemId }),
    };
  }
  const index = currentItemId === null ? -1 : agendaIds.indexOf(currentItemId);
  if (index < 0)
    return {
      ok: false,
      code: ErrorCode.invalidState,
      message: 'The current item is no longer on the agenda: go to an item by its id',
      reason: reason('currentItemNotOnAgenda'),
    };
  const target = agendaIds[to === 'next' ? index + 1 : index - 1];
  if (target === undefined)
    return {
      ok: false,
      code: ErrorCode.invalidState,
      message: to === 'next' ? 'This is already the last item' : 'This is already the first item',
      reason: reason(to === 'next' ? 'alreadyLastItem' : 'alreadyFirstItem'),
    };
  return { ok: true, itemId: target };
}

/** Moves to another item: the current one's timer stops and ends, the target's runs. */
export function goToItem(
  doc: Y.Doc,
  agendaIds: readonly string[],
  command: { expectedItemId: string; to: GoToTarget },
  ctx: TransitionContext,
): Transition {
  const state = readLiveState(doc);
  const refusal = needsLive(state, 'change the item') ?? needsCurrent(state, command.expectedItemId);
  if (refusal) return refusal;
  const target = resolveTarget(agendaIds, state.currentItemId, command.to);
  if (!target.ok) return target;
  if (target.itemId === state.currentItemId)
    return refused(
      ErrorCode.invalidState,
      'That item is already the current one',
      reason('alreadyCurrentItem'),
    );
  leaveItem(doc, state.currentItemId, ctx.now);
  enterItem(doc, target.itemId, ctx.now);
  const detail = typeof command.to === 'string' ? command.to : 'item';
  appendTimeline(doc, ctx, { action: TimelineAction.wentTo, itemId: target.itemId, detail });
  return OK;
}

export type TimerAction = { action: 'start' } | { action: 'pause' } | { action: 'extend'; minutes: number };

/** Starts, pauses or extends the current item's timer. */
export function changeTimer(
  doc: Y.Doc,
  command: { expectedItemId: string } & TimerAction,
  ctx: TransitionContext,
): Transition {
  const state = readLiveState(doc);
  const refusal = needsLive(state, 'run the timer') ?? needsCurrent(state, command.expectedItemId);
  if (refusal) return refusal;
  const itemId = command.expectedItemId;
  const timing = state.timings[itemId];
  if (!timing) return refused(ErrorCode.invalidState, 'The current item has no timer', reason('noTimer'));
  let next: ItemTiming;
  let entry: Omit<TimelineEntry, 'at' | 'actor'>;
  if (command.action === 'start') {
    if (timing.runningSince !== null)
      return refused(ErrorCode.invalidState, 'The timer is already running', reason('timerAlreadyRunning'));
    next = { ...timing, runningSince: ctx.now };
    entry = { action: TimelineAction.timerStarted, itemId };
  } else if (command.action === 'pause') {
    if (timing.runningSince === null)
      return refused(ErrorCode.invalidState, 'The timer is already paused', reason('timerAlreadyPaused'));
    next = paused(timing, ctx.now);
    entry = { action: TimelineAction.timerPaused, itemId };
  } else {
    const extensionsMs = timing.extensionsMs + command.minutes * MINUTE_MS;
    if (extensionsMs > MAX_TOTAL_EXTENSION_MINUTES * MINUTE_MS)
      return refused(
        ErrorCode.invalidState,
        `An item may be extended by ${MAX_TOTAL_EXTENSION_MINUTES} minutes in all`,
        reason('extensionLimit', { minutes: MAX_TOTAL_EXTENSION_MINUTES }),
      );
    next = { ...timing, extensionsMs };
    entry = { action: TimelineAction.timerExtended, itemId, detail: `+${command.minutes} min` };
  }
  timingsMap(doc).set(itemId, next);
  appendTimeline(doc, ctx, entry);
  return OK;
}

/** live → closed: the current item's timer stops and ends. */
export function closeMeeting(doc: Y.Doc, ctx: TransitionContext): Transition {
  const state = readLiveState(doc);
  if (state.phase === MeetingPhase.closed)
    return refused(ErrorCode.invalidState, 'The meeting is already closed', reason('alreadyClosed'));
  if (state.phase === MeetingPhase.draft)
    return refused(
      ErrorCode.invalidState,
      'The meeting has not started: start it before closing it',
      reason('notStartedClose'),
    );
  leaveItem(doc, state.currentItemId, ctx.now);
  stateMap(doc).set('phase', MeetingPhase.closed);
  stateMap(doc).set('closedAt', ctx.now);
  appendTimeline(doc, ctx, {
    action: TimelineAction.closed,
    ...(state.currentItemId ? { itemId: state.currentItemId } : {}),
  });
  return OK;
}

/** Nothing to upgrade yet (version 1 is the first); the DocHub calls this on load. */
export function upgradeMeetingLiveDoc(_doc: Y.Doc): boolean {
  return false;
}
