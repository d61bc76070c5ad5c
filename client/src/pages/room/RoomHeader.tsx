/** The meeting's title, date, phase and connection, and the controls the phase allows. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import type { MeetingLiveState } from '../../../../shared/meetingLive.ts';
import type { Meeting } from '../../api/meetings.ts';
import { ConnectionBadge } from '../../components/ConnectionBadge.tsx';
import { formatMeetingDate } from '../meetings/meetingDates.ts';
import { MeetingControls } from './MeetingControls.tsx';

interface RoomHeaderProps {
  meeting: Meeting;
  /** Null until the live state has synced: the phase is then the meeting's own, and no control shows. */
  live: MeetingLiveState | null;
  items: AgendaItem[];
  current: AgendaItem | null;
  canRun: boolean;
}

export function RoomHeader({ meeting, live, items, current, canRun }: RoomHeaderProps) {
  const { t } = useTranslation(['room', 'common']);
  const phase = live?.phase ?? meeting.phase;
  return (
    <header className="room__header">
      <div className="room__heading">
        <nav aria-label={t('header.breadcrumb')} className="crumbs">
          <Link to="/meetings">{t('common:nav.meetings')}</Link>
          <span aria-hidden="true">/</span>
          <Link to={`/meetings/${encodeURIComponent(meeting.id)}/prep`}>{t('header.prep')}</Link>
          <span aria-hidden="true">/</span>
          <span aria-current="page">{t('header.here')}</span>
        </nav>
        <div className="room__title-row">
          <h1 className="room__title">{meeting.title}</h1>
          <span className={`phase-badge phase-badge--${phase}`} data-testid="phase-badge">
            {t(`header.phase.${phase}`)}
          </span>
          {/* The top bar's badge already announces changes to screen readers; this one is for the eye. */}
          <span className="room__conn" aria-hidden="true">
            <ConnectionBadge />
          </span>
        </div>
        <p className="room__date">
          <time dateTime={meeting.scheduledFor}>{formatMeetingDate(meeting.scheduledFor)}</time>
        </p>
      </div>
      {live && (
        <MeetingControls meeting={meeting} live={live} items={items} current={current} canRun={canRun} />
      )}
    </header>
  );
}
