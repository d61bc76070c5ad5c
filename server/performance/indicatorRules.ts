/**
 * The rules an indicator's definition must keep, across fields: the target after the baseline,
 * no negatives unless allowed, thresholds in order. One function for creation (the route's zod
 * refinement) and for edits (checked on the values as they would be after the edit).
 */

import { reason } from '../../shared/errorReasons.ts';
import type { ErrorReason } from '../../shared/errors.ts';

export interface PlanFields {
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  allowsNegative: boolean;
  atRisk: number;
  offTrack: number;
}

export interface FieldProblem {
  path: Array<string | number>;
  message: string;
  /** What the client translates (the field is named by the form it shows the error beside). */
  reason?: ErrorReason;
}

export const NEGATIVE_NOT_ALLOWED =
  'is negative: set allowsNegative for an indicator whose values may be below zero';

export function planProblems(fields: PlanFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!fields.allowsNegative) {
    for (const field of ['baselineValue', 'targetValue'] as const) {
      if (fields[field] < 0)
        problems.push({
          path: [field],
          message: NEGATIVE_NOT_ALLOWED,
          reason: reason('negativeNotAllowed', { field }),
        });
    }
  }
  if (fields.targetDate <= fields.baselineDate) {
    problems.push({
      path: ['targetDate'],
      message: `must be after the baseline date ${fields.baselineDate}`,
      reason: reason('targetDateNotAfterBaseline', { baselineDate: fields.baselineDate }),
    });
  }
  if (fields.atRisk > fields.offTrack) {
    problems.push({
      path: ['thresholds', 'offTrack'],
      message: 'must be at least atRisk',
      reason: reason('thresholdsOutOfOrder'),
    });
  }
  return problems;
}

/** `path: message; path: message`, as `invalid_payload` messages read everywhere else. */
export const describeProblems = (problems: readonly FieldProblem[]): string =>
  problems.map((problem) => `${problem.path.join('.')}: ${problem.message}`).join('; ');
