import { z } from 'zod';
import { ROLES } from '../../../../shared/roles.ts';

/** The development sign-in: a name and a role stand in for accounts until they arrive. */
export const devSignInSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(120),
  role: z.enum(ROLES),
});
export type DevSignIn = z.infer<typeof devSignInSchema>;
