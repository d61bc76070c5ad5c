/** Adds an item at the end of the agenda; an empty title is refused here and never reaches the doc. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addAgendaItem } from '../../../../shared/meetingDoc.ts';
import { Field } from '../../components/Field.tsx';
import { parseTitle } from './agendaFieldRules.ts';

export function AddAgendaItemForm({ doc, onAdded }: { doc: Y.Doc; onAdded(id: string): void }) {
  const { t } = useTranslation('meetings');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseTitle(title);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    const id = addAgendaItem(doc, { title: parsed.value });
    setTitle('');
    setError(null);
    onAdded(id);
  };

  return (
    <form className="agenda__add" onSubmit={onSubmit} noValidate>
      <Field label={t('addItem.label')} error={error} className="agenda__add-field">
        <input
          className="input"
          name="newItemTitle"
          placeholder={t('addItem.placeholder')}
          value={title}
          maxLength={240}
          onChange={(event) => {
            setTitle(event.target.value);
            if (error) setError(null);
          }}
        />
      </Field>
      <button type="submit" className="button button--primary">
        {t('addItem.submit')}
      </button>
    </form>
  );
}
