/**
 * The commitments side of the meeting, computed here from the objective's live ledger: the
 * follow-up (what was open when the meeting started, with this meeting's reviews) and what this
 * meeting made. A review or a capture by anyone shows up for everyone as the ledger changes.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { followUp, madeInMeeting } from '../../../../shared/followUp.ts';
import type { MeetingLiveState } from '../../../../shared/meetingLive.ts';
import type { Agency, GoalSummary } from '../../../../shared/performance.ts';
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
  live: MeetingLiveState;
  canRun: boolean;
  agencies: Agency[];
  goals: GoalSummary[];
}

export function LedgerPanels({ meetingId, objectiveId, live, canRun, agencies, goals }: LedgerPanelsProps) {
  const { t } = useTranslation('room');
  const { handle, ledger, history } = useLedger(objectiveId);
  // A draft's follow-up is "open now"; once started it is what was open at the start, with the due
  // dates it had then (a review's new date does not make an overdue commitment look on time).
  const entries = useMemo(
    () => followUp(ledger, { id: meetingId, startedAt: live.startedAt }, Date.now(), history),
    [ledger, history, meetingId, live.startedAt],
  );
  const made = useMemo(() => madeInMeeting(ledger, meetingId), [ledger, meetingId]);
  const names = useMemo((): CommitmentNames => {
    const agencyNames = new Map(agencies.map((agency) => [agency.id, agency.name]));
    const goalTitles = new Map(goals.map((goal) => [goal.id, goal.title]));
    return { agency: (id) => agencyNames.get(id) ?? id, goal: (id) => goalTitles.get(id) ?? null };
  }, [agencies, goals]);

  if (handle.error && handle.error.code !== 'forbidden')
    return (
      <p className="card room__note" role="alert">
        {t('ledger.unavailable')} {errorText(handle.error)}
      </p>
    );
  if (handle.lastSyncedAt === null)
    return (
      <p className="card room__note" aria-busy="true">
        {t('ledger.loading')}
      </p>
    );
  return (
    <>
      <FollowUpPanel
        meetingId={meetingId}
        entries={entries}
        phase={live.phase}
        canReview={canRun}
        names={names}
      />
      <MadeInMeeting commitments={made} names={names} />
    </>
  );
}
