/**
 * The smallest single-range edit that turns one string into another, and the caret arithmetic
 * for remote edits. Pure functions, shared by the collaborative textarea and its tests.
 */

export interface TextEdit {
  index: number;
  deleteCount: number;
  insert: string;
}

/** One contiguous change between `before` and `after` (common prefix and suffix are kept). */
export function diffText(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  // The suffix may not overlap the prefix (e.g. "aa" → "aaa").
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair: widen the range to whole code points.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (endBefore < before.length && isLowSurrogate(before.charCodeAt(endBefore))) {
    endBefore++;
    endAfter++;
  }
  return { index: start, deleteCount: endBefore - start, insert: after.slice(start, endAfter) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** A Y.Text delta, as delivered by `YTextEvent.delta`. */
export type TextDelta = Array<{ retain?: number; insert?: unknown; delete?: number }>;

/**
 * Where a caret at `position` (in the text before a remote edit) ends up after the edit described
 * by `delta`: text inserted before it pushes it right and text deleted before it pulls it left.
 * Text inserted exactly at the caret goes before it, as with Yjs relative positions (the caret
 * sticks to the character after it), so a replaced word before the caret keeps the caret after it.
 */
export function transformPosition(position: number, delta: TextDelta): number {
  let oldIndex = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldIndex > position) break;
    if (op.retain !== undefined) {
      oldIndex += op.retain;
    } else if (op.insert !== undefined) {
      if (oldIndex <= position) shift += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      if (oldIndex < position) shift -= Math.min(op.delete, position - oldIndex);
      oldIndex += op.delete;
    }
  }
  return position + shift;
}
