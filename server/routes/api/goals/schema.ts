import { z } from 'zod';
import { entityId, longText, name, pathId } from '../../../performance/inputs.ts';

export { asOfQuery, idParams } from '../../../performance/inputs.ts';

export const createGoalSchema = z.object({
  id: entityId.optional(),
  objectiveId: pathId,
  agencyId: pathId,
  title: name,
  description: longText.default(''),
  ownerName: z.string().trim().min(1, 'must not be empty').max(120),
});
export type CreateGoal = z.infer<typeof createGoalSchema>;

export const rateGoalSchema = z.object({
  status: z.enum(['on_track', 'at_risk', 'off_track']),
  comment: longText.default(''),
});
export type RateGoal = z.infer<typeof rateGoalSchema>;
