/**
 * The console's middle and right columns: the current item (timer, overrun budget, big screen) and
 * what this meeting made; the cue card and the follow-up. The objective's ledger is read once here
 * for all of them.
 */
import { type MutableRefObject, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followUp, madeInMeeting } from '../../../../shared/followUp.ts';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import { type MeetingLiveState, MeetingPhase } from '../../../../shared/meetingLive.ts';
import type { PinnedSeries } from '../../../../shared/pinnedData.ts';
import type { ScreenState } from '../../../../shared/screenControl.ts';
import type { Meeting } from '../../api/meetings.ts';
import { agendaItemTitle, agendaKindLabel } from '../../i18n/agendaText.ts';
import { useLedger } from '../../yjs/useLedger.ts';
import { type PrepCatalog, presenterLabel, resolvePresenter } from '../meetings/prepCatalog.ts';
import { ItemTimer } from '../room/ItemTimer.tsx';
import type { CommitmentNames } from '../room/LedgerPanels.tsx';
import { MadeInMeeting } from '../room/MadeInMeeting.tsx';
import { formatClockTime, minutesText } from '../room/roomFormat.ts';
import { useNow } from '../room/useNow.ts';
import { BudgetLine } from './BudgetLine.tsx';
import { CaptureDialog } from './CaptureDialog.tsx';
import { CuePanel } from './CuePanel.tsx';
import { type ReviewKeyHandler, ReviewList } from './ReviewList.tsx';
import { ScreenPanel } from './ScreenPanel.tsx';
import { type ConsoleActions, EXTEND_MINUTES } from './useConsoleActions.ts';

export interface ConsoleBodyProps {
  meeting: Meeting;
  items: AgendaItem[];
  current: AgendaItem | null;
  live: MeetingLiveState;
  pinned: Record<string, PinnedSeries>;
  screen: ScreenState;
  onScreen: string | null;
  catalog: PrepCatalog;
  actions: ConsoleActions;
  canRun: boolean;
  presentAnalysts: Array<{ id: string; name: string }>;
  reviewKeys: MutableRefObject<ReviewKeyHandler | null>;
  captureOpen: boolean;
  onCaptureClose(): void;
}

export function ConsoleBody(props: ConsoleBodyProps) {
  const { t } = useTranslation('console');
  const { meeting } = props;
  if (!meeting.objectiveId)
    return (
      <>
        <section className="console__main" aria-label={t('body.currentItem')}>
          <CurrentBlock {...props} saved={null} madeCount={null} />
        </section>
        <aside className="console__side">
          <p className="card console-panel muted">{t('body.noObjective')}</p>
        </aside>
      </>
    );
  return <WithLedger {...props} objectiveId={meeting.objectiveId} />;
}

function WithLedger(props: ConsoleBodyProps & { objectiveId: string }) {
  const { t } = useTranslation('console');
  const { meeting, live, catalog, objectiveId, current, canRun, pinned } = props;
  const { handle, ledger, history } = useLedger(objectiveId);
  const [saved, setSaved] = useState<string | null>(null);
  const entries = useMemo(
    () => followUp(ledger, { id: meeting.id, startedAt: live.startedAt }, Date.now(), history),
    [ledger, history, meeting.id, live.startedAt],
  );
  const made = useMemo(() => madeInMeeting(ledger, meeting.id), [ledger, meeting.id]);
  const goals = useMemo(
    () =>
      catalog.objective.state === 'ready'
        ? catalog.objective.detail.agencies.flatMap(({ goals }) => goals)
        : [],
    [catalog.objective],
  );
  const names = useMemo((): CommitmentNames => {
    const agencyNames = new Map(catalog.agencies.map((agency) => [agency.id, agency.name]));
    const goalTitles = new Map(goals.map((goal) => [goal.id, goal.title]));
    return { agency: (id) => agencyNames.get(id) ?? id, goal: (id) => goalTitles.get(id) ?? null };
  }, [catalog.agencies, goals]);
  const presenter = current ? resolvePresenter(current.presenterAgency, catalog.agencies) : null;
  const ledgerReady = handle.lastSyncedAt !== null;

  return (
    <>
      <section className="console__main" aria-label={t('body.currentItem')}>
        <CurrentBlock {...props} saved={saved} madeCount={made.length} />
        {live.phase !== MeetingPhase.draft && <MadeInMeeting commitments={made} names={names} />}
      </section>
      <aside className="console__side" aria-label={t('body.side')}>
        {live.phase === MeetingPhase.live && (
          <CuePanel
            agency={presenter?.kind === 'agency' ? presenter.agency : null}
            goals={goals}
            commitments={ledger.commitments}
            followUp={entries}
            pinned={pinned}
          />
        )}
        {ledgerReady ? (
          <ReviewList
            meetingId={meeting.id}
            entries={entries}
            phase={live.phase}
            canReview={canRun}
            names={names}
            keys={props.reviewKeys}
          />
        ) : (
          <p className="card console-panel muted" aria-busy="true">
            {t('body.loadingLedger')}
          </p>
        )}
      </aside>
      {current && live.phase === MeetingPhase.live && canRun && (
        <CaptureDialog
          open={props.captureOpen}
          meetingId={meeting.id}
          objectiveId={objectiveId}
          item={current}
          onScreen={props.onScreen}
          goals={goals}
          agencies={catalog.agencies}
          onClose={(text) => {
            if (text !== null) setSaved(text);
            props.onCaptureClose();
          }}
        />
      )}
    </>
  );
}

