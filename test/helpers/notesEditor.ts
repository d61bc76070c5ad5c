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
