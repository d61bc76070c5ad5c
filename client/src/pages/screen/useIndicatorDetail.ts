/** An indicator's definition, plan and goal for the screen, with this browser's last copy. */
import type { IndicatorDetail } from '../../../../shared/performance.ts';
import { performanceApi } from '../../api/performance.ts';
import { type Known, useLastKnown } from './useLastKnown.ts';

export function useIndicatorDetail(indicatorId: string | null): Known<IndicatorDetail> {
  return useLastKnown(indicatorId ? `indicator:${indicatorId}` : null, () =>
    performanceApi.indicator(indicatorId ?? ''),
  );
}
