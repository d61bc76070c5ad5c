/**
 * The client's request cache (resources.ts): a loader's preloaded request is what the page's first
 * reader gets, and only that reader (a reload or a later mount fetches afresh); a newer preload
 * replaces an untaken older one; an older key's answer never lands after the reader moved on; a
 * refused preload that no page reads is not an unhandled rejection. An answer that has arrived
 * is readable at once (a page mounting after it draws it in its first render) until it is taken.
 */
import { describe, expect, test, vi } from 'vitest';
import {
  arrivedData,
  forgetPreloads,
  type Outcome,
  preload,
  read,
  take,
} from '../../../client/src/api/resources.ts';

/** A promise settled by hand, to order answers as a slow network would. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('resources', () => {
  test('the first reader takes the preloaded request; a reload fetches afresh', async () => {
    const fromLoader = vi.fn(async () => 'from the loader');
    const fromPage = vi.fn(async () => 'fetched by the page');
    preload('meeting:1', fromLoader);
    expect(fromLoader).toHaveBeenCalledTimes(1);

    expect(await take('meeting:1', fromPage)).toBe('from the loader');
    expect(fromPage).not.toHaveBeenCalled();

    // The page's reload (or its next mount) does not get the loader's old answer again.
    expect(await take('meeting:1', fromPage)).toBe('fetched by the page');
    expect(fromPage).toHaveBeenCalledTimes(1);
    expect(fromLoader).toHaveBeenCalledTimes(1);
  });

  test('a preload is only for its own key', async () => {
    preload('memo:a', async () => 'a');
    expect(await take('memo:b', async () => 'b')).toBe('b');
    expect(await take('memo:a', async () => 'not a')).toBe('a');
  });

  test('a newer navigation replaces a preloaded request no page took', async () => {
    preload('home', async () => 'first navigation');
    preload('home', async () => 'second navigation');
    expect(await take('home', async () => 'page')).toBe('second navigation');
  });

  test("an older key's answer never overwrites a newer one", async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const settled: Outcome<string>[] = [];
    preload('indicator:old', () => slow.promise);
    const stopOld = read(
      'indicator:old',
      async () => 'unused',
      (outcome) => settled.push(outcome),
    );
    // The reader moves to another key before the first answers (useResource's effect cleanup).
    stopOld();
    read(
      'indicator:new',
      () => fast.promise,
      (outcome) => settled.push(outcome),
    );
    fast.resolve('new');
    await flush();
    slow.resolve('old');
    await flush();
    expect(settled).toEqual([{ ok: true, data: 'new' }]);
  });

  test('an answer that has arrived is readable at once, until a reader takes it', async () => {
    const answer = deferred<string>();
    preload('meeting:2', () => answer.promise);
    expect(arrivedData('meeting:2')).toBeUndefined();
    answer.resolve('meeting two');
    await flush();
    expect(arrivedData('meeting:2')).toEqual({ data: 'meeting two' });
    expect(await take('meeting:2', async () => 'fetched')).toBe('meeting two');
    // Taken: a later mount fetches afresh rather than drawing the old answer.
    expect(arrivedData('meeting:2')).toBeUndefined();
  });

  test('a newer preload hides the older answer until its own arrives; a refusal never arrives', async () => {
    preload('objective:1', async () => 'older');
    await flush();
    const newer = deferred<string>();
    preload('objective:1', () => newer.promise);
    expect(arrivedData('objective:1')).toBeUndefined();
    newer.resolve('newer');
    await flush();
    expect(arrivedData('objective:1')).toEqual({ data: 'newer' });

    preload('objective:2', () => Promise.reject(new Error('forbidden')));
    await flush();
    expect(arrivedData('objective:2')).toBeUndefined();
  });

  test('after a change of person, nothing preloaded before is handed out', async () => {
    preload('meeting:3', async () => "the first person's answer");
    await flush();
    forgetPreloads();
    expect(arrivedData('meeting:3')).toBeUndefined();
    expect(await take('meeting:3', async () => "the next person's answer")).toBe("the next person's answer");
  });

  test('a refusal reaches the reader that took it', async () => {
    const refusal = new Error('not_found');
    const settled: Outcome<string>[] = [];
    preload('meeting:gone', () => Promise.reject(refusal));
    read(
      'meeting:gone',
      async () => 'unused',
      (outcome) => settled.push(outcome),
    );
    await flush();
    expect(settled).toEqual([{ ok: false, error: refusal }]);
  });

  test('a refused preload that no page reads is not an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      preload('series:redirected', () => Promise.reject(new Error('unauthenticated')));
      await flush();
      await flush();
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
