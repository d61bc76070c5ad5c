import { z } from 'zod';
import { DEFAULT_THRESHOLDS, Direction, Frequency } from '../../../../shared/performance.ts';
import { isValidPeriod, PERIOD_FORMAT_HINT } from '../../../../shared/periods.ts';
import { entityId, finiteNumber, isoDate, name, pathId } from '../../../performance/inputs.ts';

export { asOfQuery, idParams } from '../../../performance/inputs.ts';

export const pointParams = z.object({ id: pathId, period: z.string().min(1).max(16) });

const thresholds = z
  .object({
    atRisk: z.number().min(0).max(10),
    offTrack: z.number().min(0).max(10),
  })
  .refine((value) => value.atRisk <= value.offTrack, {
    message: 'must be at least atRisk',
    path: ['offTrack'],
  });

export const createIndicatorSchema = z
  .object({
    id: entityId.optional(),
    goalId: pathId,
    name,
    unit: z.string().trim().min(1, 'must not be empty').max(40),
    direction: z.enum(Object.values(Direction)),
    frequency: z.enum(Object.values(Frequency)),
    baselineValue: finiteNumber,
    baselineDate: isoDate,
    targetValue: finiteNumber,
    targetDate: isoDate,
    trajectory: z
      .array(z.object({ period: z.string(), value: finiteNumber }))
      .max(1_000)
      .default([]),
    thresholds: thresholds.default(DEFAULT_THRESHOLDS),
  })
  .superRefine((input, ctx) => {
    if (input.targetDate <= input.baselineDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['targetDate'],
        message: `must be after the baseline date ${input.baselineDate}`,
      });
    }
    const seen = new Set<string>();
    input.trajectory.forEach((planned, index) => {
      if (!isValidPeriod(planned.period, input.frequency)) {
        ctx.addIssue({
          code: 'custom',
          path: ['trajectory', index, 'period'],
          message: `expected a ${input.frequency} period ${PERIOD_FORMAT_HINT[input.frequency]}`,
        });
      } else if (seen.has(planned.period)) {
        ctx.addIssue({ code: 'custom', path: ['trajectory', index, 'period'], message: 'duplicate period' });
      }
      seen.add(planned.period);
    });
  });
export type CreateIndicator = z.infer<typeof createIndicatorSchema>;

export const putPointSchema = z.object({
  value: finiteNumber,
  note: z.string().trim().max(2_000).nullish(),
});
export type PutPoint = z.infer<typeof putPointSchema>;
