import { z } from 'zod';
import { reasonIssue } from '../../../../shared/errorReasons.ts';
import { entityId, name } from '../../../performance/inputs.ts';

export const createAgencySchema = z.object({
  /** Optional: imports and seeds refer to agencies by a known id. */
  id: entityId.optional(),
  code: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(16)
    .refine((value) => /^[A-Za-z0-9-]+$/.test(value), {
      message: 'letters, digits and dashes only',
      params: reasonIssue('codeCharacters'),
    }),
  name,
});
export type CreateAgency = z.infer<typeof createAgencySchema>;
