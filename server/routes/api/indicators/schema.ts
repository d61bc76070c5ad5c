import { z } from 'zod';
import { DEFAULT_THRESHOLDS, Direction, Frequency } from '../../../../shared/performance.ts';
import { isValidPeriod, PERIOD_FORMAT_HINT, periodRangeProblem } from '../../../../shared/periods.ts';
import {
  boundedNumber,
  entityId,
  finiteNumber,
  name,
  pathId,
  storedDate,
} from '../../../performance/inputs.ts';

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
    baselineValue: boundedNumber,
    baselineDate: storedDate,
    targetValue: boundedNumber,
    targetDate: storedDate,
    allowsNegative: z.boolean().default(false),
    trajectory: z
      .array(z.object({ period: z.string(), value: boundedNumber }))
      .max(1_000)
      .default([]),
    thresholds: thresholds.default(DEFAULT_THRESHOLDS),
  })
  .superRefine((input, ctx) => {
    if (!input.allowsNegative) {
      const negative = 'is negative: set allowsNegative for an indicator whose values may be below zero';
      if (input.baselineValue < 0)
        ctx.addIssue({ code: 'custom', path: ['baselineValue'], message: negative });
      if (input.targetValue < 0) ctx.addIssue({ code: 'custom', path: ['targetValue'], message: negative });
      input.trajectory.forEach((planned, index) => {
        if (planned.value < 0) {
          ctx.addIssue({ code: 'custom', path: ['trajectory', index, 'value'], message: negative });
        }
      });
    }
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
      } else if (periodRangeProblem(planned.period, input.frequency)) {
        ctx.addIssue({
          code: 'custom',
          path: ['trajectory', index, 'period'],
          message: periodRangeProblem(planned.period, input.frequency) as string,
        });
      } else if (seen.has(planned.period)) {
        ctx.addIssue({ code: 'custom', path: ['trajectory', index, 'period'], message: 'duplicate period' });
      }
      seen.add(planned.period);
    });
  });
export type CreateIndicator = z.infer<typeof createIndicatorSchema>;

export const putPointSchema = z.object({
  // Range and sign depend on the indicator: checked by `putDataPoint`, with messages that say so.
  value: finiteNumber,
  note: z.string().trim().max(2_000).nullish(),
  /** Takes a value far outside the series so far (else refused with `needs_confirmation`). */
  confirm: z.boolean().optional(),
});
export type PutPoint = z.infer<typeof putPointSchema>;
