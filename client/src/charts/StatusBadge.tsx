/**
 * A status shown as colour, icon and words together, so it reads for colour-blind people, in
 * greyscale print-outs and on washed-out projectors. Used for the status computed from the data
 * and for the owner's own rating.
 */
import { useTranslation } from 'react-i18next';
import type { Status } from '../../../shared/performance.ts';
import { STATUS_KEYS } from './statusText.ts';
import './charts.css';

export function StatusIcon({ status }: { status: Status }) {
  // Distinct shapes, not just colours: circle-check, triangle, octagon-cross, dash.
  return (
    <svg className="status-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {status === 'on_track' && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M4.6 8.3l2.2 2.2 4.6-4.8" fill="none" stroke="#fff" strokeWidth="1.8" />
        </>
      )}
      {status === 'at_risk' && (
        <>
          <path d="M8 1.2l7 13H1z" fill="currentColor" />
          <path d="M8 5.6v4.2M8 11.4v1.4" stroke="#fff" strokeWidth="1.6" />
        </>
      )}
      {status === 'off_track' && (
        <>
          <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
          <path d="M5.4 5.4l5.2 5.2M10.6 5.4l-5.2 5.2" stroke="#fff" strokeWidth="1.8" />
        </>
      )}
      {status === 'no_data' && (
        <>
          <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M5 8h6" stroke="currentColor" strokeWidth="1.8" />
        </>
      )}
    </svg>
  );
}

export interface StatusBadgeProps {
  status: Status;
  /** Words before the status, e.g. "Data" or "Owner", when both kinds are shown side by side. */
  prefix?: string;
  size?: 'small' | 'medium' | 'large';
}

export function StatusBadge({ status, prefix, size = 'medium' }: StatusBadgeProps) {
  const { t } = useTranslation('charts');
  return (
    <span className={`status-badge status-badge--${size}`} data-status={status}>
      <StatusIcon status={status} />
      <span>
        {prefix && <span className="status-badge__prefix">{prefix}: </span>}
        {t(STATUS_KEYS[status])}
      </span>
    </span>
  );
}