function CurrentBlock({
  items,
  current,
  live,
  screen,
  onScreen,
  catalog,
  actions,
  canRun,
  presentAnalysts,
  saved,
  madeCount,
}: ConsoleBodyProps & { saved: string | null; madeCount: number | null }) {
  const { t } = useTranslation(['console', 'screen']);
  const plannedMinutes = items.reduce((sum, item) => sum + item.timeboxMinutes, 0);
  if (live.phase === MeetingPhase.closed) {
    const ranMinutes =
      live.startedAt !== null && live.closedAt !== null
        ? Math.round((live.closedAt - live.startedAt) / 60_000)
        : null;
    const taken = items.filter((item) => live.timings[item.id] !== undefined).length;
    return (
      <div className="card console-current">
        <p className="console-current__note">
          {t('body.closed', { time: formatClockTime(live.closedAt ?? Date.now()) })}
        </p>
        <p className="console-current__summary" data-testid="console-closed-summary">
          {[
            ranMinutes !== null ? t('body.ran', { minutes: ranMinutes, planned: plannedMinutes }) : null,
            t('body.taken', { taken, total: items.length }),
            madeCount !== null ? t('body.madeCount', { count: madeCount }) : null,
          ]
            .filter((part) => part !== null)
            .join(' · ')}
        </p>
        <p className="muted">{t('body.closedNote')}</p>
      </div>
    );
  }
  if (live.phase === MeetingPhase.draft) {
    const first = items[0];
    return (
      <div className="card console-current">
        <p className="console-current__note">{t('body.notStarted')}</p>
        <p className="muted">
          {first ? (
            <>
              {t('body.opensWith')} <strong>{agendaItemTitle(first.title)}</strong>
            </>
          ) : (
            t('body.emptyAgenda')
          )}
        </p>
        {first && <PlannedEnd minutes={plannedMinutes} />}
        {canRun && (
          <p className="console-current__keys">
            {t('body.onceStarted')}{' '}
            {[
              ['→', t('body.keyList.next')],
              ['Space', t('body.keyList.pause')],
              ['E', `+${minutesText(EXTEND_MINUTES)}`],
              ['C', t('body.keyList.capture')],
              ['?', t('body.keyList.all')],
            ].map(([key, what]) => (
              <span key={key} className="console-current__key">
                <kbd className="kbd">{key}</kbd> {what}
              </span>
            ))}
          </p>
        )}
      </div>
    );
  }
  if (!current)
    return (
      <div className="card console-current">
        <p className="console-current__note">{t('body.noCurrent')}</p>
      </div>
    );
  const presenter = presenterLabel(current.presenterAgency, catalog.agencies);
  return (
    <>
      <article
        className="card console-current"
        aria-labelledby="console-current-title"
        data-testid="console-current"
      >
        <div className="console-current__head">
          <div className="console-current__heading">
            <p className="console__eyebrow">
              {t('body.position', { index: items.indexOf(current) + 1, total: items.length })} ·{' '}
              {agendaKindLabel(current.kind)}
            </p>
            <h2
              className="console-current__title"
              id="console-current-title"
              data-testid="console-current-title"
            >
              {agendaItemTitle(current.title)}
            </h2>
            <p className="console-current__presenter">
              {presenter ? (
                <>
                  {t('body.presenter')} <strong>{presenter}</strong>
                </>
              ) : (
                <span className="muted">{t('body.noPresenter')}</span>
              )}
            </p>
          </div>
          <ItemTimer timing={live.timings[current.id]} timeboxMinutes={current.timeboxMinutes} />
        </div>
        <BudgetLine items={items} live={live} />
        {saved && (
          <p className="console-current__saved" aria-live="polite" data-testid="console-saved">
            {t('body.saved', { text: saved })}
          </p>
        )}
      </article>
      <ScreenPanel
        item={current}
        screen={screen}
        onScreen={onScreen}
        indicators={catalog.objective.state === 'ready' ? catalog.objective.indicators : null}
        presentAnalysts={presentAnalysts}
        actions={actions}
        canRun={canRun}
      />
    </>
  );
}

/** Before the start: when the agenda would end if the meeting started now (re-read every 15 s). */
function PlannedEnd({ minutes }: { minutes: number }) {
  const { t } = useTranslation('console');
  const now = useNow(true, 15_000);
  return (
    <p className="muted">{t('body.planned', { minutes, time: formatClockTime(now + minutes * 60_000) })}</p>
  );
}
