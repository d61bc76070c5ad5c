/**
 * An agenda item's notes as rich text: a Y.XmlFragment in the shape y-prosemirror (TipTap's
 * Collaboration extension) writes, one XmlElement per block named as the editor's node types
 * (`paragraph`, `heading`, `bulletList` > `listItem` > `paragraph`, …), text in XmlText with
 * marks as formatting attributes. The memo, the record and older plain-text notes meet it here.
 */
import * as Y from 'yjs';

/** Node names of the editor's schema (TipTap's starter kit) that this module reads or writes. */
export const NotesNode = {
  paragraph: 'paragraph',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  hardBreak: 'hardBreak',
} as const;

/** The text of an XmlText without its marks (its `toString` would write them as tags). */
function plainOf(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert?: unknown }>)
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/** The inline content of a block: text runs, hard breaks as new lines. */
function inlineText(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child) =>
      child instanceof Y.XmlText
        ? plainOf(child)
        : child instanceof Y.XmlElement && child.nodeName === NotesNode.hardBreak
          ? '\n'
          : '',
    )
    .join('');
}

/** Lines of one block; a list's items start with "- " or "1. " so the structure reads in plain text. */
function blockLines(node: unknown): string[] {
  if (node instanceof Y.XmlText) return [plainOf(node)];
  if (!(node instanceof Y.XmlElement)) return [];
  const children = node.toArray();
  const hasBlocks = children.some(
    (child) => child instanceof Y.XmlElement && child.nodeName !== NotesNode.hardBreak,
  );
  if (node.nodeName === NotesNode.bulletList || node.nodeName === NotesNode.orderedList) {
    const ordered = node.nodeName === NotesNode.orderedList;
    return children.flatMap((item, index) => {
      const [first = '', ...rest] = blockLines(item);
      return [`${ordered ? `${index + 1}.` : '-'} ${first}`, ...rest.map((line) => `  ${line}`)];
    });
  }
  if (hasBlocks) return children.flatMap(blockLines);
  return inlineText(node).split('\n');
}

/** The notes as plain text, one line per paragraph or list item (for the memo and the record). */
export function notesText(notes: Y.XmlFragment): string {
  return notes.toArray().flatMap(blockLines).join('\n');
}

/**
 * Paragraphs holding `text`, one per line, ready to insert into a fragment. Each holds a text even
 * when empty, so that new notes start with one shared text that concurrent writers all extend
 * (two clients each making the first text would make two paragraphs).
 */
export function paragraphsOf(text: string): Y.XmlElement[] {
  return text.split('\n').map((line) => {
    const paragraph = new Y.XmlElement(NotesNode.paragraph);
    paragraph.insert(0, [new Y.XmlText(line)]);
    return paragraph;
  });
}

/** The text of the notes' first paragraph, where code rather than the editor types (imports, tests). */
export function firstParagraphText(notes: Y.XmlFragment): Y.XmlText | null {
  const first = notes.get(0);
  if (!(first instanceof Y.XmlElement) || first.nodeName !== NotesNode.paragraph) return null;
  const text = first.get(0);
  return text instanceof Y.XmlText ? text : null;
}

/** Appends `text` as paragraphs at the end of the notes (the server's prepared talking points). */
export function appendNotesText(notes: Y.XmlFragment, text: string): void {
  if (!text) return;
  const only = notes.length === 1 ? firstParagraphText(notes) : null;
  if (!only || only.length > 0) {
    notes.insert(notes.length, paragraphsOf(text));
    return;
  }
  // New notes' one empty paragraph takes the first line, so the notes do not open with a blank line.
  const [first = '', ...rest] = text.split('\n');
  only.insert(0, first);
  if (rest.length > 0) notes.insert(1, paragraphsOf(rest.join('\n')));
}
