/**
 * One commitment's history, fetched when its row is opened: who changed what, when, and in which
 * meeting, oldest first, in plain words.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commitmentHistory, meetingById } from '../../api/commitments.ts';
import { useResource } from '../../api/useResource.ts';
import { LoadError } from '../../components/PageStates.tsx';
import { describeHistoryEntry, formatInstant, type HistoryNames } from './historyWords.ts';

interface Props {
  objectiveId: string;
  commitmentId: string;
  agencyNames: ReadonlyMap<string, string>;
}

export function CommitmentHistory({ objectiveId, commitmentId, agencyNames }: Props) {
  const { t } = useTranslation('ledger');
  const loaded = useResource(`history:${objectiveId}/${commitmentId}`, () =>
    commitmentHistory(objectiveId, commitmentId),
  );
  const meetingDates = useMeetingDates(
    loaded.state === 'ready' ? loaded.data.history.map((entry) => entry.meetingId) : [],
  );

  if (loaded.state === 'loading')
    return (
      <p className="ledger-history__state" role="status">
        {t('history.loading')}
      </p>
    );
  if (loaded.state === 'error') return <LoadError error={loaded.error} onRetry={loaded.reload} />;

  const { history, commitment } = loaded.data;
  const names: HistoryNames = {
    agencyName: (id) => agencyNames.get(id),
    meetingDate: (id) => meetingDates.get(id),
    currentText: commitment.text,
  };
  return (
    <section className="ledger-history" aria-label={t('history.label')}>
      <h3 className="ledger-history__title">{t('history.title')}</h3>
      {commitment.dropReason && (
        <p className="ledger-history__reason">
          {t('history.droppedBecause', { reason: commitment.dropReason })}
        </p>
      )}
      <ol className="ledger-history__list">
        {history.map((entry, index) => {
          const line = describeHistoryEntry(entry, names, t);
          return (
            // Entries are append-only: their position is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <li key={index} className="ledger-history__entry" data-testid="history-entry">
              <div className="ledger-history__head">
                <strong>{line.headline}</strong>
                <span className="muted">
                  {t('history.by', { name: entry.actor.name })} ·{' '}
                  <time dateTime={new Date(entry.at).toISOString()}>{formatInstant(entry.at)}</time>
                </span>
              </div>
              {line.details.length > 0 && (
                <ul className="ledger-history__changes">
                  {line.details.map((detail) => (
                    <li key={detail}>{detail}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The dates of the meetings a history names, filled in as they arrive. */
function useMeetingDates(ids: Array<string | null>): ReadonlyMap<string, string> {
  const [dates, setDates] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...new Set(ids.filter((id): id is string => id !== null))].sort().join(',');
  useEffect(() => {
    if (!key) return;
    let current = true;
    Promise.all(key.split(',').map(async (id) => [id, (await meetingById(id))?.scheduledFor] as const)).then(
      (pairs) => {
        if (!current) return;
        setDates(new Map(pairs.flatMap(([id, date]) => (date ? [[id, date] as const] : []))));
      },
    );
    return () => {
      current = false;
    };
  }, [key]);
  return dates;
}
