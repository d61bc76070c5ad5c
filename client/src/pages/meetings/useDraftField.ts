/**
 * An input that edits a shared value: what you type stays local until you commit it (Enter or
 * leaving the field), and only a valid value is ever written. While you are not editing, the
 * field follows the shared value, so other people's changes appear at once.
 */
import { type ChangeEvent, type KeyboardEvent, useState } from 'react';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

interface DraftOptions<T> {
  value: T;
  format(value: T): string;
  parse(text: string): ParseResult<T>;
  commit(value: T): void;
}

export function useDraftField<T>({ value, format, parse, commit }: DraftOptions<T>) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    if (draft === null) return;
    const result = parse(draft);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    if (result.value !== value) commit(result.value);
    setDraft(null);
    setError(null);
  };

  const revert = () => {
    setDraft(null);
    setError(null);
  };

  return {
    error,
    inputProps: {
      value: draft ?? format(value),
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        setDraft(event.target.value);
        if (error) setError(null);
      },
      onBlur: save,
      onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          save();
        } else if (event.key === 'Escape' && draft !== null) {
          event.preventDefault();
          revert();
        }
      },
    },
  };
}
