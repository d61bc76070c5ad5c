/**
 * A long name that never loses its distinctive end (nameEnd.ts): it wraps, and its end moves to a
 * line of its own rather than being split, unless the end alone is wider than the space. The full
 * name is always in the DOM (screen readers read it whole) and in `title`.
 */
import { splitNameEnd } from './nameEnd.ts';
import './nameKeepsEnd.css';

export function NameKeepsEnd({ name }: { name: string }) {
  const { head, tail } = splitNameEnd(name);
  // The space before the end goes between the parts: at the start of the tail's box it would collapse.
  const gap = tail.match(/^\s*/)?.[0] ?? '';
  return (
    <span className="name-keeps-end" title={name}>
      <span className="name-keeps-end__head">{head}</span>
      {gap}
      {tail && <span className="name-keeps-end__tail">{tail.slice(gap.length)}</span>}
    </span>
  );
}
