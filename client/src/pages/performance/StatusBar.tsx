/**
 * Goals by computed status as one stacked bar, with the counts written out beside it (colour is
 * never the only carrier of meaning).
 */
import { STATUS_LABELS, type Status, type StatusCounts } from '../../../../shared/performance.ts';
import { StatusIcon } from '../../charts/StatusBadge.tsx';

const ORDER: Status[] = ['on_track', 'at_risk', 'off_track', 'no_data'];

export function StatusBar({ counts, size = 'medium' }: { counts: StatusCounts; size?: 'medium' | 'large' }) {
  const total = ORDER.reduce((sum, status) => sum + counts[status], 0);
  const description = ORDER.map((status) => `${counts[status]} ${STATUS_LABELS[status].toLowerCase()}`).join(
    ', ',
  );
  return (
    <div className={`status-bar status-bar--${size}`}>
      <div className="status-bar__track" role="img" aria-label={`Goals by status: ${description}`}>
        {total === 0 && (
          <span className="status-bar__segment" data-status="no_data" style={{ flexGrow: 1 }} />
        )}
        {ORDER.filter((status) => counts[status] > 0).map((status) => (
          <span
            key={status}
            className="status-bar__segment"
            data-status={status}
            style={{ flexGrow: counts[status] }}
            title={`${counts[status]} ${STATUS_LABELS[status]}`}
          />
        ))}
      </div>
      <ul className="status-bar__counts">
        {ORDER.map((status) => (
          <li key={status} data-status={status} className={counts[status] === 0 ? 'is-zero' : undefined}>
            <StatusIcon status={status} />
            <span className="status-bar__count">{counts[status]}</span> {STATUS_LABELS[status]}
          </li>
        ))}
      </ul>
    </div>
  );
}
