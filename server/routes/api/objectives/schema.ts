import { z } from 'zod';
import { entityId, longText, name } from '../../../performance/inputs.ts';

export { asOfQuery, idParams } from '../../../performance/inputs.ts';

export const createObjectiveSchema = z.object({
  id: entityId.optional(),
  name,
  description: longText.default(''),
  /** Display order; after the last objective when absent. */
  position: z.number().int().min(0).optional(),
});
export type CreateObjective = z.infer<typeof createObjectiveSchema>;
