/**
 * The indicator's recorded changes, newest first: who deleted, corrected, edited or archived what,
 * when, and why. Read by everyone; written only by the server, with the change itself.
 */
import { useTranslation } from 'react-i18next';
import type { DataChange } from '../../../../shared/performance.ts';
import type { Resource } from '../../api/useResource.ts';
import { errorText } from '../../i18n/errorText.ts';
import { currentLanguage } from '../../i18n/locale.ts';
import { describeChange, describeFields } from './changeText.ts';

const NO_REASON = '—';

/** "Mar 5, 2026, 2:30 PM" in English, "5 de mar. de 2026, 14:30" in Portuguese. */
const when = (iso: string) =>
  new Date(iso).toLocaleString(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' });

export function ChangesList({
  changes,
  unit,
}: {
  changes: Resource<{ changes: DataChange[] }>;
  unit: string;
}) {
  const { t } = useTranslation('performance');
  return (
    <section className="changes" aria-labelledby="changes-title" data-testid="changes">
      <h2 id="changes-title" className="perf-section-title">
        {t('changes.title')}
      </h2>
      {changes.state === 'loading' && <p className="muted">{t('changes.loading')}</p>}
      {changes.state === 'error' && (
        <p className="perf-form__error" role="alert">
          {t('changes.failed', { message: errorText(changes.error) })}
        </p>
      )}
      {changes.state === 'ready' && changes.data.changes.length === 0 && (
        <p className="muted">{t('changes.empty')}</p>
      )}
      {changes.state === 'ready' && changes.data.changes.length > 0 && (
        <table className="changes__table">
          <thead>
            <tr>
              <th scope="col">{t('changes.when')}</th>
              <th scope="col">{t('changes.who')}</th>
              <th scope="col">{t('changes.what')}</th>
              <th scope="col">{t('changes.reason')}</th>
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
                <td className="changes__reason">{change.reason ?? NO_REASON}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
