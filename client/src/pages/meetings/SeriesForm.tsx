/**
 * The series' cadence: an edit form for analysts (checked with the server's own schema before it is
 * sent, and the server's verdict shown on the field it names) and a read-only summary for viewers.
 */
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../../shared/performance.ts';
import {
  Cadence,
  formatDuration,
  MAX_DURATION_MINUTES,
  MAX_INTERVAL_WEEKS,
  MAX_USUAL_AGENCIES,
  type MeetingSeries,
  MIN_DURATION_MINUTES,
  seriesInputSchema,
} from '../../../../shared/series.ts';
import { ApiError } from '../../api/http.ts';
import { saveSeries } from '../../api/series.ts';
import { Field } from '../../components/Field.tsx';
import { errorText } from '../../i18n/errorText.ts';
import { currentLanguage } from '../../i18n/locale.ts';
import { repeatsText, WEEKDAYS, weekdayName } from './seriesText.ts';

const FIELDS = [
  'cadence',
  'intervalWeeks',
  'weekday',
  'startTime',
  'durationMinutes',
  'usualAgencyIds',
] as const;
type FieldName = (typeof FIELDS)[number];
type Errors = Partial<Record<FieldName | 'form', string>>;

const isField = (name: unknown): name is FieldName => FIELDS.includes(name as FieldName);

/**
 * The server names the field first (`weekday: …`); show its verdict there: in English its message
 * without the field's name, in other languages the translated reason (`errorText`).
 */
function serverErrors(t: TFunction<'meetings'>, error: unknown): Errors {
  if (!(error instanceof ApiError)) return { form: t('seriesForm.failed') };
  const match = /^(\w+)(?:\.\d+)?:\s*(.*)$/.exec(error.message);
  if (match && isField(match[1]))
    return { [match[1]]: currentLanguage() === 'en' ? (match[2] ?? error.message) : errorText(error) };
  return { form: errorText(error) };
}

/** A field the schema refused, before sending: English keeps the schema's words, others say it per field. */
function invalidText(t: TFunction<'meetings'>, field: FieldName | 'form', schemaMessage: string): string {
  if (currentLanguage() === 'en') return schemaMessage;
  if (field === 'intervalWeeks') return t('seriesForm.invalid.intervalWeeks', { max: MAX_INTERVAL_WEEKS });
  if (field === 'durationMinutes')
    return t('seriesForm.invalid.durationMinutes', { min: MIN_DURATION_MINUTES, max: MAX_DURATION_MINUTES });
  if (field === 'usualAgencyIds') return t('seriesForm.invalid.usualAgencyIds', { max: MAX_USUAL_AGENCIES });
  return t(`seriesForm.invalid.${field}`);
}

function agencyLabel(agencies: Agency[], id: string): string {
  const agency = agencies.find((candidate) => candidate.id === id);
  return agency ? `${agency.code} · ${agency.name}` : id;
}

