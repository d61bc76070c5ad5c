import { z } from 'zod';
import { type Problem, reasonIssue } from '../../../../shared/errorReasons.ts';
import { DEFAULT_THRESHOLDS, Direction, Frequency } from '../../../../shared/performance.ts';
import {
  isValidPeriod,
  PERIOD_FORMAT_HINT,
  periodFormatReason,
  periodRangeCheck,
} from '../../../../shared/periods.ts';
import { NEGATIVE_NOT_ALLOWED, planProblems } from '../../../performance/indicatorRules.ts';
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

const threshold = z.number().min(0).max(10);
// Their order (atRisk ≤ offTrack) is one of the rules checked with the other fields (planProblems).
const thresholds = z.object({ atRisk: threshold, offTrack: threshold });

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
    const problems = planProblems({
      ...input,
      atRisk: input.thresholds.atRisk,
      offTrack: input.thresholds.offTrack,
    });
    for (const { path, message, reason: why } of problems)
      ctx.addIssue({ code: 'custom', path, message, params: { reason: why } });
    if (!input.allowsNegative) {
      input.trajectory.forEach((planned, index) => {
        if (planned.value < 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['trajectory', index, 'value'],
            message: NEGATIVE_NOT_ALLOWED,
            params: reasonIssue('negativeNotAllowed'),
          });
        }
      });
    }
    const seen = new Set<string>();
    input.trajectory.forEach((planned, index) => {
      if (!isValidPeriod(planned.period, input.frequency)) {
        ctx.addIssue({
          code: 'custom',
          path: ['trajectory', index, 'period'],
          message: `expected a ${input.frequency} period ${PERIOD_FORMAT_HINT[input.frequency]}`,
          params: { reason: periodFormatReason(planned.period, input.frequency) },
        });
      } else if (periodRangeCheck(planned.period, input.frequency)) {
        const outOfRange = periodRangeCheck(planned.period, input.frequency) as Problem;
        ctx.addIssue({
          code: 'custom',
          path: ['trajectory', index, 'period'],
          message: outOfRange.message,
          params: { reason: outOfRange.reason },
        });
      } else if (seen.has(planned.period)) {
        ctx.addIssue({
          code: 'custom',
          path: ['trajectory', index, 'period'],
          message: 'duplicate period',
          params: reasonIssue('duplicatePeriod'),
        });
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

/** Why a change was made: optional, shown in the indicator's changes. */
const reason = z.string().trim().max(500, 'must be at most 500 characters');

/** `DELETE …/points/:period?reason=`: the reason travels in the query (a DELETE has no body). */
export const deletePointQuery = z.object({ reason: reason.optional() });

/** A field creation takes that an edit cannot change, refused with the reason. */
const fixed = (why: string) => z.never({ error: `cannot be changed: ${why}` }).optional();

/**
 * `PATCH /api/indicators/:id`: any of the fields creation takes that describe the indicator, at
 * least one. Not the id, goal or frequency (its periods are the keys of the data), nor the
 * trajectory. Cross-field rules are checked on the result (`editIndicator`).
 */
export const editIndicatorSchema = z
  .strictObject({
    name: name.optional(),
    unit: z.string().trim().min(1, 'must not be empty').max(40).optional(),
    direction: z.enum(Object.values(Direction)).optional(),
    baselineValue: boundedNumber.optional(),
    baselineDate: storedDate.optional(),
    targetValue: boundedNumber.optional(),
    targetDate: storedDate.optional(),
    thresholds: z.strictObject({ atRisk: threshold.optional(), offTrack: threshold.optional() }).optional(),
    allowsNegative: z.boolean().optional(),
    reason: reason.optional(),
    id: fixed('an indicator keeps its id (files and meetings name it)'),
    goalId: fixed('an indicator stays with its goal'),
    frequency: fixed('the periods of its data are in it'),
    trajectory: fixed('not by an edit'),
  })
  .refine(({ reason: _reason, ...fields }) => Object.keys(fields).length > 0, {
    message: 'nothing to change: send at least one field',
    params: reasonIssue('nothingToChange'),
  });
export type EditIndicator = z.infer<typeof editIndicatorSchema>;

export const archiveSchema = z.strictObject({ reason: reason.optional() });

/** `GET /api/indicators?objectiveId=&archived=true`: only archived ones (the objective's page lists the rest). */
export const archivedListQuery = z.object({
  objectiveId: pathId,
  archived: z.literal('true', { error: 'only archived=true is listed here; the objective lists the others' }),
});
