/**
 * zod building blocks shared by the performance route schemas (each route folder's `schema.ts`
 * composes these), so an id, a date or a number is validated the same way everywhere.
 */
import { z } from 'zod';
import { reasonIssue } from '../../shared/errorReasons.ts';
import { MAX_ABS_VALUE } from '../../shared/performance.ts';
import { dateRangeCheck, isValidDate, todayDate } from '../../shared/periods.ts';
import { IDENTIFIER } from './import/cells.ts';

export const entityId = z.string().refine((value) => IDENTIFIER.test(value), {
  message: 'expected an id (letters, digits, . _ : -)',
  params: reasonIssue('notAnId'),
});
export const pathId = z.string().min(1).max(128);
export const idParams = z.object({ id: pathId });

export const isoDate = z
  .string()
  .refine(isValidDate, { message: 'expected a date YYYY-MM-DD', params: reasonIssue('notADate') });
/** A date of the range the application accepts (1990-01-01..2100-12-31), for dates that are stored. */
export const storedDate = isoDate.superRefine((date, ctx) => {
  const problem = dateRangeCheck(date);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { reason: problem.reason } });
});
export const finiteNumber = z.number().finite();
/** A finite number of a plausible magnitude (|value| ≤ 1e12) for values that are stored. */
export const boundedNumber = finiteNumber.refine((value) => Math.abs(value) <= MAX_ABS_VALUE, {
  message: `must be between -${MAX_ABS_VALUE.toExponential()} and ${MAX_ABS_VALUE.toExponential()}`,
  params: reasonIssue('valueTooLarge', {
    min: `-${MAX_ABS_VALUE.toExponential()}`,
    max: MAX_ABS_VALUE.toExponential(),
  }),
});
export const name = z.string().trim().min(1, 'must not be empty').max(300);
export const longText = z.string().trim().max(5_000);

/** `?asOf=YYYY-MM-DD`, today when absent. */
export const asOfQuery = z
  .object({ asOf: isoDate.optional() })
  .transform((query) => query.asOf ?? todayDate());
