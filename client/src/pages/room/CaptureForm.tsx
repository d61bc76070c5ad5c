/**
 * Captures a commitment in one short form, from the current agenda item: goal and owner agency come
 * prefilled from the item, the analyst types what was promised and presses Enter. On success the
 * form clears and keeps focus for the next one; on a refusal the typed text stays with the reason.
 *
 * Self-contained (props in, a ledger command out) so the keyboard console and the big screen can
 * reuse it. The result reaches every screen through the ledger document, not through this form.
 */
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUE_DATE_RANGE } from '../../../../shared/ledger.ts';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import type { Agency, GoalSummary } from '../../../../shared/performance.ts';
import { createCommitment, newCommitmentId } from '../../api/ledgerCommands.ts';
import { Field } from '../../components/Field.tsx';
import { resolvePresenter } from '../meetings/prepCatalog.ts';
import { daysFromToday } from './roomFormat.ts';
import { useCommand } from './useCommand.ts';
import './capture.css';

const DEFAULT_DUE_IN_DAYS = 7;

export type CaptureItem = Pick<AgendaItem, 'id' | 'title' | 'presenterAgency' | 'indicatorIds'>;

export interface CaptureFormProps {
  meetingId: string;
  objectiveId: string;
  item: CaptureItem;
  /** The objective's goals (the choices, and where the prefill comes from). */
  goals: GoalSummary[];
  agencies: Agency[];
  autoFocus?: boolean;
  /** Overrides the item's prefill (the console passes the goal of the indicator on screen). */
  prefill?: CapturePrefill;
  /** Esc in the form (the console closes its capture). */
  onCancel?: () => void;
  /** After a save was confirmed, with what was saved. */
  onSaved?: (text: string) => void;
}

export interface CapturePrefill {
  goalId: string;
  ownerAgencyId: string;
  /** The indicator the commitment is about, when it is one of the prefilled goal's. */
  indicatorId?: string | null;
}

/** The goal of the item's first indicator, and its agency (else the item's presenter agency). */
export function capturePrefill(item: CaptureItem, goals: GoalSummary[], agencies: Agency[]): CapturePrefill {
  const first = item.indicatorIds[0];
  const goal = first
    ? goals.find((goal) => goal.indicators.some((indicator) => indicator.id === first))
    : null;
  if (goal) return { goalId: goal.id, ownerAgencyId: goal.agencyId };
  const presenter = resolvePresenter(item.presenterAgency, agencies);
  return { goalId: '', ownerAgencyId: presenter.kind === 'agency' ? presenter.agency.id : '' };
}

type Problems = Partial<Record<'text' | 'agency' | 'goal' | 'due', string>>;

