/**
 * Other people's carets and selections in the notes, in their presence colours. Built on
 * y-tiptap's cursor plugin over the page's own awareness; unlike TipTap's CollaborationCaret it
 * never writes the awareness `user` field, which `client/src/yjs/presence.ts` owns.
 */
import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import { parsePresence } from '../../yjs/presence.ts';

interface CaretUser {
  name: string;
  color: string;
}

/** A caret with a name tag; textContent, so a name can never become markup. */
function caretElement(user: CaretUser): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'notes-caret';
  caret.style.borderColor = user.color;
  const label = document.createElement('span');
  label.className = 'notes-caret__label';
  label.style.backgroundColor = user.color;
  label.textContent = user.name;
  caret.append(label);
  return caret;
}

export const RemoteCarets = Extension.create<{ awareness: Awareness | null }>({
  name: 'remoteCarets',
  addOptions: () => ({ awareness: null }),
  addProseMirrorPlugins() {
    const { awareness } = this.options;
    if (!awareness) return [];
    return [
      yCursorPlugin(awareness, {
        // Remote states are parsed like everywhere else: a state without a valid user shows no caret.
        awarenessStateFilter: (ours, theirs, state) => ours !== theirs && parsePresence(state) !== null,
        cursorBuilder: (user) => caretElement(presenceUser(user)),
        selectionBuilder: (user) => ({
          style: `background-color: ${presenceUser(user).color}40`,
          class: 'notes-selection',
        }),
      }),
    ];
  },
});

/** The name and a safe colour from a remote `user` (validated by the presence schema). */
function presenceUser(user: unknown): CaretUser {
  const parsed = parsePresence({ user, itemId: null });
  return parsed ? { name: parsed.user.name, color: parsed.user.color } : { name: '?', color: '#57606a' };
}
