/**
 * The indicator's recorded changes, newest first: who deleted, corrected, edited or archived what,
 * when, and why. Read by everyone; written only by the server, with the change itself.
 */
import type { DataChange } from '../../../../shared/performance.ts';
import { describeChange, describeFields } from './changeText.ts';
import type { Resource } from './useResource.ts';

const TEXT = {
  title: 'Changes',
  loading: 'Loading the changes…',
  failed: (message: string) => `The changes could not be loaded: ${message}`,
  empty: 'Nothing has been deleted, corrected or edited. Values entered once are in the table above.',
  when: 'When',
  who: 'Who',
  what: 'What',
  reason: 'Reason',
  noReason: '—',
} as const;

const when = (iso: string) => new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });

export function ChangesList({
  changes,
  unit,
}: {
  changes: Resource<{ changes: DataChange[] }>;
  unit: string;
}) {
  return (
    <section className="changes" aria-labelledby="changes-title" data-testid="changes">
      <h2 id="changes-title" className="perf-section-title">
        {TEXT.title}
      </h2>
      {changes.state === 'loading' && <p className="muted">{TEXT.loading}</p>}
      {changes.state === 'error' && (
        <p className="perf-form__error" role="alert">
          {TEXT.failed(changes.error.message)}
        </p>
      )}
      {changes.state === 'ready' && changes.data.changes.length === 0 && (
        <p className="muted">{TEXT.empty}</p>
      )}
      {changes.state === 'ready' && changes.data.changes.length > 0 && (
        <table className="changes__table">
          <thead>
            <tr>
              <th scope="col">{TEXT.when}</th>
              <th scope="col">{TEXT.who}</th>
              <th scope="col">{TEXT.what}</th>
              <th scope="col">{TEXT.reason}</th>
            </tr>
          </thead>
          <tbody>
            {changes.data.changes.map((change) => (
              <tr key={change.id} data-action={change.action}>
                <td className="changes__when">
                  <time dateTime={change.changedAt}>{when(change.changedAt)}</time>
                </td>
                <td>{change.changedBy}</td>
                <td>
                  {describeChange(change, unit)}
                  {change.fields.length > 0 && (
                    <ul className="changes__fields">
                      {describeFields(change.fields, unit).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="changes__reason">{change.reason ?? TEXT.noReason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
