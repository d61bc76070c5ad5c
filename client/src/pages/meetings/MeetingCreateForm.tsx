/** Creates a meeting. Inputs are checked here first, and the server's verdict is shown on the field it names. */
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/http.ts';
import { AGENDA_TOTAL_MINUTES, type AgendaStart, createMeeting } from '../../api/meetings.ts';
import { Field } from '../../components/Field.tsx';
import { errorText } from '../../i18n/errorText.ts';
import { currentLanguage } from '../../i18n/locale.ts';
import { todayIso } from './meetingDates.ts';

/** An objective a meeting can review (from the performance-data API, when it answers). */
export interface ObjectiveChoice {
  id: string;
  name: string;
}

/** The dates the server accepts (`MEETING_DATE_RANGE` in server/meetings/meetingRows.ts). */
const FIRST_DATE = '2000-01-01';
const LAST_DATE = '2100-12-31';

type Errors = { title?: string; scheduledFor?: string; totalMinutes?: string; form?: string };

type StartFrom = AgendaStart['from'];
const START_FROM: StartFrom[] = ['empty', 'last', 'data'];
const DEFAULT_TOTAL_MINUTES = 90;

const isValidTotal = (minutes: string): boolean =>
  /^\d+$/.test(minutes) &&
  Number(minutes) >= AGENDA_TOTAL_MINUTES.min &&
  Number(minutes) <= AGENDA_TOTAL_MINUTES.max;

function validate(
  t: TFunction<'meetings'>,
  title: string,
  scheduledFor: string,
  startFrom: StartFrom,
  totalMinutes: string,
): Errors {
  const errors: Errors = {};
  if (startFrom === 'data' && !isValidTotal(totalMinutes))
    errors.totalMinutes = t('create.totalRange', AGENDA_TOTAL_MINUTES);
  if (!title.trim()) errors.title = t('create.titleRequired');
  else if (title.trim().length > 200) errors.title = t('create.titleTooLong');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(scheduledFor)) errors.scheduledFor = t('create.dateRequired');
  else if (scheduledFor < FIRST_DATE || scheduledFor > LAST_DATE) errors.scheduledFor = t('create.dateRange');
  return errors;
}

/**
 * The server names the field first (`title: …`); put its verdict where the person is looking. English
 * shows the message without the field's name; other languages the translated reason (`errorText`).
 */
function serverErrors(t: TFunction<'meetings'>, error: unknown): Errors {
  if (!(error instanceof ApiError)) return { form: t('create.failed') };
  const english = currentLanguage() === 'en';
  const match = /^(title|scheduledFor|objectiveId):\s*(.*)$/.exec(error.message);
  const onField = (detail: string | undefined) => (english ? (detail ?? error.message) : errorText(error));
  if (match?.[1] === 'title') return { title: onField(match[2]) };
  if (match?.[1] === 'scheduledFor') return { scheduledFor: onField(match[2]) };
  if (/^agenda/.test(error.message)) return { totalMinutes: errorText(error) };
  // The series already meets that day: the message names that meeting.
  if (error.code === 'conflict') return { scheduledFor: errorText(error) };
  return { form: errorText(error) };
}

export function MeetingCreateForm({ objectives }: { objectives: ObjectiveChoice[] }) {
  const { t } = useTranslation('meetings');
  const [title, setTitle] = useState('');
  const [objectiveId, setObjectiveId] = useState('');
  const [scheduledFor, setScheduledFor] = useState(todayIso);
  const [startFrom, setStartFrom] = useState<StartFrom>('empty');
  const [totalMinutes, setTotalMinutes] = useState(String(DEFAULT_TOTAL_MINUTES));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // Without an objective there is no series and no data: the agenda starts empty.
    const from: StartFrom = objectiveId ? startFrom : 'empty';
    const found = validate(t, title, scheduledFor, from, totalMinutes);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const meeting = await createMeeting({
        title: title.trim(),
        scheduledFor,
        ...(objectiveId ? { objectiveId } : {}),
        ...(from === 'empty'
          ? {}
          : { agenda: from === 'data' ? { from, totalMinutes: Number(totalMinutes) } : { from } }),
      });
      navigate(`/meetings/${meeting.id}/prep`);
    } catch (error) {
      setErrors(serverErrors(t, error));
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="new-meeting-title">
      <h2 className="card__title" id="new-meeting-title">
        {t('list.newMeeting')}
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        {objectives.length > 0 && (
          <Field label={t('create.objective')} hint={t('create.objectiveHint')}>
            <select
              className="input"
              name="objectiveId"
              value={objectiveId}
              onChange={(event) => {
                const chosen = objectives.find((objective) => objective.id === event.target.value);
                setObjectiveId(event.target.value);
                // Most meetings are named after their objective: offer that, never overwrite a typed title.
                if (chosen && !title.trim()) setTitle(t('create.suggestedTitle', { objective: chosen.name }));
              }}
            >
              <option value="">{t('create.noObjective')}</option>
              {objectives.map((objective) => (
                <option key={objective.id} value={objective.id}>
                  {objective.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {objectiveId && (
          <fieldset className="choice">
            <legend className="field__label">{t('create.startFrom')}</legend>
            {START_FROM.map((value) => (
              <label key={value} className={`choice__option ${startFrom === value ? 'is-checked' : ''}`}>
                <input
                  type="radio"
                  name="agendaFrom"
                  value={value}
                  checked={startFrom === value}
                  onChange={() => {
                    setStartFrom(value);
                    setErrors((current) => ({ ...current, totalMinutes: undefined }));
                  }}
                />
                <span>
                  <span className="choice__title">{t(`create.from.${value}.title`)}</span>
                  <span className="choice__hint">{t(`create.from.${value}.hint`)}</span>
                </span>
              </label>
            ))}
            {startFrom === 'data' && (
              <Field
                label={t('create.totalMinutes')}
                error={errors.totalMinutes}
                hint={t('create.totalHint', AGENDA_TOTAL_MINUTES)}
              >
                <input
                  className="input"
                  type="number"
                  name="totalMinutes"
                  min={AGENDA_TOTAL_MINUTES.min}
                  max={AGENDA_TOTAL_MINUTES.max}
                  step={5}
                  value={totalMinutes}
                  onChange={(event) => {
                    setTotalMinutes(event.target.value);
                    setErrors((current) => ({ ...current, totalMinutes: undefined }));
                  }}
                />
              </Field>
            )}
          </fieldset>
        )}
        <Field label={t('create.title')} error={errors.title} hint={t('create.titleHint')}>
          <input
            className="input"
            name="title"
            value={title}
            maxLength={240}
            onChange={(event) => {
              setTitle(event.target.value);
              setErrors((current) => ({ ...current, title: undefined }));
            }}
          />
        </Field>
        <Field label={t('create.date')} error={errors.scheduledFor}>
          <input
            className="input"
            type="date"
            min={FIRST_DATE}
            max={LAST_DATE}
            name="scheduledFor"
            value={scheduledFor}
            onChange={(event) => {
              setScheduledFor(event.target.value);
              setErrors((current) => ({ ...current, scheduledFor: undefined }));
            }}
          />
        </Field>
        {errors.form && (
          <p className="form__error" role="alert">
            {errors.form}
          </p>
        )}
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? t('create.creating') : t('create.submit')}
        </button>
      </form>
    </section>
  );
}
