import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DocKind } from '../../shared/docNames.ts';
import { getRoot } from '../../shared/docShapes.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { closeMeeting, goToItem, readTimeline, startMeeting } from '../../shared/meetingLive.ts';
import type { Principal } from '../../shared/roles.ts';
import { changeScreen, readScreen, type ScreenBody, shownIndicatorId } from '../../shared/screenControl.ts';

const T0 = 1_800_000_000_000;
const chair: Principal = { id: 'dev-ana', name: 'Ana', role: 'analyst' };
const presenter: Principal = { id: 'dev-maria', name: 'Maria', role: 'analyst' };
const other: Principal = { id: 'dev-joao', name: 'João', role: 'analyst' };
const as = (actor: Principal) => ({ actor, now: T0 });
const agenda = ['a', 'b'];
const indicators = ['ind-1', 'ind-2'];

function liveDoc(): Y.Doc {
  const doc = new Y.Doc();
  expect(startMeeting(doc, agenda, as(chair))).toEqual({ ok: true });
  return doc;
}
const run = (doc: Y.Doc, actor: Principal, body: ScreenBody) =>
  changeScreen(doc, body, indicators, as(actor));
const show = (who: 'chair' | 'presenter', indicatorId: string | null = 'ind-2'): ScreenBody => ({
  action: 'show',
  expectedItemId: 'a',
  as: who,
  indicatorId,
  since: 'quarter',
});
const hand = (to: Principal): ScreenBody => ({
  action: 'hand',
  expectedItemId: 'a',
  to: { id: to.id, name: to.name },
});

describe('the big screen: one driver at a time', () => {
  test('a new item starts with the chair driving, its first indicator, the default span', () => {
    const doc = liveDoc();
    const screen = readScreen(doc);
    expect(screen).toEqual({ itemId: 'a', driver: null, indicatorId: null, since: 'auto' });
    expect(shownIndicatorId(screen, indicators)).toBe('ind-1');
  });

  test('the chair shows an indicator; the presenter cannot until handed the screen', () => {
    const doc = liveDoc();
    expect(run(doc, chair, show('chair'))).toEqual({ ok: true });
    expect(readScreen(doc)).toMatchObject({ indicatorId: 'ind-2', since: 'quarter', driver: null });
    expect(run(doc, presenter, show('presenter', 'ind-1'))).toMatchObject({
      ok: false,
      code: ErrorCode.stale,
    });
    expect(readScreen(doc).indicatorId).toBe('ind-2');
  });

  test('handed the screen, the presenter drives and the chair must take it back first', () => {
    const doc = liveDoc();
    expect(run(doc, chair, hand(presenter))).toEqual({ ok: true });
    expect(readScreen(doc).driver).toEqual({ id: presenter.id, name: presenter.name });
    expect(run(doc, presenter, show('presenter', 'ind-2'))).toEqual({ ok: true });
    const refused = run(doc, chair, show('chair', 'ind-1'));
    expect(refused).toMatchObject({ ok: false, code: ErrorCode.invalidState });
    expect(refused.ok ? '' : refused.message).toContain('Maria has the screen');
    // Someone else who was not handed the screen cannot drive as the presenter.
    expect(run(doc, other, show('presenter', 'ind-1'))).toMatchObject({ ok: false, code: ErrorCode.stale });
    expect(readScreen(doc).indicatorId).toBe('ind-2');
  });

  test('after the chair takes it back, the presenter’s command is refused and says why', () => {
    const doc = liveDoc();
    run(doc, chair, hand(presenter));
    expect(run(doc, chair, { action: 'takeBack', expectedItemId: 'a' })).toEqual({ ok: true });
    const late = run(doc, presenter, show('presenter'));
    expect(late).toMatchObject({ ok: false, code: ErrorCode.stale });
    expect(late.ok ? '' : late.message).toContain('chair has taken the screen back');
    expect(run(doc, presenter, { action: 'handBack', expectedItemId: 'a' })).toMatchObject({
      ok: false,
      code: ErrorCode.stale,
    });
    expect(run(doc, chair, { action: 'takeBack', expectedItemId: 'a' })).toMatchObject({
      ok: false,
      code: ErrorCode.invalidState,
    });
    expect(readScreen(doc).driver).toBeNull();
  });

  test('the presenter hands back; handing to the one who has it is refused', () => {
    const doc = liveDoc();
    run(doc, chair, hand(presenter));
    expect(run(doc, chair, hand(presenter))).toMatchObject({ ok: false, code: ErrorCode.invalidState });
    expect(run(doc, presenter, { action: 'handBack', expectedItemId: 'a' })).toEqual({ ok: true });
    expect(readScreen(doc).driver).toBeNull();
    const actions = readTimeline(doc).map((entry) => entry.action);
    expect(actions).toEqual(['started', 'screenHanded', 'screenTakenBack']);
  });

  test('an indicator not on the item and a stale item are refused, nothing changes', () => {
    const doc = liveDoc();
    expect(run(doc, chair, show('chair', 'ind-9'))).toMatchObject({ ok: false, code: ErrorCode.notFound });
    expect(run(doc, chair, { ...show('chair'), expectedItemId: 'b' })).toMatchObject({
      ok: false,
      code: ErrorCode.stale,
    });
    expect(readScreen(doc)).toEqual({ itemId: 'a', driver: null, indicatorId: null, since: 'auto' });
  });

  test('moving to the next item returns the screen to the chair', () => {
    const doc = liveDoc();
    run(doc, chair, hand(presenter));
    run(doc, presenter, show('presenter'));
    expect(goToItem(doc, agenda, { expectedItemId: 'a', to: 'next' }, as(chair))).toEqual({ ok: true });
    expect(readScreen(doc)).toEqual({ itemId: 'b', driver: null, indicatorId: null, since: 'auto' });
    // Going back does not bring back a hand-over from before.
    expect(goToItem(doc, agenda, { expectedItemId: 'b', to: 'previous' }, as(chair))).toEqual({ ok: true });
    expect(readScreen(doc)).toEqual({ itemId: 'a', driver: null, indicatorId: null, since: 'auto' });
  });

  test('no screen commands before the start or after the close', () => {
    const draft = new Y.Doc();
    expect(run(draft, chair, show('chair'))).toMatchObject({ ok: false, code: ErrorCode.invalidState });
    const doc = liveDoc();
    closeMeeting(doc, as(chair));
    expect(run(doc, chair, show('chair'))).toMatchObject({ ok: false, code: ErrorCode.invalidState });
  });

  test('a malformed stored screen reads as the default', () => {
    const doc = liveDoc();
    getRoot(doc, DocKind.meetingLive, 'state').set('screen', { itemId: 'a', driver: 42 });
    expect(readScreen(doc)).toEqual({ itemId: 'a', driver: null, indicatorId: null, since: 'auto' });
  });

  test('an indicator later removed from the item falls back to the first', () => {
    expect(
      shownIndicatorId({ itemId: 'a', driver: null, indicatorId: 'gone', since: 'auto' }, indicators),
    ).toBe('ind-1');
    expect(shownIndicatorId({ itemId: 'a', driver: null, indicatorId: null, since: 'auto' }, [])).toBeNull();
  });
});
