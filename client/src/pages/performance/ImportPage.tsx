/**
 * `/data/import`: upload a CSV of data points or indicators. The server streams its progress as
 * NDJSON; the page reads it line by line to move a progress bar while the import runs, then shows
 * the counts, or every bad row with the promise that nothing was changed (imports are all or
 * nothing).
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ImportEvent } from '../../../../shared/performance.ts';
import { ApiError } from '../../api/http.ts';
import { ImportKind, performanceApi, uploadCsv } from '../../api/performance.ts';
import { useResource } from '../../api/useResource.ts';
import { errorText } from '../../i18n/errorText.ts';
import { numberFormat } from '../../i18n/locale.ts';
import { useIsAnalyst } from './useRole.ts';
import './performance.css';

/** The columns are the importer's own names: never translated. */
const KINDS = [
  {
    kind: ImportKind.dataPoints,
    label: 'import.dataPoints',
    columns: 'indicator_id,period,value,note',
    note: 'import.dataPointsNote',
  },
  {
    kind: ImportKind.indicators,
    label: 'import.indicators',
    columns: 'id,goal_id,name,unit,direction,frequency,baseline_value,baseline_date,target_value,target_date',
    note: 'import.indicatorsNote',
  },
] as const;

/** A count in the reader's language ("1,234", "1.234"). */
const count = (value: number) => numberFormat().format(value);

type Outcome =
  | { state: 'idle' }
  | { state: 'running'; rowsRead: number; rowsTotal: number }
  | { state: 'finished'; event: Extract<ImportEvent, { type: 'done' | 'failed' }>; fileName: string }
  | { state: 'error'; message: string };

/** Data rows in a CSV (lines after the header, ignoring a trailing newline), to size the progress bar. */
function countDataRows(text: string): number {
  const lines = text.split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return Math.max(0, lines.length - 1);
}

export function ImportPage() {
  const { t } = useTranslation(['performance', 'common']);
  const ids = { file: useId(), kind: useId() };
  const isAnalyst = useIsAnalyst();
  const [kind, setKind] = useState<ImportKind>(ImportKind.dataPoints);
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const chosen = KINDS.find((entry) => entry.kind === kind)!;
  const running = outcome.state === 'running';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || running) return;
    const rowsTotal = countDataRows(await file.text());
    setOutcome({ state: 'running', rowsRead: 0, rowsTotal });
    try {
      const final = await uploadCsv(kind, file, (progress) => {
        if (progress.type === 'progress')
          setOutcome({ state: 'running', rowsRead: progress.rowsRead, rowsTotal });
      });
      setOutcome({ state: 'finished', event: final, fileName: file.name });
    } catch (error) {
      setOutcome({
        state: 'error',
        message: error instanceof ApiError ? errorText(error) : t('import.failed'),
      });
    }
  }

  return (
    <div className="perf-page perf-page--narrow">
      <header className="perf-header">
        <div>
          <h1>{t('import.title')}</h1>
          <p className="perf-subtitle">{t('import.subtitle')}</p>
        </div>
      </header>
      {!isAnalyst && <p className="perf-notice">{t('import.analystsOnly')}</p>}
      <form className="perf-panel import-form" onSubmit={submit}>
        <fieldset className="import-kinds">
          <legend>{t('import.kinds')}</legend>
          {KINDS.map((entry) => (
            <label key={entry.kind} className="import-kind">
              <input
                type="radio"
                name="kind"
                value={entry.kind}
                checked={kind === entry.kind}
                onChange={() => setKind(entry.kind)}
                disabled={running}
              />
              {t(entry.label)}
            </label>
          ))}
        </fieldset>
        <div className="import-columns">
          <span className="muted">{t('import.columns')}</span> <code>{chosen.columns}</code>
          <p className="muted">{t(chosen.note)}</p>
          {kind === ImportKind.dataPoints && (
            <p>
              <a href="/api/imports/data-points/template.csv" download data-testid="import-template">
                {t('import.template')}
              </a>{' '}
              <span className="muted">{t('import.templateNote')}</span>
            </p>
          )}
        </div>
        {kind === ImportKind.dataPoints && <NeededIds />}
        <div className="perf-field">
          <label htmlFor={ids.file}>{t('import.file')}</label>
          <input
            id={ids.file}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setOutcome({ state: 'idle' });
            }}
            disabled={running}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={!file || running}>
          {running ? t('import.importing') : t('import.submit')}
        </button>
      </form>
      <ImportOutcome outcome={outcome} />
    </div>
  );
}

