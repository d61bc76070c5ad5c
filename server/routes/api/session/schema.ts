import { z } from 'zod';
import { LANGUAGES } from '../../../../shared/languages.ts';
import { ROLES } from '../../../../shared/roles.ts';

/** The development sign-in: a name and a role stand in for accounts until they arrive. */
export const devSignInSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(120),
  role: z.enum(ROLES),
});
export type DevSignIn = z.infer<typeof devSignInSchema>;

/** A person's choice of language (`PUT /api/session/language`). */
export const languageChoiceSchema = z.object({ language: z.enum(LANGUAGES) });
export type LanguageChoice = z.infer<typeof languageChoiceSchema>;
