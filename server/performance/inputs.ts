/**
 * zod building blocks shared by the performance route schemas (each route folder's `schema.ts`
 * composes these), so an id, a date or a number is validated the same way everywhere.
 */
import { z } from 'zod';
import { isValidDate, todayDate } from '../../shared/periods.ts';
import { IDENTIFIER } from './import/cells.ts';

export const entityId = z.string().regex(IDENTIFIER, 'expected an id (letters, digits, . _ : -)');
export const pathId = z.string().min(1).max(128);
export const idParams = z.object({ id: pathId });

export const isoDate = z.string().refine(isValidDate, 'expected a date YYYY-MM-DD');
export const finiteNumber = z.number().finite();
export const name = z.string().trim().min(1, 'must not be empty').max(300);
export const longText = z.string().trim().max(5_000);

/** `?asOf=YYYY-MM-DD`, today when absent. */
export const asOfQuery = z
  .object({ asOf: isoDate.optional() })
  .transform((query) => query.asOf ?? todayDate());
