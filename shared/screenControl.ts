/**
 * Who drives the big screen, and what it shows of the current item: which of its indicators is
 * large and how far back "change since" looks. The chair (anyone who may run the meeting) drives by
 * default; the chair hands the screen to the presenter of the current item, who drives from their
 * own laptop and hands it back; the chair can always take it back. One driver at a time: a command
 * says whether it is sent as the chair or as the presenter, and the wrong one is refused.
 *
 * The screen state belongs to one item: entering an item clears it (shared/meetingLive.ts), and a
 * state stored for another item reads as the default (the chair drives, the item's first
 * indicator, the default span).
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { DocKind } from './docNames.ts';
import { getRoot } from './docShapes.ts';
import { reason } from './errorReasons.ts';
import { ErrorCode, type ErrorReason } from './errors.ts';
import {
  appendTimeline,
  MeetingPhase,
  readLiveState,
  SCREEN_STATE_KEY,
  TimelineAction,
  type Transition,
  type TransitionContext,
} from './meetingLive.ts';

/** How far back "change since" looks: the default for the indicator's frequency, or a fixed span. */
export const SINCE_SPANS = ['auto', 'month', 'quarter', 'year'] as const;
export type SinceSpan = (typeof SINCE_SPANS)[number];

const personSchema = z.object({ id: z.string().min(1).max(100), name: z.string().trim().min(1).max(120) });
export type ScreenDriver = z.infer<typeof personSchema>;

export const screenStateSchema = z.object({
  /** The item this state belongs to; for any other item the screen reads as the default. */
  itemId: z.string(),
  /** Null: the chair drives. */
  driver: personSchema.nullable(),
  /** The indicator shown large; null: the item's first. */
  indicatorId: z.string().nullable(),
  since: z.enum(SINCE_SPANS),
});
export type ScreenState = z.infer<typeof screenStateSchema>;

const stateMap = (doc: Y.Doc) => getRoot(doc, DocKind.meetingLive, 'state');

const defaultScreen = (itemId: string | null): ScreenState => ({
  itemId: itemId ?? '',
  driver: null,
  indicatorId: null,
  since: 'auto',
});

/** The screen of the current item (the default when none was set for it, or it is malformed). */
export function readScreen(doc: Y.Doc): ScreenState {
  const { currentItemId } = readLiveState(doc);
  const stored = screenStateSchema.safeParse(stateMap(doc).get(SCREEN_STATE_KEY));
  if (stored.success && currentItemId !== null && stored.data.itemId === currentItemId) return stored.data;
  return defaultScreen(currentItemId);
}

/** The indicator large on screen: the chosen one while it is still on the item, else the first. */
export function shownIndicatorId(screen: ScreenState, itemIndicatorIds: readonly string[]): string | null {
  if (screen.indicatorId !== null && itemIndicatorIds.includes(screen.indicatorId)) return screen.indicatorId;
  return itemIndicatorIds[0] ?? null;
}

// ── the command ─────────────────────────────────────────────────────────────────────────────────

const expectedItemId = z.string().min(1).max(100);
/** Sent as: the chair (console) or the presenter who was handed the screen. */
export const SCREEN_SENDERS = ['chair', 'presenter'] as const;
export type ScreenSender = (typeof SCREEN_SENDERS)[number];

export const screenBodySchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('hand'), expectedItemId, to: personSchema }),
  z.object({ action: z.literal('takeBack'), expectedItemId }),
  z.object({ action: z.literal('handBack'), expectedItemId }),
  z.object({
    action: z.literal('show'),
    expectedItemId,
    as: z.enum(SCREEN_SENDERS),
    indicatorId: z.string().min(1).max(64).nullable(),
    since: z.enum(SINCE_SPANS),
  }),
]);
export type ScreenBody = z.infer<typeof screenBodySchema>;

const refused = (code: ErrorCode, message: string, why: ErrorReason): Transition => ({
  ok: false,
  code,
  message,
  reason: why,
});
const OK: Transition = { ok: true };

/**
 * Applies one screen command (server only, inside `hub.change`). `itemIndicatorIds` are the
 * current item's indicators, read from the agenda.
 */
export function changeScreen(
  doc: Y.Doc,
  body: ScreenBody,
  itemIndicatorIds: readonly string[],
  ctx: TransitionContext,
): Transition {
  const live = readLiveState(doc);
  if (live.phase !== MeetingPhase.live)
    return refused(
      ErrorCode.invalidState,
      live.phase === MeetingPhase.draft
        ? 'The meeting has not started: the screen follows the chair until it does'
        : 'The meeting is closed: the screen shows its summary',
      reason(live.phase === MeetingPhase.draft ? 'screenNotStarted' : 'screenClosed'),
    );
  if (live.currentItemId !== body.expectedItemId)
    return refused(
      ErrorCode.stale,
      `The current item is now ${live.currentItemId ?? 'none'}, not ${body.expectedItemId}: nothing was changed`,
      reason('currentItemChanged'),
    );
  const itemId = body.expectedItemId;
  const screen = readScreen(doc);
  const write = (next: ScreenState) => stateMap(doc).set(SCREEN_STATE_KEY, next);
  const byDriver = screen.driver !== null && screen.driver.id === ctx.actor.id;

  switch (body.action) {
    case 'hand':
      if (screen.driver?.id === body.to.id)
        return refused(
          ErrorCode.invalidState,
          `${body.to.name} already has the screen`,
          reason('screenAlreadyTheirs', { name: body.to.name }),
        );
      write({ ...screen, driver: body.to });
      appendTimeline(doc, ctx, { action: TimelineAction.screenHanded, itemId, detail: body.to.name });
      return OK;
    case 'takeBack':
      if (screen.driver === null)
        return refused(ErrorCode.invalidState, 'The chair already has the screen', reason('chairHasScreen'));
      write({ ...screen, driver: null });
      appendTimeline(doc, ctx, { action: TimelineAction.screenTakenBack, itemId });
      return OK;
    case 'handBack':
      if (!byDriver)
        return refused(
          ErrorCode.stale,
          'You no longer have the screen: the chair has it',
          reason('screenNoLongerYours'),
        );
      write({ ...screen, driver: null });
      appendTimeline(doc, ctx, { action: TimelineAction.screenTakenBack, itemId, detail: 'handed back' });
      return OK;
    case 'show': {
      if (body.as === 'presenter' && !byDriver)
        return refused(
          ErrorCode.stale,
          screen.driver === null
            ? 'The chair has taken the screen back: nothing was changed'
            : `${screen.driver.name} has the screen now: nothing was changed`,
          screen.driver === null
            ? reason('screenTakenBack')
            : reason('screenNowTheirs', { name: screen.driver.name }),
        );
      if (body.as === 'chair' && screen.driver !== null)
        return refused(
          ErrorCode.invalidState,
          `${screen.driver.name} has the screen: take it back before changing what it shows`,
          reason('screenIsTheirs', { name: screen.driver.name }),
        );
      if (body.indicatorId !== null && !itemIndicatorIds.includes(body.indicatorId))
        return refused(
          ErrorCode.notFound,
          `Indicator ${body.indicatorId} is not on the current item`,
          reason('indicatorNotOnItem', { id: body.indicatorId }),
        );
      write({ ...screen, indicatorId: body.indicatorId, since: body.since });
      return OK;
    }
  }
}
