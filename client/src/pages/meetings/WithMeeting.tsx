/**
 * The meeting named in the URL, for the pages about one meeting (prep, room, console): loading and
 * errors shown the same way on each, the page drawn once the meeting has arrived.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type Meeting, meetingResource } from '../../api/meetings.ts';
import { useResource } from '../../api/useResource.ts';
import { NotReady } from '../../components/PageStates.tsx';

export function WithMeeting({ children }: { children: (meeting: Meeting) => ReactNode }) {
  const meeting = useResource(...meetingResource(useParams().id ?? ''));
  const { t } = useTranslation('meetings');
  if (meeting.state !== 'ready')
    return (
      <div className="page">
        <NotReady resource={meeting} what={t('what.meeting')} />
      </div>
    );
  return children(meeting.data);
}
