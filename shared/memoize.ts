/**
 * Memoizes a function of one key whose answers never change, keeping at most `limit` of them (the
 * cache starts over past it). For work asked the same few hundred times: date parsing and
 * formatting in status, a list's repeated phrases in the browser.
 */
export function memoize<K, T>(compute: (key: K) => T, limit = 20_000): (key: K) => T {
  const cache = new Map<K, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
