import { z } from 'zod';

/** The kinds of file the import accepts, by path segment. */
export const importKindParams = z.object({ kind: z.enum(['data-points', 'indicators']) });
export type ImportKind = z.infer<typeof importKindParams>['kind'];

/**
 * The body must be declared as `text/csv` (a charset parameter is fine). Not `text/plain`: that is
 * what a cross-site form can send.
 */
export const CSV_CONTENT_TYPE = 'text/csv';

/** A declared `Content-Length`, when there is one. */
export const contentLengthHeader = z.coerce.number().int().nonnegative().optional();

/** `GET /api/imports/data-points/template.csv?objectiveId=`. */
export const templateQuery = z.object({ objectiveId: z.string().min(1).max(200).optional() });
