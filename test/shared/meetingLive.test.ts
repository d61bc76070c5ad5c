import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DocKind } from '../../shared/docNames.ts';
import { getRoot } from '../../shared/docShapes.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { itemClock } from '../../shared/itemClock.ts';
import {
  changeTimer,
  closeMeeting,
  goToItem,
  type ItemTiming,
  MeetingPhase,
  readLiveState,
  readTimeline,
  resolveTarget,
  startMeeting,
} from '../../shared/meetingLive.ts';
import type { Principal } from '../../shared/roles.ts';

const MIN = 60_000;
const T0 = 1_800_000_000_000;
const timing = (patch: Partial<ItemTiming>): ItemTiming => ({
  startedAt: T0,
  endedAt: null,
  accumulatedMs: 0,
  runningSince: null,
  extensionsMs: 0,
  ...patch,
});

describe('itemClock', () => {
  test.each([
    [
      'never started',
      undefined,
      10,
      T0,
      { elapsedMs: 0, remainingMs: 10 * MIN, running: false, overrun: false },
    ],
    [
      'running 3 min',
      timing({ runningSince: T0 }),
      10,
      T0 + 3 * MIN,
      { elapsedMs: 3 * MIN, remainingMs: 7 * MIN, running: true, overrun: false },
    ],
    [
      'paused after 4 min',
      timing({ accumulatedMs: 4 * MIN }),
      10,
      T0 + 60 * MIN,
      { elapsedMs: 4 * MIN, remainingMs: 6 * MIN, running: false, overrun: false },
    ],
    [
      'resumed: accumulated + running',
      timing({ accumulatedMs: 4 * MIN, runningSince: T0 }),
      10,
      T0 + 2 * MIN,
      { elapsedMs: 6 * MIN, remainingMs: 4 * MIN, running: true, overrun: false },
    ],
    [
      'extended by 5 min',
      timing({ runningSince: T0, extensionsMs: 5 * MIN }),
      10,
      T0 + 12 * MIN,
      { elapsedMs: 12 * MIN, remainingMs: 3 * MIN, running: true, overrun: false },
    ],
    [
      'over its box',
      timing({ runningSince: T0 }),
      10,
      T0 + 11 * MIN,
      { elapsedMs: 11 * MIN, remainingMs: -1 * MIN, running: true, overrun: true },
    ],
    [
      'exactly at the box is not over',
      timing({ runningSince: T0 }),
      10,
      T0 + 10 * MIN,
      { elapsedMs: 10 * MIN, remainingMs: 0, running: true, overrun: false },
    ],
    [
      'a clock behind the start counts no negative time',
      timing({ accumulatedMs: MIN, runningSince: T0 }),
      10,
      T0 - 5 * MIN,
      { elapsedMs: MIN, remainingMs: 9 * MIN, running: true, overrun: false },
    ],
    [
      'no time box: any time is over',
      timing({ runningSince: T0 }),
      0,
      T0 + 1,
      { elapsedMs: 1, remainingMs: -1, running: true, overrun: true },
    ],
  ])('%s', (_name, value, timebox, now, expected) => {
    expect(itemClock(value, timebox, now)).toEqual(expected);
  });
});

describe('resolveTarget', () => {
  const ids = ['a', 'b', 'c'];
  test.each([
    ['next from the first', 'a', 'next', { ok: true, itemId: 'b' }],
    ['previous from the last', 'c', 'previous', { ok: true, itemId: 'b' }],
    ['an item by id', 'a', { itemId: 'c' }, { ok: true, itemId: 'c' }],
  ] as const)('%s', (_name, current, to, expected) => {
    expect(resolveTarget(ids, current, to)).toEqual(expected);
  });
  test.each([
    ['next from the last', 'c', 'next', ErrorCode.invalidState],
    ['previous from the first', 'a', 'previous', ErrorCode.invalidState],
    ['an unknown item', 'a', { itemId: 'zz' }, ErrorCode.notFound],
    ['next from an item removed from the agenda', 'gone', 'next', ErrorCode.invalidState],
  ] as const)('%s is refused', (_name, current, to, code) => {
    expect(resolveTarget(ids, current, to)).toMatchObject({ ok: false, code });
  });
});

