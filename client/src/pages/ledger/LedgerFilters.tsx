/**
 * The ledger's filter bar. Every control writes the page's query string: lists and boxes at once,
 * the two searches after a pause in typing (replacing the history entry, so Back skips keystrokes).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, Objective } from '../../../../shared/performance.ts';
import { STATUS_CHOICES, selectedStatuses } from './ledgerSearch.ts';

const TYPING_PAUSE_MS = 350;

interface Props {
  search: URLSearchParams;
  objectives: Objective[];
  agencies: Agency[];
  onChange: (changes: Record<string, string | null>, options?: { replace?: boolean }) => void;
}

export function LedgerFilters({ search, objectives, agencies, onChange }: Props) {
  const { t } = useTranslation('ledger');
  const id = useId();
  const statuses = selectedStatuses(search);
  const toggleStatus = (status: string) => {
    const next = new Set(statuses);
    if (!next.delete(status)) next.add(status);
    onChange({ status: STATUS_CHOICES.filter((choice) => next.has(choice)).join(',') || null });
  };
  return (
    <form
      className="ledger-filters"
      aria-label={t('filters.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-objective`}>
          {t('filters.objective')}
        </label>
        <select
          id={`${id}-objective`}
          className="input"
          value={search.get('objectiveId') ?? ''}
          onChange={(event) => onChange({ objectiveId: event.target.value })}
        >
          <option value="">{t('filters.allObjectives')}</option>
          {objectives.map((objective) => (
            <option key={objective.id} value={objective.id}>
              {objective.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-agency`}>
          {t('filters.agency')}
        </label>
        <select
          id={`${id}-agency`}
          className="input"
          value={search.get('agencyId') ?? ''}
          onChange={(event) => onChange({ agencyId: event.target.value })}
        >
          <option value="">{t('filters.allAgencies')}</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
      </div>
      <SearchField
        label={t('filters.owner')}
        name="owner"
        search={search}
        onChange={onChange}
        placeholder={t('filters.ownerPlaceholder')}
      />
      <SearchField
        label={t('filters.text')}
        name="q"
        search={search}
        onChange={onChange}
        placeholder={t('filters.textPlaceholder')}
      />
      <div className="field ledger-filters__carried">
        <label className="field__label" htmlFor={`${id}-carried`}>
          {t('filters.carried')}
        </label>
        <select
          id={`${id}-carried`}
          className="input"
          value={search.get('minCarried') ?? ''}
          onChange={(event) => onChange({ minCarried: event.target.value })}
        >
          <option value="">{t('filters.any')}</option>
          {[1, 2, 3, 5].map((n) => (
            <option key={n} value={String(n)}>
              {t('filters.times', { count: n })}
            </option>
          ))}
        </select>
      </div>
      <div className="ledger-filters__flags">
        <fieldset className="ledger-filters__statuses">
          <legend className="field__label">{t('filters.status')}</legend>
          {STATUS_CHOICES.map((status) => (
            <label key={status} className="ledger-check">
              <input type="checkbox" checked={statuses.has(status)} onChange={() => toggleStatus(status)} />
              {t(`status.${status}`)}
            </label>
          ))}
        </fieldset>
        <label className="ledger-check ledger-filters__overdue">
          <input
            type="checkbox"
            checked={search.get('overdue') === 'true'}
            onChange={(event) => onChange({ overdue: event.target.checked ? 'true' : null })}
          />
          {t('filters.overdueOnly')}
        </label>
      </div>
    </form>
  );
}

interface SearchFieldProps {
  label: string;
  name: 'owner' | 'q';
  placeholder: string;
  search: URLSearchParams;
  onChange: Props['onChange'];
}

/** A search box that applies what was typed after a pause, and follows the URL (Back, a shared link). */
function SearchField({ label, name, placeholder, search, onChange }: SearchFieldProps) {
  const id = useId();
  const applied = search.get(name) ?? '';
  const [draft, setDraft] = useState(applied);
  const typing = useRef(false);

  useEffect(() => {
    if (!typing.current) setDraft(applied);
  }, [applied]);

  useEffect(() => {
    if (!typing.current) return;
    const timer = setTimeout(() => {
      typing.current = false;
      if (draft.trim() !== applied) onChange({ [name]: draft.trim() }, { replace: true });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft, applied, name, onChange]);

  return (
    <div className="field ledger-filters__search">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        value={draft}
        placeholder={placeholder}
        maxLength={name === 'q' ? 200 : 120}
        onChange={(event) => {
          typing.current = true;
          setDraft(event.target.value);
        }}
        onKeyDown={(event) => {
          // Enter applies at once instead of waiting for the pause.
          if (event.key !== 'Enter') return;
          typing.current = false;
          if (draft.trim() !== applied) onChange({ [name]: draft.trim() });
        }}
      />
    </div>
  );
}