export function SeriesForm(props: {
  objectiveId: string;
  series: MeetingSeries;
  agencies: Agency[];
  onSaved: (series: MeetingSeries) => void;
}) {
  const { series, agencies } = props;
  const { t } = useTranslation('meetings');
  const [cadence, setCadence] = useState<Cadence>(series.cadence);
  const [intervalWeeks, setIntervalWeeks] = useState(
    // Switching to "every few weeks" starts at every 2 weeks, the common choice.
    String(series.cadence === Cadence.everyNWeeks ? series.intervalWeeks : 2),
  );
  const [weekday, setWeekday] = useState(series.weekday);
  const [startTime, setStartTime] = useState(series.startTime);
  const [duration, setDuration] = useState(String(series.durationMinutes));
  const [agencyIds, setAgencyIds] = useState<string[]>(series.usualAgencyIds);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const touched = () => {
    setSaved(false);
    setErrors({});
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = seriesInputSchema.safeParse({
      cadence,
      // Only "every few weeks" has an interval; the others are stored with 1.
      intervalWeeks: cadence === Cadence.everyNWeeks ? Number(intervalWeeks) : 1,
      weekday,
      startTime,
      durationMinutes: Number(duration),
      usualAgencyIds: agencyIds,
    });
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = isField(issue.path[0]) ? issue.path[0] : 'form';
        found[field] ??= invalidText(t, field, issue.message);
      }
      setErrors(found);
      return;
    }
    setBusy(true);
    try {
      props.onSaved(await saveSeries(props.objectiveId, parsed.data));
      setErrors({});
      setSaved(true);
    } catch (error) {
      setErrors(serverErrors(t, error));
    } finally {
      setBusy(false);
    }
  };

  const toggleAgency = (id: string, on: boolean) => {
    touched();
    // Checked agencies are kept in the order they were picked: the order they are usually called.
    setAgencyIds((current) => (on ? [...current, id] : current.filter((other) => other !== id)));
  };

  return (
    <form className="form series-form" onSubmit={onSubmit} noValidate aria-label={t('seriesForm.label')}>
      <div className="series-form__row series-form__row--repeat">
        <Field label={t('seriesForm.repeats')} error={errors.cadence}>
          <select
            className="input"
            value={cadence}
            onChange={(event) => {
              touched();
              setCadence(event.target.value as Cadence);
            }}
          >
            {Object.values(Cadence).map((value) => (
              <option key={value} value={value}>
                {t(`cadence.every.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        {cadence === Cadence.everyNWeeks && (
          <Field label={t('seriesForm.weeksApart')} error={errors.intervalWeeks}>
            <input
              className="input"
              type="number"
              min={1}
              max={MAX_INTERVAL_WEEKS}
              value={intervalWeeks}
              onChange={(event) => {
                touched();
                setIntervalWeeks(event.target.value);
              }}
            />
          </Field>
        )}
      </div>
      <div className="series-form__row">
        <Field label={t('seriesForm.day')} error={errors.weekday}>
          <select
            className="input"
            value={weekday}
            onChange={(event) => {
              touched();
              setWeekday(Number(event.target.value));
            }}
          >
            {WEEKDAYS.map((day) => (
              <option key={day} value={day}>
                {weekdayName(t, day)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('seriesForm.startTime')} error={errors.startTime}>
          <input
            className="input"
            type="time"
            value={startTime}
            onChange={(event) => {
              touched();
              setStartTime(event.target.value);
            }}
          />
        </Field>
      </div>
      <Field
        label={t('seriesForm.duration')}
        error={errors.durationMinutes}
        hint={
          Number(duration) > 0
            ? formatDuration(Number(duration))
            : t('seriesForm.durationHint', { min: MIN_DURATION_MINUTES, max: MAX_DURATION_MINUTES })
        }
      >
        <input
          className="input"
          type="number"
          min={MIN_DURATION_MINUTES}
          max={MAX_DURATION_MINUTES}
          step={15}
          value={duration}
          onChange={(event) => {
            touched();
            setDuration(event.target.value);
          }}
        />
      </Field>
      <fieldset className="series-agencies" aria-describedby="series-agencies-hint">
        <legend className="field__label">
          {t('seriesForm.usualAgencies')} <span className="count">{agencyIds.length}</span>
        </legend>
        <p className="field__hint" id="series-agencies-hint">
          {t('seriesForm.usualHint', { max: MAX_USUAL_AGENCIES })}
        </p>
        {agencies.length === 0 ? (
          <p className="muted">{t('seriesForm.noAgencies')}</p>
        ) : (
          <ul className="series-agencies__list">
            {agencies.map((agency) => (
              <li key={agency.id}>
                <label className="series-agencies__option">
                  <input
                    type="checkbox"
                    checked={agencyIds.includes(agency.id)}
                    onChange={(event) => toggleAgency(agency.id, event.target.checked)}
                  />
                  <span className="agency-code">{agency.code}</span>
                  <span className="series-agencies__name">{agency.name}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {errors.usualAgencyIds && (
          <p className="field__error" role="alert">
            {errors.usualAgencyIds}
          </p>
        )}
      </fieldset>
      {errors.form && (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="series-form__actions">
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? t('seriesForm.saving') : t('seriesForm.save')}
        </button>
        {saved && (
          <span className="series-form__saved" role="status">
            {t('seriesForm.saved')}
          </span>
        )}
      </div>
    </form>
  );
}

/** What viewers see instead of the form. */
export function SeriesDetails({ series, agencies }: { series: MeetingSeries; agencies: Agency[] }) {
  const { t } = useTranslation('meetings');
  return (
    <dl className="series-details">
      <dt>{t('seriesForm.repeats')}</dt>
      <dd>{repeatsText(t, series)}</dd>
      <dt>{t('seriesForm.day')}</dt>
      <dd>{weekdayName(t, series.weekday)}</dd>
      <dt>{t('seriesForm.time')}</dt>
      <dd>
        {series.startTime}, {formatDuration(series.durationMinutes)}
      </dd>
      <dt>{t('seriesForm.usualAgencies')}</dt>
      <dd>
        {series.usualAgencyIds.length === 0 ? (
          <span className="muted">{t('seriesForm.noneListed')}</span>
        ) : (
          <ul className="series-details__agencies">
            {series.usualAgencyIds.map((id) => (
              <li key={id}>{agencyLabel(agencies, id)}</li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
