/** A textarea whose content is a shared Y.Text (see `useYText`). */
import type { TextareaHTMLAttributes } from 'react';
import type * as Y from 'yjs';
import { useYText } from '../yjs/useYText.ts';

interface CollaborativeTextareaProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange'> {
  text: Y.Text;
}

export function CollaborativeTextarea({ text, ...props }: CollaborativeTextareaProps) {
  const ref = useYText(text);
  return <textarea ref={ref} {...props} />;
}
