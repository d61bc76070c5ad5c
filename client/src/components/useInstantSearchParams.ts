/**
 * The page's search params, updated at once on a change: react-router applies a navigation in a
 * transition, so a control bound to the URL alone (a checkbox) would spring back until it lands.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type NavigateOptions, useSearchParams } from 'react-router';

type Update = URLSearchParams | ((previous: URLSearchParams) => URLSearchParams);

export function useInstantSearchParams(): [
  URLSearchParams,
  (update: Update, options?: NavigateOptions) => void,
] {
  const [url, setUrl] = useSearchParams();
  const [search, setSearch] = useState(url);
  // The latest params, so that two changes in one tick build on each other.
  const latest = useRef(url);
  // Back, forward and shared links change the URL: it wins.
  useEffect(() => {
    latest.current = url;
    setSearch(url);
  }, [url]);
  const change = useCallback(
    (update: Update, options?: NavigateOptions) => {
      const next = typeof update === 'function' ? update(latest.current) : update;
      latest.current = next;
      setSearch(next);
      setUrl(next, options);
    },
    [setUrl],
  );
  return [search, change];
}
