import { z } from 'zod';
import { entityId, name } from '../../../performance/inputs.ts';

export const createAgencySchema = z.object({
  /** Optional: imports and seeds refer to agencies by a known id. */
  id: entityId.optional(),
  code: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(16)
    .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and dashes only'),
  name,
});
export type CreateAgency = z.infer<typeof createAgencySchema>;
