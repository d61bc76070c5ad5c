/** The schema of a document's id, apart from `docNames.ts` so that naming a document needs no zod. */
import { z } from 'zod';
import { DOC_ID_PATTERN } from './docNames.ts';

export const docIdSchema = z.string().regex(DOC_ID_PATTERN, 'not an id');
