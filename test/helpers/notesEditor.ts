/** Reading the rich notes editor in a browser test, the way a textarea's `inputValue` did. */
import type { Locator } from 'playwright-core';

/**
 * The notes' text as the person sees it, one line per paragraph, without the other people's caret
 * labels (their names are in the editor's DOM but are not text of the notes).
 */
export function notesValue(editor: Locator): Promise<string> {
  return editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.notes-caret')) caret.remove();
    return [...copy.children].map((block) => (block as HTMLElement).textContent ?? '').join('\n');
  });
}

/** How many characters of the notes lie before this page's own caret (other people's carets left out). */
export function caretOffset(editor: Locator): Promise<number | null> {
  return editor.evaluate((element) => {
    const selection = element.ownerDocument.getSelection();
    if (!selection?.anchorNode || !element.contains(selection.anchorNode)) return null;
    const range = element.ownerDocument.createRange();
    range.setStart(element, 0);
    range.setEnd(selection.anchorNode, selection.anchorOffset);
    const before = range.cloneContents();
    for (const caret of before.querySelectorAll('.notes-caret')) caret.remove();
    return before.textContent?.length ?? 0;
  });
}

/** How many characters of the notes lie before another person's caret, as this page draws it. */
export function otherCaretOffset(editor: Locator): Promise<number | null> {
  return editor.evaluate((element) => {
    const caret = element.querySelector('.notes-caret');
    if (!caret) return null;
    const range = element.ownerDocument.createRange();
    range.setStart(element, 0);
    range.setEndBefore(caret);
    return range.toString().length;
  });
}
