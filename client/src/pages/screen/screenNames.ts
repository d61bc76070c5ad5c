/**
 * The names the screen shows beside the live documents' ids (agencies, goals, the objective) and
 * the date of the objective's last meeting, each from the API with this browser's last copy.
 */
import { useMemo } from 'react';
import type { ObjectiveDetail } from '../../../../shared/performance.ts';
import { listMeetings, listPresenterAgencies, type Meeting } from '../../api/meetings.ts';
import { performanceApi } from '../../api/performance.ts';
import { presenterLabel, resolvePresenter } from '../meetings/prepCatalog.ts';
import { useLastKnown } from './useLastKnown.ts';

export interface ScreenNames {
  objective: ObjectiveDetail | null;
  agency(idOrText: string): string;
  /** The agency an item's presenter names (by id, or by code or name in older items). */
  agencyId(idOrText: string): string | null;
  goal(id: string): string | null;
  /** The day the objective's previous held meeting was scheduled, if any. */
  lastMeetingDate: string | null;
}

export function useScreenNames(meeting: Meeting): ScreenNames {
  const agencies = useLastKnown('agencies', listPresenterAgencies);
  const objective = useLastKnown(meeting.objectiveId ? `objective:${meeting.objectiveId}` : null, () =>
    performanceApi.objective(meeting.objectiveId ?? ''),
  );
  const meetings = useLastKnown(meeting.objectiveId ? 'meetings' : null, listMeetings);
  return useMemo((): ScreenNames => {
    const agencyList = agencies.state === 'ready' ? agencies.data : [];
    const detail = objective.state === 'ready' ? objective.data : null;
    const goals = new Map(
      detail?.agencies.flatMap(({ goals }) => goals.map((goal) => [goal.id, goal.title])),
    );
    const earlier = (meetings.state === 'ready' ? meetings.data : [])
      .filter(
        (other) =>
          other.objectiveId === meeting.objectiveId &&
          other.id !== meeting.id &&
          other.phase !== 'draft' &&
          other.scheduledFor < meeting.scheduledFor,
      )
      .map((other) => other.scheduledFor)
      .sort();
    return {
      objective: detail,
      agency: (value) => presenterLabel(value, agencyList) || value,
      agencyId: (value) => {
        const presenter = resolvePresenter(value, agencyList);
        return presenter.kind === 'agency' ? presenter.agency.id : null;
      },
      goal: (id) => goals.get(id) ?? null,
      lastMeetingDate: earlier[earlier.length - 1] ?? null,
    };
  }, [agencies, objective, meetings, meeting]);
}
