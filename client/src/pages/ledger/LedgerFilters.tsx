/**
 * The ledger's filter bar. Every control writes the page's query string: lists and boxes at once,
 * the two searches after a pause in typing (replacing the history entry, so Back skips keystrokes).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Agency, Objective } from '../../../../shared/performance.ts';
import { STATUS_CHOICES, selectedStatuses } from './ledgerSearch.ts';

const TYPING_PAUSE_MS = 350;

const STATUS_WORDS: Record<(typeof STATUS_CHOICES)[number], string> = {
  open: 'Open',
  done: 'Done',
  dropped: 'Dropped',
};

interface Props {
  search: URLSearchParams;
  objectives: Objective[];
  agencies: Agency[];
  onChange: (changes: Record<string, string | null>, options?: { replace?: boolean }) => void;
}

export function LedgerFilters({ search, objectives, agencies, onChange }: Props) {
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
      aria-label="Filter commitments"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-objective`}>
          Objective
        </label>
        <select
          id={`${id}-objective`}
          className="input"
          value={search.get('objectiveId') ?? ''}
          onChange={(event) => onChange({ objectiveId: event.target.value })}
        >
          <option value="">All objectives</option>
          {objectives.map((objective) => (
            <option key={objective.id} value={objective.id}>
              {objective.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-agency`}>
          Agency
        </label>
        <select
          id={`${id}-agency`}
          className="input"
          value={search.get('agencyId') ?? ''}
          onChange={(event) => onChange({ agencyId: event.target.value })}
        >
          <option value="">All agencies</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
      </div>
      <SearchField label="Owner" name="owner" search={search} onChange={onChange} placeholder="Name" />
      <SearchField label="Text" name="q" search={search} onChange={onChange} placeholder="Words in it" />
      <div className="field ledger-filters__carried">
        <label className="field__label" htmlFor={`${id}-carried`}>
          Carried at least
        </label>
        <select
          id={`${id}-carried`}
          className="input"
          value={search.get('minCarried') ?? ''}
          onChange={(event) => onChange({ minCarried: event.target.value })}
        >
          <option value="">Any</option>
          {[1, 2, 3, 5].map((n) => (
            <option key={n} value={String(n)}>
              {n} {n === 1 ? 'time' : 'times'}
            </option>
          ))}
        </select>
      </div>
      <div className="ledger-filters__flags">
        <fieldset className="ledger-filters__statuses">
          <legend className="field__label">Status</legend>
          {STATUS_CHOICES.map((status) => (
            <label key={status} className="ledger-check">
              <input type="checkbox" checked={statuses.has(status)} onChange={() => toggleStatus(status)} />
              {STATUS_WORDS[status]}
            </label>
          ))}
        </fieldset>
        <label className="ledger-check ledger-filters__overdue">
          <input
            type="checkbox"
            checked={search.get('overdue') === 'true'}
            onChange={(event) => onChange({ overdue: event.target.checked ? 'true' : null })}
          />
          Overdue only
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
