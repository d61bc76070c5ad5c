/**
 * A long name that never loses its distinctive end (nameEnd.ts). `line`: one line, shortened in the
 * middle ("Fire and rescue resp… — Agreste"); `wrap`: as many lines as it needs, the end never split
 * across two. The full name is always in the DOM (screen readers read it whole) and in `title`.
 */
import { splitNameEnd } from './nameEnd.ts';
import './nameKeepsEnd.css';

export function NameKeepsEnd({ name, mode = 'wrap' }: { name: string; mode?: 'line' | 'wrap' }) {
  const { head, tail } = splitNameEnd(name);
  return (
    <span className={`name-keeps-end name-keeps-end--${mode}`} title={name}>
      <span className="name-keeps-end__head">{head}</span>
      {tail && <span className="name-keeps-end__tail">{tail}</span>}
    </span>
  );
}
