/**
 * `/meetings/:id/screen`: the meeting on the room's TV or projector. Read-only and full-screen,
 * outside the app's top bar; it follows the live state (before the start the objective and the
 * agenda, then the current item, at the close the summary) and never goes blank: it draws from the
 * documents' local copies before, or without, a sync with the server, keeps the last state with a
 * small "reconnecting" mark while the network is down, and starts again offline after a reload
 * (its service worker, registerScreenWorker.ts).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MeetingPhase } from '../../../../shared/meetingLive.ts';
import type { Meeting } from '../../api/meetings.ts';
import { useResource } from '../../api/useResource.ts';
import { errorText } from '../../i18n/errorText.ts';
import { ClosedView } from './ClosedView.tsx';
import { DraftView } from './DraftView.tsx';
import { ItemView } from './ItemView.tsx';
import { registerScreenWorker } from './registerScreenWorker.ts';
import { ScreenBar } from './ScreenBar.tsx';
import { type ScreenLedger, useScreenLedger } from './screenLedger.ts';
import { screenMeetingResource } from './screenLoader.ts';
import { useScreenNames } from './screenNames.ts';
import './screen.css';
import './screen-data.css';
import { useLiveMeeting } from '../room/useLiveMeeting.ts';

export function BigScreenPage() {
  const meeting = useResource(...screenMeetingResource(useParams().id ?? ''));
  // The screen's scale and its hidden scrollbars apply to the whole document while it is shown.
  useEffect(() => {
    document.documentElement.classList.add('big-screen');
    return () => document.documentElement.classList.remove('big-screen');
  }, []);
  // Full screen, the route's own error page (RouteError) as before: no such meeting, or no copy offline.
  if (meeting.state === 'error') throw meeting.error;
  // What the route shows while its loader runs, until the meeting (usually there already) is read.
  if (meeting.state === 'loading') return <div className="boot" aria-busy="true" />;
  return <BigScreen key={meeting.data.id} meeting={meeting.data} />;
}

function BigScreen({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('screen');
  const { agendaHandle, liveHandle, items, live, pinned, screen } = useLiveMeeting(meeting);
  const names = useScreenNames(meeting);

  // Content, not a finished sync: the local copy draws the last state before the server answers.
  const hasContent =
    items.length > 0 || live.phase !== MeetingPhase.draft || agendaHandle.lastSyncedAt !== null;
  const ledger = useScreenLedger(meeting.objectiveId, hasContent);
  useWorkerOnceIdle(hasContent);
  const error = liveHandle.error ?? agendaHandle.error;
  const current = items.find((item) => item.id === live.currentItemId) ?? null;

  return (
    <div className="screen" data-testid="screen-phase" data-phase={live.phase}>
      <ScreenBar meeting={meeting} objective={names.objective} phase={live.phase} />
      <main className="screen__body">
        {error && !hasContent ? (
          <p className="screen__message" role="alert">
            {t('page.unavailable')} {errorText(error)}
          </p>
        ) : !hasContent ? (
          <p className="screen__message" aria-busy="true">
            {t('page.waiting')}
          </p>
        ) : live.phase === MeetingPhase.draft ? (
          <DraftView meeting={meeting} items={items} names={names} ledger={ledger} />
        ) : live.phase === MeetingPhase.closed ? (
          <ClosedView meeting={meeting} items={items} live={live} names={names} ledger={ledger} />
        ) : current ? (
          <ItemView
            meeting={meeting}
            item={current}
            items={items}
            live={live}
            pinned={pinned}
            screen={screen}
            names={names}
            ledger={ledger}
          />
        ) : (
          <p className="screen__message">{t('page.noCurrent')}</p>
        )}
      </main>
    </div>
  );
}

/**
 * The offline worker is registered once the meeting is on screen and the page is idle: installing
 * it re-fetches the app's files, which on a cold load competed with the first paint.
 */
function useWorkerOnceIdle(hasContent: boolean): void {
  useEffect(() => {
    if (!hasContent) return;
    if (typeof requestIdleCallback !== 'function') {
      void registerScreenWorker();
      return;
    }
    const handle = requestIdleCallback(() => void registerScreenWorker(), { timeout: 2_000 });
    return () => cancelIdleCallback(handle);
  }, [hasContent]);
}

export type { ScreenLedger };