describe('transitions', () => {
  const actor: Principal = { id: 'dev-ana', name: 'Ana', role: 'analyst' };
  const at = (now: number) => ({ actor, now });
  const agenda = ['a', 'b', 'c'];

  test('a meeting run from start to close keeps timers as start times and durations', () => {
    const doc = new Y.Doc();
    expect(readLiveState(doc)).toEqual({
      phase: 'draft',
      currentItemId: null,
      startedAt: null,
      closedAt: null,
      timings: {},
    });
    expect(startMeeting(doc, agenda, at(T0))).toEqual({ ok: true });
    expect(changeTimer(doc, { expectedItemId: 'a', action: 'pause' }, at(T0 + 2 * MIN))).toEqual({
      ok: true,
    });
    expect(changeTimer(doc, { expectedItemId: 'a', action: 'start' }, at(T0 + 5 * MIN))).toEqual({
      ok: true,
    });
    expect(changeTimer(doc, { expectedItemId: 'a', action: 'extend', minutes: 5 }, at(T0 + 6 * MIN))).toEqual(
      { ok: true },
    );
    expect(goToItem(doc, agenda, { expectedItemId: 'a', to: 'next' }, at(T0 + 8 * MIN))).toEqual({
      ok: true,
    });
    expect(goToItem(doc, agenda, { expectedItemId: 'b', to: 'previous' }, at(T0 + 9 * MIN))).toEqual({
      ok: true,
    });
    expect(closeMeeting(doc, at(T0 + 10 * MIN))).toEqual({ ok: true });

    const state = readLiveState(doc);
    expect(state.phase).toBe(MeetingPhase.closed);
    expect(state.currentItemId).toBe('a');
    expect(state.closedAt).toBe(T0 + 10 * MIN);
    // a: 2 min, paused 3, then 3 min until left, then 1 min more after coming back.
    expect(state.timings.a).toEqual({
      startedAt: T0,
      endedAt: T0 + 10 * MIN,
      accumulatedMs: 6 * MIN,
      runningSince: null,
      extensionsMs: 5 * MIN,
    });
    expect(state.timings.b).toEqual({
      startedAt: T0 + 8 * MIN,
      endedAt: T0 + 9 * MIN,
      accumulatedMs: MIN,
      runningSince: null,
      extensionsMs: 0,
    });
    expect(state.timings.c).toBeUndefined();
    expect(readTimeline(doc).map((entry) => [entry.action, entry.itemId, entry.detail])).toEqual([
      ['started', 'a', undefined],
      ['timerPaused', 'a', undefined],
      ['timerStarted', 'a', undefined],
      ['timerExtended', 'a', '+5 min'],
      ['wentTo', 'b', 'next'],
      ['wentTo', 'a', 'previous'],
      ['closed', 'a', undefined],
    ]);
    expect(readTimeline(doc)[0]).toEqual({ at: T0, actor, action: 'started', itemId: 'a' });
  });

  test('impossible transitions are refused and change nothing', () => {
    const doc = new Y.Doc();
    const unchanged = (fn: () => unknown, code: string) => {
      const before = Y.encodeStateAsUpdate(doc);
      expect(fn()).toMatchObject({ ok: false, code });
      expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    };
    unchanged(() => goToItem(doc, agenda, { expectedItemId: 'a', to: 'next' }, at(T0)), 'invalid_state');
    unchanged(() => changeTimer(doc, { expectedItemId: 'a', action: 'pause' }, at(T0)), 'invalid_state');
    unchanged(() => closeMeeting(doc, at(T0)), 'invalid_state');
    unchanged(() => startMeeting(doc, [], at(T0)), 'invalid_state');
    startMeeting(doc, agenda, at(T0));
    unchanged(() => startMeeting(doc, agenda, at(T0)), 'invalid_state');
    unchanged(() => goToItem(doc, agenda, { expectedItemId: 'b', to: 'next' }, at(T0)), 'stale');
    unchanged(
      () => goToItem(doc, agenda, { expectedItemId: 'a', to: { itemId: 'a' } }, at(T0)),
      'invalid_state',
    );
    unchanged(
      () => goToItem(doc, agenda, { expectedItemId: 'a', to: { itemId: 'nope' } }, at(T0)),
      'not_found',
    );
    unchanged(() => changeTimer(doc, { expectedItemId: 'a', action: 'start' }, at(T0)), 'invalid_state');
    unchanged(() => changeTimer(doc, { expectedItemId: 'b', action: 'pause' }, at(T0)), 'stale');
    for (let i = 0; i < 4; i++)
      changeTimer(doc, { expectedItemId: 'a', action: 'extend', minutes: 60 }, at(T0));
    unchanged(
      () => changeTimer(doc, { expectedItemId: 'a', action: 'extend', minutes: 1 }, at(T0)),
      'invalid_state',
    );
    closeMeeting(doc, at(T0));
    unchanged(() => closeMeeting(doc, at(T0)), 'invalid_state');
    unchanged(() => startMeeting(doc, agenda, at(T0)), 'invalid_state');
    unchanged(() => goToItem(doc, agenda, { expectedItemId: 'a', to: 'next' }, at(T0)), 'invalid_state');
  });

  test('readers skip malformed values', () => {
    const doc = new Y.Doc();
    getRoot(doc, DocKind.meetingLive, 'state').set('phase', 'exploded');
    getRoot(doc, DocKind.meetingLive, 'timings').set('a', { startedAt: 'yesterday' });
    getRoot(doc, DocKind.meetingLive, 'timeline').push([{ at: 1, action: 'started' }, 'junk']);
    expect(readLiveState(doc)).toMatchObject({ phase: 'draft', timings: {} });
    expect(readTimeline(doc)).toEqual([]);
  });
});