export function CaptureForm({
  meetingId,
  objectiveId,
  item,
  goals,
  agencies,
  autoFocus,
  prefill: prefillOverride,
  onCancel,
  onSaved,
}: CaptureFormProps) {
  const { t } = useTranslation(['room', 'common']);
  const command = useCommand();
  const textRef = useRef<HTMLInputElement>(null);
  /** The id of the commitment being sent: kept while nothing is changed, so a retry is not a duplicate. */
  const pendingId = useRef<string | null>(null);
  const [text, setText] = useState('');
  const [person, setPerson] = useState('');
  const [dueDate, setDueDate] = useState(() => daysFromToday(DEFAULT_DUE_IN_DAYS));
  /** null: follow the item's prefill (which changes with the item). */
  const [goalChoice, setGoalChoice] = useState<string | null>(null);
  const [agencyChoice, setAgencyChoice] = useState<string | null>(null);
  const [forItem, setForItem] = useState(item.id);
  const [problems, setProblems] = useState<Problems>({});
  const [saved, setSaved] = useState('');
  const headingId = useId();

  if (forItem !== item.id) {
    setForItem(item.id);
    setGoalChoice(null);
    setAgencyChoice(null);
  }

  const prefill = prefillOverride ?? capturePrefill(item, goals, agencies);
  const goalId = goalChoice ?? prefill.goalId;
  const goal = goals.find((candidate) => candidate.id === goalId) ?? null;
  const ownerAgencyId = agencyChoice ?? (goalChoice !== null && goal ? goal.agencyId : prefill.ownerAgencyId);
  const ofGoal = (id: string | null | undefined) =>
    id != null && item.indicatorIds.includes(id) && goal?.indicators.some((indicator) => indicator.id === id);
  const indicatorId = ofGoal(prefill.indicatorId)
    ? (prefill.indicatorId ?? null)
    : (item.indicatorIds.find((id) => ofGoal(id)) ?? null);

  const goalGroups = useMemo(() => {
    const names = new Map(agencies.map((agency) => [agency.id, agency.name]));
    const groups = new Map<string, GoalSummary[]>();
    for (const candidate of goals) {
      const list = groups.get(candidate.agencyId);
      if (list) list.push(candidate);
      else groups.set(candidate.agencyId, [candidate]);
    }
    return [...groups].map(([agencyId, list]) => ({ label: names.get(agencyId) ?? agencyId, goals: list }));
  }, [goals, agencies]);

  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      pendingId.current = null;
      setSaved('');
      set(value);
    };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (command.busy) return;
    const typed = text.trim();
    const found: Problems = {};
    if (!typed) found.text = t('capture.needText');
    if (!ownerAgencyId) found.agency = t('capture.needAgency');
    if (!goalId) found.goal = t('capture.needGoal');
    if (!dueDate) found.due = t('capture.needDate');
    setProblems(found);
    if (Object.keys(found).length > 0) {
      if (found.text) textRef.current?.focus();
      return;
    }
    pendingId.current ??= newCommitmentId();
    const id = pendingId.current;
    const result = await command.run((socket) =>
      createCommitment(socket, {
        objectiveId,
        meetingId,
        itemId: item.id,
        id,
        text: typed,
        ownerAgencyId,
        ownerPerson: person.trim(),
        dueDate,
        goalId,
        indicatorId,
      }),
    );
    if (!result.ok) {
      // A refusal made nothing; a lost answer may have: only then is the same id worth sending again.
      if (result.error.code !== 'network') pendingId.current = null;
      return;
    }
    pendingId.current = null;
    // Whatever was typed while the answer was on its way is the next commitment: keep it.
    setText((current) => (current.trim() === typed ? '' : current));
    setPerson('');
    setDueDate(daysFromToday(DEFAULT_DUE_IN_DAYS));
    setGoalChoice(null);
    setAgencyChoice(null);
    setSaved(t('capture.saved', { text: result.answer.commitment.text }));
    textRef.current?.focus();
    onSaved?.(result.answer.commitment.text);
  };

  return (
    <form
      className="capture"
      aria-labelledby={headingId}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onCancel) {
          event.preventDefault();
          onCancel();
        }
      }}
      noValidate
      data-testid="capture-form"
    >
      <div className="capture__head">
        <h2 className="capture__title" id={headingId}>
          {t('capture.title')}{' '}
          <span className="capture__from">{t('capture.from', { title: item.title })}</span>
        </h2>
        {/* The hint gives way to the confirmation of the last save. */}
        {!saved && <span className="capture__hint">{t('capture.hint')}</span>}
        <p className="capture__saved" aria-live="polite" data-testid="capture-saved">
          {saved}
        </p>
      </div>
      <div className="capture__grid">
        <Field label={t('capture.text')} error={problems.text} className="capture__text">
          <input
            ref={textRef}
            className="input"
            value={text}
            maxLength={1000}
            placeholder={t('capture.textPlaceholder')}
            required
            // biome-ignore lint/a11y/noAutofocus: the keyboard console opens straight into capture.
            autoFocus={autoFocus}
            onChange={(event) => changed(setText)(event.target.value)}
          />
        </Field>
        <Field label={t('capture.due')} error={problems.due}>
          <input
            className="input"
            type="date"
            value={dueDate}
            min={DUE_DATE_RANGE.min}
            max={DUE_DATE_RANGE.max}
            required
            onChange={(event) => changed(setDueDate)(event.target.value)}
          />
        </Field>
        <Field label={t('capture.agency')} error={problems.agency}>
          <select
            className="input"
            value={ownerAgencyId}
            required
            onChange={(event) => changed(setAgencyChoice)(event.target.value)}
          >
            <option value="">{t('capture.chooseAgency')}</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.code} — {agency.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('capture.person')}>
          <input
            className="input"
            value={person}
            maxLength={120}
            onChange={(event) => changed(setPerson)(event.target.value)}
          />
        </Field>
        <Field label={t('capture.goal')} error={problems.goal} className="capture__goal">
          <select
            className="input"
            value={goalId}
            required
            onChange={(event) => changed(setGoalChoice)(event.target.value)}
          >
            <option value="">{t('capture.chooseGoal')}</option>
            {goalGroups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.goals.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <div className="capture__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={command.busy}
            aria-busy={command.busy}
          >
            {command.busy ? t('capture.saving') : t('common:save')}
          </button>
        </div>
      </div>
      {command.error && (
        <p className="capture__error" role="alert" data-testid="capture-error">
          {command.error.message}
        </p>
      )}
    </form>
  );
}
