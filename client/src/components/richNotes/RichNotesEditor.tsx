/**
 * An agenda item's shared notes as rich text, typed by everyone on the page at once.
 *
 * Why TipTap (ProseMirror) with its Yjs binding (@tiptap/y-tiptap, TipTap's maintained fork of
 * y-prosemirror) rather than a textarea: each keystroke becomes an insert at a Yjs relative
 * position, so two people typing at the same spot each keep their text in one piece (a textarea
 * diff could only guess where a change was and interleaved them), and the editor gives the minutes
 * lists, bold and headings with a schema that drops whatever else a paste brings.
 */
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { stripPastedStyles } from './pasteCleaner.ts';
import { RemoteCarets } from './remoteCarets.ts';
import './richNotes.css';

interface RichNotesEditorProps {
  notes: Y.XmlFragment;
  awareness: Awareness | null;
  editable: boolean;
  label: string;
  placeholder: string;
  /** From `Field`: the label's target and its hint. */
  id?: string;
  'aria-describedby'?: string;
}

export function RichNotesEditor({
  notes,
  awareness,
  editable,
  label,
  placeholder,
  id,
  'aria-describedby': describedBy,
}: RichNotesEditorProps) {
  const { t } = useTranslation('notes');
  const editor = useEditor(
    {
      extensions: [
        // The Yjs binding keeps its own undo history (per person), so the kit's must be off.
        StarterKit.configure({ undoRedo: false, link: false }),
        Collaboration.configure({ fragment: notes }),
        RemoteCarets.configure({ awareness }),
      ],
      editable,
      editorProps: {
        transformPastedHTML: stripPastedStyles,
        attributes: {
          class: 'notes-editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'data-placeholder': placeholder,
          ...(id ? { id } : {}),
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        },
      },
    },
    [notes, awareness],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive('bold') ?? false,
      heading: current?.isActive('heading', { level: 3 }) ?? false,
      bulletList: current?.isActive('bulletList') ?? false,
      orderedList: current?.isActive('orderedList') ?? false,
      empty: current?.isEmpty ?? true,
    }),
  });

  const tools = [
    {
      key: 'bold',
      label: t('bold'),
      active: state?.bold,
      run: () => editor?.chain().focus().toggleBold().run(),
    },
    {
      key: 'heading',
      label: t('heading'),
      active: state?.heading,
      run: () => editor?.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      key: 'bulletList',
      label: t('bulletList'),
      active: state?.bulletList,
      run: () => editor?.chain().focus().toggleBulletList().run(),
    },
    {
      key: 'orderedList',
      label: t('orderedList'),
      active: state?.orderedList,
      run: () => editor?.chain().focus().toggleOrderedList().run(),
    },
  ];

  return (
    <div
      className={`notes-editor ${editable ? '' : 'notes-editor--readonly'} ${state?.empty ? 'notes-editor--empty' : ''}`}
    >
      {editable && (
        <div className="notes-editor__toolbar" role="toolbar" aria-label={t('toolbar')}>
          {tools.map((tool) => (
            <button
              key={tool.key}
              type="button"
              className={`notes-editor__tool notes-editor__tool--${tool.key}`}
              aria-pressed={Boolean(tool.active)}
              // Keeps the selection in the text: a click would otherwise move focus to the button first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={tool.run}
            >
              {tool.label}
            </button>
          ))}
        </div>
      )}
      <EditorContent editor={editor} />
      {!editable && state?.empty && <p className="notes-editor__none">{t('empty')}</p>}
    </div>
  );
}
