import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '../../api/meetings.ts';
import { useStore } from '../../store/index.ts';
import { formatMeetingDate, relativeMeetingDay } from './meetingDates.ts';

export function MeetingTable({ meetings, emptyText }: { meetings: Meeting[]; emptyText?: string }) {
  const { t } = useTranslation('meetings');
  // Preparing an agenda is an analyst's job; a viewer only opens the meeting.
  const canPrepare = useStore((state) => state.principal?.role === 'analyst');
  if (meetings.length === 0) {
    return <p className="muted empty-inline">{emptyText ?? t('table.empty')}</p>;
  }
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col" className="table__date">
            {t('table.date')}
          </th>
          <th scope="col">{t('table.meeting')}</th>
          <th scope="col" className="table__action">
            <span className="visually-hidden">{t('table.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((meeting) => (
          <tr key={meeting.id}>
            <MeetingCells meeting={meeting} />
            <td className="table__action">
              {canPrepare && (
                <>
                  <Link
                    className="button button--small"
                    to={`/meetings/${meeting.id}/prep`}
                    tabIndex={-1}
                    aria-hidden="true"
                  >
                    {t('table.prepare')}
                  </Link>{' '}
                </>
              )}
              <Link
                className="button button--small button--primary"
                to={`/meetings/${meeting.id}`}
                aria-label={t('table.openMeetingNamed', { title: meeting.title })}
              >
                {t('table.openMeeting')}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A meeting's date (with how far away it is) and its title linking to its preparation: the first
 * two cells of every table of meetings. */
export function MeetingCells({ meeting }: { meeting: Pick<Meeting, 'id' | 'title' | 'scheduledFor'> }) {
  // The dates read in the current language: this re-renders when it changes.
  useTranslation('meetings');
  return (
    <>
      <td className="table__date">
        <time dateTime={meeting.scheduledFor}>{formatMeetingDate(meeting.scheduledFor)}</time>
        <span className="table__sub">{relativeMeetingDay(meeting.scheduledFor)}</span>
      </td>
      <td>
        <Link className="table__link" to={`/meetings/${meeting.id}/prep`}>
          {meeting.title}
        </Link>
      </td>
    </>
  );
}
