/**
 * Goals by computed status as one stacked bar, with the counts written out beside it (colour is
 * never the only carrier of meaning).
 */
import { useTranslation } from 'react-i18next';
import type { Status, StatusCounts } from '../../../../shared/performance.ts';
import { StatusIcon } from '../../charts/StatusBadge.tsx';
import { STATUS_KEYS } from '../../charts/statusText.ts';

const ORDER: Status[] = ['on_track', 'at_risk', 'off_track', 'no_data'];

export function StatusBar({ counts, size = 'medium' }: { counts: StatusCounts; size?: 'medium' | 'large' }) {
  const { t } = useTranslation(['performance', 'charts']);
  const label = (status: Status) => t(`charts:${STATUS_KEYS[status]}`);
  const total = ORDER.reduce((sum, status) => sum + counts[status], 0);
  const description = ORDER.map((status) => `${counts[status]} ${label(status).toLowerCase()}`).join(', ');
  return (
    <div className={`status-bar status-bar--${size}`}>
      <div className="status-bar__track" role="img" aria-label={t('statusBar.label', { description })}>
        {total === 0 && (
          <span className="status-bar__segment" data-status="no_data" style={{ flexGrow: 1 }} />
        )}
        {ORDER.filter((status) => counts[status] > 0).map((status) => (
          <span
            key={status}
            className="status-bar__segment"
            data-status={status}
            style={{ flexGrow: counts[status] }}
            title={`${counts[status]} ${label(status)}`}
          />
        ))}
      </div>
      <ul className="status-bar__counts">
        {ORDER.map((status) => (
          <li key={status} data-status={status} className={counts[status] === 0 ? 'is-zero' : undefined}>
            <StatusIcon status={status} />
            <span className="status-bar__count">{counts[status]}</span> {label(status)}
          </li>
        ))}
      </ul>
    </div>
  );
}
