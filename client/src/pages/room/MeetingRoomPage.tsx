/**
 * `/meetings/:id`: the meeting as it runs. An analyst at a laptop starts it, moves through the
 * agenda, runs the item timer, reviews the open commitments and captures new ones; anyone else sees
 * the same page read-only, live. Three live documents are read here and never copied: the agenda
 * (`meeting:<id>`), the live state (`meetingLive:<id>`, written only by the meeting commands) and
 * the objective's ledger (`ledger:<objectiveId>`, written only by the ledger commands).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { mayRunCommand } from '../../../../shared/commandRoles.ts';
import { MeetingCommand } from '../../../../shared/meetingCommands.ts';
import { MeetingPhase } from '../../../../shared/meetingLive.ts';
import type { GoalSummary } from '../../../../shared/performance.ts';
import type { Meeting } from '../../api/meetings.ts';
import { errorText } from '../../i18n/errorText.ts';
import { useStore } from '../../store/index.ts';
import { usePresence } from '../../yjs/presence.ts';
import { type PrepCatalog, usePrepCatalog } from '../meetings/prepCatalog.ts';
import { AgendaRail } from './AgendaRail.tsx';
import { CaptureForm } from './CaptureForm.tsx';
import { CurrentItemPanel } from './CurrentItemPanel.tsx';
import { LedgerPanels } from './LedgerPanels.tsx';
import { PresenterControls } from './PresenterControls.tsx';
import { RoomHeader } from './RoomHeader.tsx';
import '../meetings/meetings.css';
import './room.css';
import './presenter.css';
import { WithMeeting } from '../meetings/WithMeeting.tsx';
import { useLiveMeeting } from './useLiveMeeting.ts';

const NO_GOALS: GoalSummary[] = [];

export function MeetingRoomPage() {
  return <WithMeeting>{(meeting) => <MeetingRoom key={meeting.id} meeting={meeting} />}</WithMeeting>;
}

function MeetingRoom({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('room');
  const principal = useStore((state) => state.principal);
  const { agendaHandle, liveHandle, items, live, pinned, screen } = useLiveMeeting(meeting);
  const catalog = usePrepCatalog(meeting.objectiveId);
  // Present on the meeting: the chair's console lists who it can hand the big screen to.
  usePresence(agendaHandle.awareness, principal, live.currentItemId);

  // The page shows what the role allows; the server checks every command anyway.
  const canRun = principal !== null && mayRunCommand(principal.role, MeetingCommand.goTo);
  const current = items.find((item) => item.id === live.currentItemId) ?? null;
  const indicatorName = (indicatorId: string) =>
    (catalog.objective.state === 'ready' && catalog.objective.indicators.get(indicatorId)?.indicator.name) ||
    indicatorId;
  const detail = catalog.objective.state === 'ready' ? catalog.objective.detail : null;
  // The same array from render to render, so the commitment lists are not redrawn with the page.
  const goals = useMemo(() => detail?.agencies.flatMap(({ goals }) => goals) ?? null, [detail]);
  // Until the live state has synced, what the page knows of it is the meeting's phase from the API.
  const syncedLive = liveHandle.lastSyncedAt === null ? null : live;
  const phase = syncedLive?.phase ?? meeting.phase;
  const firstLoad = agendaHandle.lastSyncedAt === null || syncedLive === null;
  const error = liveHandle.error ?? agendaHandle.error;

  return (
    <div className="room" data-phase={phase}>
      <RoomHeader meeting={meeting} live={syncedLive} items={items} current={current} canRun={canRun} />
      {error && error.code !== 'forbidden' && (
        <div className="banner banner--danger room__banner" role="alert">
          <strong>{t('page.unavailable')}</strong> {errorText(error)}
        </div>
      )}
      <div className="room__grid">
        {firstLoad ? (
          // The commitments beside it come from the server's answer and do not wait for the sync.
          <div className="card room__loading room__pending" aria-busy="true">
            {t('page.loading')}
          </div>
        ) : (
          <>
            <AgendaRail meetingId={meeting.id} items={items} live={live} canRun={canRun} />
            <section className="room__main" aria-label={t('page.currentItem')}>
              {live.phase === MeetingPhase.live && current && (
                <PresenterControls
                  key={current.id}
                  meetingId={meeting.id}
                  item={current}
                  screen={screen}
                  principal={principal}
                  canRun={canRun}
                  indicatorName={indicatorName}
                />
              )}
              <div className="room__scroll">
                <CurrentItemPanel
                  item={current}
                  items={items}
                  live={live}
                  catalog={catalog}
                  pinned={pinned}
                  screen={screen}
                />
              </div>
              {live.phase === MeetingPhase.live && canRun && current && meeting.objectiveId && (
                <div className="room__capture">
                  {goals ? (
                    <CaptureForm
                      meetingId={meeting.id}
                      objectiveId={meeting.objectiveId}
                      item={current}
                      goals={goals}
                      agencies={catalog.agencies}
                    />
                  ) : (
                    <GoalsMissing catalog={catalog} />
                  )}
                </div>
              )}
            </section>
          </>
        )}
        <aside className="room__side" aria-label={t('page.commitments')}>
          {meeting.objectiveId ? (
            <LedgerPanels
              meetingId={meeting.id}
              objectiveId={meeting.objectiveId}
              live={syncedLive}
              phase={phase}
              canRun={canRun}
              agencies={catalog.agencies}
              goals={goals ?? NO_GOALS}
            />
          ) : (
            <p className="card room__note">{t('page.noObjective')}</p>
          )}
        </aside>
      </div>
    </div>
  );
}

/** Commitments are captured against a goal: without the objective's goals there is no form. */
function GoalsMissing({ catalog }: { catalog: PrepCatalog }) {
  const { t } = useTranslation(['room', 'common']);
  const { objective } = catalog;
  if (objective.state !== 'error')
    return (
      <p className="card room__note" aria-busy="true">
        {t('page.goalsLoading')}
      </p>
    );
  return (
    <p className="card room__note" role="alert">
      {t('page.goalsFailed')} {errorText(objective.error)}{' '}
      <button type="button" className="button button--small" onClick={objective.retry}>
        {t('common:retry')}
      </button>
    </p>
  );
}
