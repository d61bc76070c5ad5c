/**
 * The awareness batcher (`server/docs/awarenessBatcher.ts`): presence relayed at once when the
 * document has been quiet, then at most once per interval, removals at once. Vitest's fake timers
 * drive both the clock and the timer, so every assertion is about order, not about machine speed.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createAwarenessBatcher } from '../../../server/docs/awarenessBatcher.ts';

describe('awareness batcher', () => {
  let relayed: number[][];
  const batcher = () =>
    createAwarenessBatcher(
      50,
      (clients) => relayed.push(clients),
      () => Date.now(),
    );

  beforeEach(() => {
    vi.useFakeTimers();
    relayed = [];
  });
  afterEach(() => vi.useRealTimers());

  test('the first change after a quiet spell goes out at once', () => {
    const b = batcher();
    b.changed([1], false);
    expect(relayed).toEqual([[1]]);
    vi.advanceTimersByTime(60);
    b.changed([2], false);
    expect(relayed).toEqual([[1], [2]]);
  });

  test('changes within the interval wait, and go out together with each client once', () => {
    const b = batcher();
    b.changed([1], false);
    vi.advanceTimersByTime(10);
    b.changed([2, 3], false);
    b.changed([2], false);
    vi.advanceTimersByTime(20);
    b.changed([4], false);
    expect(relayed).toEqual([[1]]);
    vi.advanceTimersByTime(19);
    expect(relayed).toEqual([[1]]);
    vi.advanceTimersByTime(1);
    expect(relayed).toEqual([[1], [2, 3, 4]]);
  });

  test('a steady stream of changes is relayed once per interval', () => {
    const b = batcher();
    for (let ms = 0; ms < 1000; ms += 5) {
      b.changed([ms % 7], false);
      vi.advanceTimersByTime(5);
    }
    // 200 changes over one second: the leading one at 0 ms, then one batch every 50 ms up to 1000 ms.
    expect(relayed.length).toBe(21);
    expect(new Set(relayed.flat())).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
  });

  test('a removal goes out at once, with whatever was waiting', () => {
    const b = batcher();
    b.changed([1], false);
    b.changed([2], false);
    b.changed([3], true);
    expect(relayed).toEqual([[1], [2, 3]]);
    vi.advanceTimersByTime(100);
    expect(relayed).toEqual([[1], [2, 3]]);
  });

  test('cancel drops what is waiting', () => {
    const b = batcher();
    b.changed([1], false);
    b.changed([2], false);
    b.cancel();
    vi.advanceTimersByTime(100);
    expect(relayed).toEqual([[1]]);
  });
});
