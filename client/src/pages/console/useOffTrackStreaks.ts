/**
 * Off-track runs of one agency's indicators, for the cue card: each indicator's definition and
 * points come from its page's API (the plan needs the trajectory and thresholds the objective
 * summary leaves out); while the meeting is live, the values pinned at its start are used instead,
 * so the card and the big screen speak of the same numbers.
 */
import { useMemo } from 'react';
import type { GoalSummary, IndicatorDetail } from '../../../../shared/performance.ts';
import type { PinnedSeries } from '../../../../shared/pinnedData.ts';
import { performanceApi } from '../../api/performance.ts';
import { useResource } from '../../api/useResource.ts';
import { errorText } from '../../i18n/errorText.ts';
import { offTrackStreak } from './cueCard.ts';

export type Streaks =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; byIndicator: Map<string, number> };

export function useOffTrackStreaks(
  agencyId: string | null,
  goals: readonly GoalSummary[],
  pinned: Record<string, PinnedSeries>,
): Streaks {
  const ids = useMemo(
    () => goals.flatMap((goal) => goal.indicators.map((indicator) => indicator.id)),
    [goals],
  );
  const details = useResource(`console-streaks:${agencyId ?? ''}:${ids.join(',')}`, () =>
    Promise.all(ids.map((id) => performanceApi.indicator(id))),
  );
  const data: IndicatorDetail[] | undefined = details.data;
  const byIndicator = useMemo(() => {
    const streaks = new Map<string, number>();
    for (const detail of data ?? []) {
      const points = pinned[detail.indicator.id]?.points ?? detail.points;
      streaks.set(detail.indicator.id, offTrackStreak(detail.indicator, points));
    }
    return streaks;
  }, [data, pinned]);
  if (details.state === 'error') return { state: 'error', message: errorText(details.error) };
  if (details.state === 'loading') return { state: 'loading' };
  return { state: 'ready', byIndicator };
}
