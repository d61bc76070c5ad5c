import * as Y from 'yjs';

/** Each character typed into a Y.Text as its own update, like a client typing notes. */
export function typedUpdates(text: string): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const [index, char] of [...text].entries()) doc.getText('notes').insert(index, char);
  return updates;
}
