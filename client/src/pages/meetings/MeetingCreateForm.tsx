/** Creates a meeting. Inputs are checked here first, and the server's verdict is shown on the field it names. */
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/http.ts';
import { AGENDA_TOTAL_MINUTES, type AgendaStart, createMeeting } from '../../api/meetings.ts';
import { Field } from '../../components/Field.tsx';
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
const START_FROM: Record<StartFrom, { title: string; hint: string }> = {
  empty: { title: 'Empty', hint: 'Add the items yourself' },
  last: { title: 'Last meeting’s agenda', hint: 'Its items again, notes left behind; the follow-up first' },
  data: {
    title: 'The data',
    hint: 'The follow-up, then the goals off track, at risk, with a disputed rating or late data, each with its indicators and agency',
  },
};
const DEFAULT_TOTAL_MINUTES = 90;

const isValidTotal = (minutes: string): boolean =>
  /^\d+$/.test(minutes) &&
  Number(minutes) >= AGENDA_TOTAL_MINUTES.min &&
  Number(minutes) <= AGENDA_TOTAL_MINUTES.max;

function validate(title: string, scheduledFor: string, startFrom: StartFrom, totalMinutes: string): Errors {
  const errors: Errors = {};
  if (startFrom === 'data' && !isValidTotal(totalMinutes))
    errors.totalMinutes = `Give a total between ${AGENDA_TOTAL_MINUTES.min} and ${AGENDA_TOTAL_MINUTES.max} minutes`;
  if (!title.trim()) errors.title = 'Give the meeting a title, e.g. the objective it reviews';
  else if (title.trim().length > 200) errors.title = 'Keep the title under 200 characters';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(scheduledFor)) errors.scheduledFor = 'Choose the day of the meeting';
  else if (scheduledFor < FIRST_DATE || scheduledFor > LAST_DATE)
    errors.scheduledFor = 'Choose a day between 2000 and 2100';
  return errors;
}

/** The server names the field first (`title: …`); put its message where the person is looking. */
function serverErrors(error: unknown): Errors {
  if (!(error instanceof ApiError)) return { form: 'The meeting could not be created' };
  const match = /^(title|scheduledFor|objectiveId):\s*(.*)$/.exec(error.message);
  if (match?.[1] === 'title') return { title: match[2] ?? error.message };
  if (match?.[1] === 'scheduledFor') return { scheduledFor: match[2] ?? error.message };
  if (/^agenda/.test(error.message)) return { totalMinutes: error.message };
  // The series already meets that day: the message names that meeting.
  if (error.code === 'conflict') return { scheduledFor: error.message };
  return { form: error.message };
}

export function MeetingCreateForm({ objectives }: { objectives: ObjectiveChoice[] }) {
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
    const found = validate(title, scheduledFor, from, totalMinutes);
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
      setErrors(serverErrors(error));
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="new-meeting-title">
      <h2 className="card__title" id="new-meeting-title">
        New meeting
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        {objectives.length > 0 && (
          <Field label="Objective" hint="Optional: the strategic objective this meeting reviews">
            <select
              className="input"
              name="objectiveId"
              value={objectiveId}
              onChange={(event) => {
                const chosen = objectives.find((objective) => objective.id === event.target.value);
                setObjectiveId(event.target.value);
                // Most meetings are named after their objective: offer that, never overwrite a typed title.
                if (chosen && !title.trim()) setTitle(`${chosen.name} — weekly meeting`);
              }}
            >
              <option value="">No objective</option>
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
            <legend className="field__label">Start from</legend>
            {(Object.keys(START_FROM) as StartFrom[]).map((value) => (
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
                  <span className="choice__title">{START_FROM[value].title}</span>
                  <span className="choice__hint">{START_FROM[value].hint}</span>
                </span>
              </label>
            ))}
            {startFrom === 'data' && (
              <Field
                label="Total minutes"
                error={errors.totalMinutes}
                hint={`${AGENDA_TOTAL_MINUTES.min}–${AGENDA_TOTAL_MINUTES.max}: goals are added until the next one would not fit`}
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
        <Field
          label="Title"
          error={errors.title}
          hint="The objective under review, e.g. “Citizen security — weekly”"
        >
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
        <Field label="Date" error={errors.scheduledFor}>
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
          {busy ? 'Creating…' : 'Create and prepare agenda'}
        </button>
      </form>
    </section>
  );
}
