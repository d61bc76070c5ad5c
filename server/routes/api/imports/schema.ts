import { z } from 'zod';

/** The kinds of file the import accepts, by path segment. */
export const importKindParams = z.object({ kind: z.enum(['data-points', 'indicators']) });
export type ImportKind = z.infer<typeof importKindParams>['kind'];

/** The body must be declared as CSV (spreadsheets and curl send either). */
export const CSV_CONTENT_TYPES = ['text/csv', 'text/plain', 'application/csv'] as const;
