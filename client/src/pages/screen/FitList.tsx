/**
 * A list that shows as many of its entries as fit its box and then "+N more": the big screen has
 * no scrollbars, and an entry cut in half is worse than one left out. Measured before paint, again
 * whenever the entries or the box's size change.
 */
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

interface FitListProps<T> {
  items: readonly T[];
  keyOf(item: T): string;
  render(item: T): ReactNode;
  more(count: number): string;
  className: string;
  label?: string;
}

/** Room kept for the "+N more" line, in lines of the list's text. */
const MORE_LINE_EMS = 1.9;
/** Entries drawn for the first measurement; doubled until one does not fit or all are drawn. */
const FIRST_PROBE = 4;

export function FitList<T>({ items, keyOf, render, more, className, label }: FitListProps<T>) {
  const ref = useRef<HTMLUListElement>(null);
  /** How many entries fit, as last measured. */
  const [limit, setLimit] = useState(0);
  /**
   * While measuring, how many entries are drawn to be measured; null once measured. Drawing a few
   * more than fitted last time, not the whole list, keeps a long ledger from being laid out whole
   * for each new commitment.
   */
  const [probe, setProbe] = useState<number | null>(FIRST_PROBE);
  const [size, setSize] = useState(0);

  useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    const observer = new ResizeObserver(() => setSize(list.clientHeight * 100_000 + list.clientWidth));
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: measured again when the entries or the box change.
  useLayoutEffect(() => setProbe(Math.max(FIRST_PROBE, limit + 2)), [items, size]);

  useLayoutEffect(() => {
    const list = ref.current;
    if (!list || probe === null) return;
    const box = list.getBoundingClientRect();
    const entries = [...list.children] as HTMLElement[];
    const fits = (entry: HTMLElement, room: number) =>
      entry.getBoundingClientRect().bottom - box.top <= room + 1;
    if (entries.every((entry) => fits(entry, list.clientHeight))) {
      // Everything drawn fits: done if that is everything, else draw more and measure again.
      if (entries.length >= items.length) {
        setLimit(items.length);
        setProbe(null);
      } else setProbe(probe * 2);
      return;
    }
    const reserve = Number.parseFloat(getComputedStyle(list).fontSize) * MORE_LINE_EMS;
    let count = 0;
    while (count < entries.length && fits(entries[count]!, list.clientHeight - reserve)) count += 1;
    setLimit(count);
    setProbe(null);
  }, [probe, items]);

  const shown = items.slice(0, probe ?? limit);
  const hidden = probe === null ? items.length - shown.length : 0;
  return (
    <ul className={`fit-list ${className}`} ref={ref} aria-label={label}>
      {shown.map((item) => (
        <li key={keyOf(item)}>{render(item)}</li>
      ))}
      {hidden > 0 && (
        <li className="fit-list__more" data-testid="screen-more">
          {more(hidden)}
        </li>
      )}
    </ul>
  );
}
