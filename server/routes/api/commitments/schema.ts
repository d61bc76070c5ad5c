/**
 * The ledger page's query string, checked before any SQL is built: every value is an id, a known
 * word, a bounded number or a bounded text, and anything else is `invalid_payload` naming it.
 */

import { z } from 'zod';
import {
  COMMITMENT_PAGE,
  COMMITMENT_SORTS,
  CommitmentSort,
  DEFAULT_SORT_DIRECTION,
} from '../../../../shared/commitmentRows.ts';
import { docIdSchema } from '../../../../shared/docIdSchema.ts';
import { COMMITMENT_STATUSES } from '../../../../shared/ledger.ts';
import type { CommitmentFilters } from '../../../ledger/ledgerQuery.ts';

const id = docIdSchema;
/** Whole numbers written as digits only: `1e3`, `0x10` or ` 5` are typos here, not numbers. */
const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(max));

/** `status=open,done` or `status=open&status=done`. */
const statuses = z
  .union([z.string(), z.array(z.string()).max(COMMITMENT_STATUSES.length * 2)])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((part) => part.split(',')))
  .pipe(z.array(z.enum(COMMITMENT_STATUSES)).min(1));

export const commitmentQuerySchema = z
  .object({
    objectiveId: id.optional(),
    agencyId: id.optional(),
    owner: z.string().trim().max(120).optional(),
    status: statuses.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    minCarried: wholeNumber(1000).optional(),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(COMMITMENT_SORTS).optional(),
    dir: z.enum(['asc', 'desc']).optional(),
    limit: z
      .string()
      .regex(/^\d{1,9}$/, 'expected a whole number')
      .transform(Number)
      .pipe(z.number().int().min(1).max(COMMITMENT_PAGE.maxLimit))
      .optional(),
    offset: wholeNumber(100_000_000).optional(),
  })
  .strict()
  .transform((query): CommitmentFilters => {
    const sort = query.sort ?? CommitmentSort.due;
    return {
      objectiveId: query.objectiveId,
      agencyId: query.agencyId,
      // An empty search box filters nothing.
      owner: query.owner || undefined,
      statuses: query.status ? [...new Set(query.status)] : undefined,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      minCarried: query.minCarried,
      q: query.q || undefined,
      sort,
      dir: query.dir ?? DEFAULT_SORT_DIRECTION[sort],
      limit: query.limit ?? COMMITMENT_PAGE.defaultLimit,
      offset: query.offset ?? 0,
    };
  });
