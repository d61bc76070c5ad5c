/**
 * Binds a `<textarea>` to a Y.Text. Local typing becomes the minimal delete/insert (so concurrent
 * typists elsewhere in the text are never overwritten), and remote edits move our caret the way
 * the text around it moved, so typing together does not make anyone's caret jump.
 *
 * The textarea is uncontrolled on purpose: React re-setting `value` would reset the caret.
 */
import { type RefObject, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { diffText, transformPosition } from './textDiff.ts';

export function useYText(text: Y.Text): RefObject<HTMLTextAreaElement | null> {
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Identifies our own transactions so the observer does not rewrite what we just typed.
    const localOrigin = { binding: 'textarea' };
    element.value = text.toString();

    const onInput = () => {
      const edit = diffText(text.toString(), element.value);
      const doc = text.doc;
      if (!edit || !doc) return;
      doc.transact(() => {
        if (edit.deleteCount > 0) text.delete(edit.index, edit.deleteCount);
        if (edit.insert) text.insert(edit.index, edit.insert);
      }, localOrigin);
    };

    const onRemoteChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === localOrigin) return;
      const hadFocus = document.activeElement === element;
      const { selectionStart, selectionEnd, selectionDirection } = element;
      element.value = text.toString();
      if (hadFocus) {
        element.setSelectionRange(
          transformPosition(selectionStart, event.delta),
          transformPosition(selectionEnd, event.delta),
          selectionDirection,
        );
      }
    };

    element.addEventListener('input', onInput);
    text.observe(onRemoteChange);
    return () => {
      element.removeEventListener('input', onInput);
      text.unobserve(onRemoteChange);
    };
  }, [text]);

  return ref;
}
