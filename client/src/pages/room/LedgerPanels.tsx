/**
 * The commitments side of the meeting, computed here from the objective's live ledger: the
 * follow-up (what was open when the meeting started, with this meeting's reviews) and what this
 * meeting made. A review or a capture by anyone shows up for everyone as the ledger changes.
 *
 * The server's answer for the same two lists is drawn first, and the ledger is opened only once it
 * is on screen: building the ledger's document in the browser (700 KB for a busy objective) held
 * the follow-up back by about a third of a second on a 2-core machine (docs/architecture.md).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { followUp, madeInMeeting } from '../../../../shared/followUp.ts';
import type { MeetingLiveState, MeetingPhase } from '../../../../shared/meetingLive.ts';
import type { Agency, GoalSummary } from '../../../../shared/performance.ts';
import { type MeetingCommitments, meetingCommitmentsResource } from '../../api/meetings.ts';
import { useResource } from '../../api/useResource.ts';
import { useAfterPaint } from '../../components/useAfterPaint.ts';
import { errorText } from '../../i18n/errorText.ts';
import { useLedger } from '../../yjs/useLedger.ts';
import { FollowUpPanel } from './FollowUpPanel.tsx';
import { MadeInMeeting } from './MadeInMeeting.tsx';

export interface CommitmentNames {
  agency(id: string): string;
  goal(id: string): string | null;
}

interface LedgerPanelsProps {
  meetingId: string;
  objectiveId: string;
  /** Null until the live state has synced: the follow-up is then the server's answer. */
  live: MeetingLiveState | null;
  /** The live state's phase, or the meeting's own from the API before it has synced. */
  phase: MeetingPhase;
  canRun: boolean;
  agencies: Agency[];
  goals: GoalSummary[];
}

export function LedgerPanels(props: LedgerPanelsProps) {
  const fromServer = useResource(...meetingCommitmentsResource(props.meetingId));
  const ledgerOpen = useAfterPaint(fromServer.state !== 'loading');
  const early = fromServer.state === 'ready' ? fromServer.data : null;
  if (ledgerOpen) return <LiveLedgerPanels {...props} early={early} />;
  return <CommitmentLists {...props} lists={early} />;
}

/** The two lists, or the loading note while there is nothing true to show yet. */
function CommitmentLists({
  meetingId,
  phase,
  canRun,
  agencies,
  goals,
  lists,
}: LedgerPanelsProps & { lists: MeetingCommitments | null }) {
  const { t } = useTranslation('room');
  const names = useCommitmentNames(agencies, goals);
  if (!lists)
    return (
      <p className="card room__note" aria-busy="true">
        {t('ledger.loading')}
      </p>
    );
  return (
    <>
      <FollowUpPanel
        meetingId={meetingId}
        entries={lists.followUp}
        phase={phase}
        canReview={canRun}
        names={names}
      />
      <MadeInMeeting commitments={lists.made} names={names} />
    </>
  );
}

function useCommitmentNames(agencies: Agency[], goals: GoalSummary[]): CommitmentNames {
  return useMemo((): CommitmentNames => {
    const agencyNames = new Map(agencies.map((agency) => [agency.id, agency.name]));
    const goalTitles = new Map(goals.map((goal) => [goal.id, goal.title]));
    return { agency: (id) => agencyNames.get(id) ?? id, goal: (id) => goalTitles.get(id) ?? null };
  }, [agencies, goals]);
}

/** From the live ledger; the server's answer stays on screen until the ledger has synced. */
function LiveLedgerPanels({ early, ...props }: LedgerPanelsProps & { early: MeetingCommitments | null }) {
  const { meetingId, objectiveId, live } = props;
  const { t } = useTranslation('room');
  const { handle, ledger, history } = useLedger(objectiveId);
  // A draft's follow-up is "open now"; once started it is what was open at the start, with the due
  // dates it had then (a review's new date does not make an overdue commitment look on time).
  const entries = useMemo(
    () => followUp(ledger, { id: meetingId, startedAt: live?.startedAt ?? null }, Date.now(), history),
    [ledger, history, meetingId, live?.startedAt],
  );
  const made = useMemo(() => madeInMeeting(ledger, meetingId), [ledger, meetingId]);

  if (handle.error && handle.error.code !== 'forbidden')
    return (
      <p className="card room__note" role="alert">
        {t('ledger.unavailable')} {errorText(handle.error)}
      </p>
    );
  // What was open at the start needs the start time: both documents must have synced.
  const synced = handle.lastSyncedAt !== null && live !== null;
  return <CommitmentLists {...props} lists={synced ? { followUp: entries, made } : early} />;
}
