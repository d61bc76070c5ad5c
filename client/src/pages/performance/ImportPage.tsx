/**
 * `/data/import`: upload a CSV of data points or indicators. The server streams its progress as
 * NDJSON; the page reads it line by line to move a progress bar while the import runs, then shows
 * the counts, or every bad row with the promise that nothing was changed (imports are all or
 * nothing).
 */
import { type FormEvent, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ImportEvent } from '../../../../shared/performance.ts';
import { ApiError } from '../../api/http.ts';
import { ImportKind, performanceApi, uploadCsv } from '../../api/performance.ts';
import { useResource } from './useResource.ts';
import { useIsAnalyst } from './useRole.ts';
import './performance.css';

const KINDS: Array<{ kind: ImportKind; label: string; columns: string; note: string }> = [
  {
    kind: ImportKind.dataPoints,
    label: 'Data points',
    columns: 'indicator_id,period,value,note',
    note: 'Period YYYY-Www for weekly indicators, YYYY-MM (or MM/YYYY) for monthly ones; note is optional. Existing values for the same indicator and period are replaced. Files saved by Excel with semicolons and decimal commas (1.234,5) and dates DD/MM/YYYY are read too; headers may be written Indicator ID, Período, Valor.',
  },
  {
    kind: ImportKind.indicators,
    label: 'Indicators',
    columns: 'id,goal_id,name,unit,direction,frequency,baseline_value,baseline_date,target_value,target_date',
    note: 'Optional columns threshold_at_risk,threshold_off_track. Direction up or down; frequency weekly or monthly; dates YYYY-MM-DD or DD/MM/YYYY.',
  },
];

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
        message: error instanceof ApiError ? error.message : 'The import failed',
      });
    }
  }

  return (
    <div className="perf-page perf-page--narrow">
      <header className="perf-header">
        <div>
          <h1>Import data</h1>
          <p className="perf-subtitle">
            Upload a CSV file. A file with any bad row is rejected as a whole, so nothing is half imported.
          </p>
        </div>
      </header>
      {!isAnalyst && (
        <p className="perf-notice">
          Only analysts can import data; the server will refuse the upload otherwise.
        </p>
      )}
      <form className="perf-panel import-form" onSubmit={submit}>
        <fieldset className="import-kinds">
          <legend>What the file holds</legend>
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
              {entry.label}
            </label>
          ))}
        </fieldset>
        <div className="import-columns">
          <span className="muted">Columns (first line):</span> <code>{chosen.columns}</code>
          <p className="muted">{chosen.note}</p>
          {kind === ImportKind.dataPoints && (
            <p>
              <a href="/api/imports/data-points/template.csv" download data-testid="import-template">
                Download a template file
              </a>{' '}
              <span className="muted">(the header row and one example row)</span>
            </p>
          )}
        </div>
        {kind === ImportKind.dataPoints && <NeededIds />}
        <div className="perf-field">
          <label htmlFor={ids.file}>CSV file</label>
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
        <button type="submit" className="perf-button" disabled={!file || running}>
          {running ? 'Importing…' : 'Import'}
        </button>
      </form>
      <ImportOutcome outcome={outcome} />
    </div>
  );
}

/** The ids a data-point file needs: the indicators of an objective, picked here (or `?objective=`). */
function NeededIds() {
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
        <label htmlFor={ids.objective}>Indicator ids for the objective</label>
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
        <p className="muted">This objective has no indicators yet.</p>
      )}
      {indicators.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">indicator_id</th>
              <th scope="col">Indicator</th>
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
                <td className="muted">{PERIOD_FORMAT_HINT_SHORT[indicator.frequency]}</td>
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
            Template for this objective
          </a>
        </p>
      )}
    </section>
  );
}

const PERIOD_FORMAT_HINT_SHORT = { weekly: 'weekly: YYYY-Www', monthly: 'monthly: YYYY-MM' } as const;

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  if (outcome.state === 'idle') return null;
  if (outcome.state === 'running') {
    const { rowsRead, rowsTotal } = outcome;
    return (
      <section className="perf-panel import-progress" aria-live="polite" data-testid="import-progress">
        <label>
          Importing: {rowsRead.toLocaleString('en')} of {rowsTotal.toLocaleString('en')} rows read
          <progress max={Math.max(rowsTotal, 1)} value={Math.min(rowsRead, rowsTotal)} />
        </label>
      </section>
    );
  }
  if (outcome.state === 'error')
    return (
      <section className="perf-panel import-result import-result--failed" role="alert">
        <h2>The import could not run</h2>
        <p>{outcome.message}</p>
        <p>Nothing was changed.</p>
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
        <h2>Imported {fileName}</h2>
        <dl className="import-counts">
          <div>
            <dt>Rows read</dt>
            <dd>{event.rowsRead.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>Inserted</dt>
            <dd data-count="inserted">{event.inserted.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>Updated</dt>
            <dd data-count="updated">{event.updated.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>Unchanged</dt>
            <dd data-count="unchanged">{event.unchanged.toLocaleString('en')}</dd>
          </div>
        </dl>
        <p>
          <Link to="/objectives">See the objectives</Link>
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
        {fileName} was rejected: {event.errors.length}
        {event.truncated ? '+' : ''} bad {event.errors.length === 1 ? 'row' : 'rows'}
      </h2>
      {event.rowsWritten ? (
        <p>
          <strong>
            {event.rowsWritten.toLocaleString('en')} rows were written before the import stopped.
          </strong>{' '}
          Upload the same file again: rows already written count as unchanged.
        </p>
      ) : (
        <p>
          <strong>Nothing was changed.</strong> Fix the rows below and upload the whole file again.
        </p>
      )}
      <div className="data-table-scroll">
        <table className="data-table import-errors">
          <caption>Rows that could not be imported ({event.rowsRead.toLocaleString('en')} rows read)</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Line
              </th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {event.errors.map((error) => (
              <tr key={`${error.row}:${error.field ?? ''}:${error.message}`} data-row={error.row}>
                <td className="numeric">{error.row}</td>
                <td>{error.field ?? '—'}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {event.truncated && <p className="muted">Only the first {event.errors.length} problems are listed.</p>}
    </section>
  );
}
