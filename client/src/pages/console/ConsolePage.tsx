/**
 * `/meetings/:id/room`: the chair's console, the whole window on a laptop or tablet. The agenda
 * with time used against each box, the current item with its timer and the overrun budget, who
 * drives the big screen and what it shows, the follow-up to review, commitment capture, and a
 * private cue card about the presenter agency. Keyboard first (keys in consoleKeys.ts, shown on
 * every button and on `?`); every action is also a button. Reads the same three live documents as
 * the meeting page and never copies them.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { mayRunCommand } from '../../../../shared/commandRoles.ts';
import { ledgerDocName } from '../../../../shared/docNames.ts';
import { MeetingCommand } from '../../../../shared/meetingCommands.ts';
import { MeetingPhase } from '../../../../shared/meetingLive.ts';
import { shownIndicatorId } from '../../../../shared/screenControl.ts';
import { type Meeting, meetingResource } from '../../api/meetings.ts';
import { preload } from '../../api/resources.ts';
import { errorText } from '../../i18n/errorText.ts';
import { useStore } from '../../store/index.ts';
import { getProvider } from '../../yjs/connection.ts';
import { usePresence } from '../../yjs/presence.ts';
import { useRetainedDoc } from '../../yjs/useYDoc.ts';
import { usePrepCatalog } from '../meetings/prepCatalog.ts';
import { AgendaRail } from '../room/AgendaRail.tsx';
import { ConsoleBar } from './ConsoleBar.tsx';
import { ConsoleBody } from './ConsoleBody.tsx';
import { ConsoleToolbar } from './ConsoleToolbar.tsx';
import { KeyHelp } from './KeyHelp.tsx';
import type { ReviewKey, ReviewKeyHandler } from './ReviewList.tsx';
import { useConsoleActions } from './useConsoleActions.ts';
import { useConsoleKeys } from './useConsoleKeys.ts';
import '../room/room.css';
import './console.css';
import './panels.css';
import { WithMeeting } from '../meetings/WithMeeting.tsx';
import { useLiveMeeting } from '../room/useLiveMeeting.ts';

export function consoleLoader({ params }: LoaderFunctionArgs) {
  // The connection's handshake runs while the meeting is fetched, not after the page mounts.
  getProvider();
  preload(...meetingResource(params.id ?? ''));
  return null;
}

export function ConsolePage() {
  return <WithMeeting>{(meeting) => <Console key={meeting.id} meeting={meeting} />}</WithMeeting>;
}

function Console({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('console');
  const principal = useStore((state) => state.principal);
  const { agendaHandle, liveHandle, items, live, pinned, screen } = useLiveMeeting(meeting);
  const catalog = usePrepCatalog(meeting.objectiveId);
  useRetainedDoc(meeting.objectiveId ? ledgerDocName(meeting.objectiveId) : null);
  const peers = usePresence(agendaHandle.awareness, principal, live.currentItemId);

  const canRun = principal !== null && mayRunCommand(principal.role, MeetingCommand.goTo);
  const current = items.find((item) => item.id === live.currentItemId) ?? null;
  const onScreen = current ? shownIndicatorId(screen, current.indicatorIds) : null;
  const actions = useConsoleActions(meeting.id, live, items, screen, canRun);

  const [captureOpen, setCaptureOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  // The follow-up list owns its selection; the keys reach it through this handle.
  const reviewKeys = useRef<ReviewKeyHandler | null>(null);
  const toReview = (action: ReviewKey) => reviewKeys.current?.(action);
  const canCapture =
    canRun && live.phase === MeetingPhase.live && current !== null && meeting.objectiveId !== null;

  const showIndicator = useCallback(
    (position: number) => {
      const id = current?.indicatorIds[position - 1];
      if (id && screen.driver === null) actions.show(id, screen.since);
    },
    [current, screen, actions],
  );

  useConsoleKeys({
    // An open capture or help is a `<dialog open>`, which the listener checks at the keystroke itself.
    enabled: canRun,
    onHelp: () => setHelpOpen(true),
    onAction: (action) => {
      switch (action) {
        case 'next':
          return actions.next();
        case 'previous':
          return actions.previous();
        case 'toggleTimer':
          return actions.toggleTimer();
        case 'extend':
          return actions.extend();
        case 'capture':
          if (canCapture) setCaptureOpen(true);
          return;
        case 'takeBack':
          return actions.takeBack();
        case 'selectDown':
          return toReview('down');
        case 'selectUp':
          return toReview('up');
        case 'reviewDone':
          return toReview('done');
        case 'reviewNewDate':
          return toReview('keep');
        case 'reviewDrop':
          return toReview('drop');
        case 'help':
          return setHelpOpen(true);
      }
    },
    onIndicator: showIndicator,
  });

  const firstLoad = agendaHandle.lastSyncedAt === null || liveHandle.lastSyncedAt === null;
  const error = liveHandle.error ?? agendaHandle.error;
  const presentAnalysts = useMemo(() => {
    const seen = new Map<string, { id: string; name: string }>();
    for (const { state } of peers) {
      const { id, name, role } = state.user;
      if (id && id !== principal?.id && role === 'analyst' && !seen.has(id)) seen.set(id, { id, name });
    }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [peers, principal]);

  return (
    <div className="console" data-phase={live.phase}>
      <ConsoleBar
        meeting={meeting}
        live={live}
        items={items}
        actions={actions}
        canRun={canRun}
        onHelp={() => setHelpOpen(true)}
      />
      {error && error.code !== 'forbidden' && (
        <div className="banner banner--danger console__banner" role="alert">
          <strong>{t('page.unavailable')}</strong> {errorText(error)}
        </div>
      )}
      {!canRun && (
        <p className="banner banner--info console__banner" data-testid="console-readonly">
          {t('page.readOnly')}
        </p>
      )}
      {canRun && live.phase === MeetingPhase.live && (
        <ConsoleToolbar
          actions={actions}
          live={live}
          items={items}
          canCapture={canCapture}
          onCapture={() => setCaptureOpen(true)}
        />
      )}
      {firstLoad ? (
        <div className="card console__loading" aria-busy="true">
          {t('page.loading')}
        </div>
      ) : (
        <div className="console__grid">
          <AgendaRail meetingId={meeting.id} items={items} live={live} canRun={canRun} />
          <ConsoleBody
            meeting={meeting}
            items={items}
            current={current}
            live={live}
            pinned={pinned}
            screen={screen}
            onScreen={onScreen}
            catalog={catalog}
            actions={actions}
            canRun={canRun}
            presentAnalysts={presentAnalysts}
            reviewKeys={reviewKeys}
            captureOpen={captureOpen}
            onCaptureClose={() => setCaptureOpen(false)}
          />
        </div>
      )}
      <KeyHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