/** The ids a data-point file needs: the indicators of an objective, picked here (or `?objective=`). */
function NeededIds() {
  const { t } = useTranslation('performance');
  const ids = { objective: useId() };
  const [params, setParams] = useSearchParams();
  const overview = useResource('objectives', performanceApi.objectives);
  const objectives = overview.data?.objectives ?? [];
  const objectiveId = params.get('objective') ?? objectives[0]?.id ?? '';
  const detail = useResource(`import-objective:${objectiveId}`, () =>
    objectiveId ? performanceApi.objective(objectiveId) : Promise.resolve(null),
  );
  if (overview.state !== 'ready' || objectives.length === 0) return null;
  const indicators =
    detail.data?.agencies.flatMap(({ goals }) => goals.flatMap((goal) => goal.indicators)) ?? [];
  return (
    <section className="import-columns" data-testid="import-needed-ids">
      <div className="perf-field">
        <label htmlFor={ids.objective}>{t('import.neededIds')}</label>
        <select
          id={ids.objective}
          value={objectiveId}
          onChange={(event) => setParams({ objective: event.target.value }, { replace: true })}
        >
          {objectives.map((objective) => (
            <option key={objective.id} value={objective.id}>
              {objective.name}
            </option>
          ))}
        </select>
      </div>
      {detail.state === 'ready' && indicators.length === 0 && (
        <p className="muted">{t('import.noIndicators')}</p>
      )}
      {indicators.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">indicator_id</th>
              <th scope="col">{t('import.indicator')}</th>
              <th scope="col">period</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator) => (
              <tr key={indicator.id}>
                <td>
                  <code>{indicator.id}</code>
                </td>
                <td>{indicator.name}</td>
                <td className="muted">
                  {indicator.frequency === 'weekly' ? t('import.periodWeekly') : t('import.periodMonthly')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {objectiveId && (
        <p>
          <a
            href={`/api/imports/data-points/template.csv?objectiveId=${encodeURIComponent(objectiveId)}`}
            download
          >
            {t('import.objectiveTemplate')}
          </a>
        </p>
      )}
    </section>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation('performance');
  if (outcome.state === 'idle') return null;
  if (outcome.state === 'running') {
    const { rowsRead, rowsTotal } = outcome;
    return (
      <section className="perf-panel import-progress" aria-live="polite" data-testid="import-progress">
        <label>
          {t('import.progress', { read: count(rowsRead), total: count(rowsTotal) })}
          <progress max={Math.max(rowsTotal, 1)} value={Math.min(rowsRead, rowsTotal)} />
        </label>
      </section>
    );
  }
  if (outcome.state === 'error')
    return (
      <section className="perf-panel import-result import-result--failed" role="alert">
        <h2>{t('import.couldNotRun')}</h2>
        <p>{outcome.message}</p>
        <p>{t('import.nothingChanged')}</p>
      </section>
    );
  const { event, fileName } = outcome;
  if (event.type === 'done')
    return (
      <section
        className="perf-panel import-result import-result--done"
        role="status"
        data-testid="import-result"
      >
        <h2>{t('import.imported', { file: fileName })}</h2>
        <dl className="import-counts">
          <div>
            <dt>{t('import.rowsRead')}</dt>
            <dd>{count(event.rowsRead)}</dd>
          </div>
          <div>
            <dt>{t('import.inserted')}</dt>
            <dd data-count="inserted">{count(event.inserted)}</dd>
          </div>
          <div>
            <dt>{t('import.updated')}</dt>
            <dd data-count="updated">{count(event.updated)}</dd>
          </div>
          <div>
            <dt>{t('import.unchanged')}</dt>
            <dd data-count="unchanged">{count(event.unchanged)}</dd>
          </div>
        </dl>
        <p>
          <Link to="/objectives">{t('import.seeObjectives')}</Link>
        </p>
      </section>
    );
  return (
    <section
      className="perf-panel import-result import-result--failed"
      role="alert"
      data-testid="import-result"
    >
      <h2>
        {t('import.rejected', {
          file: fileName,
          count: event.errors.length,
          more: event.truncated ? '+' : '',
        })}
      </h2>
      {event.rowsWritten ? (
        <p>
          <strong>{t('import.written', { rows: count(event.rowsWritten) })}</strong> {t('import.uploadAgain')}
        </p>
      ) : (
        <p>
          <strong>{t('import.nothingChanged')}</strong> {t('import.fixRows')}
        </p>
      )}
      <div className="data-table-scroll">
        <table className="data-table import-errors">
          <caption>{t('import.errorsCaption', { rows: count(event.rowsRead) })}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('import.line')}
              </th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {event.errors.map((error) => (
              <tr key={`${error.row}:${error.field ?? ''}:${error.message}`} data-row={error.row}>
                <td className="numeric">{error.row}</td>
                <td>{error.field ?? '—'}</td>
                <td>
                  {errorText({ code: 'invalid_payload', message: error.message, reason: error.reason })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {event.truncated && <p className="muted">{t('import.truncated', { shown: event.errors.length })}</p>}
    </section>
  );
}
