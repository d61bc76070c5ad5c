/**
 * Where a long name is told apart from its neighbours: its end. Demo and real indicator names run
 * "Fire and rescue response time — Agreste" / "— whole state", so cutting the end off would make
 * them all read the same. Splits a name into a head that may be shortened and a tail that may not.
 */

// A dash between spaces sets off the distinctive part ("— Agreste"); the last one wins.
const SEPARATOR = /\s[—–-]\s(?!.*\s[—–-]\s)/;
// Without a separator: a trailing parenthesis ("(capital)") or the last words up to this length.
const PARENTHESIS = /\s\([^()]*\)$/;
const TAIL_CHARS = 14;

export function splitNameEnd(name: string): { head: string; tail: string } {
  const separator = SEPARATOR.exec(name);
  if (separator) return { head: name.slice(0, separator.index), tail: name.slice(separator.index) };
  const parenthesis = PARENTHESIS.exec(name);
  if (parenthesis) return { head: name.slice(0, parenthesis.index), tail: name.slice(parenthesis.index) };
  if (name.length <= TAIL_CHARS * 2) return { head: name, tail: '' };
  // Back to the start of the word that holds the last TAIL_CHARS characters.
  const space = name.lastIndexOf(' ', name.length - TAIL_CHARS);
  if (space <= 0) return { head: name, tail: '' };
  return { head: name.slice(0, space), tail: name.slice(space) };
}
