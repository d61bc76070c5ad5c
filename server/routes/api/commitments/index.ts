/**
 * `/api/commitments`: every commitment across objectives from the read model, filtered, sorted
 * and paged (`GET /api/commitments`) or exported whole (`GET /api/commitments.csv`). Any signed-in
 * person may read; a commitment's history comes from its ledger document (ledger routes).
 */
import { Router } from 'express';
import { COMMITMENT_CSV_MAX_ROWS } from '../../../../shared/commitmentRows.ts';
import { utcDate } from '../../../../shared/followUp.ts';
import type { RouteContext } from '../../../http/context.ts';
import { parseOrThrow } from '../../../http/errors.ts';
import { requireSignedIn } from '../../../http/session.ts';
import { queryCommitments } from '../../../ledger/ledgerQuery.ts';
import { COMMITMENT_CSV_HEADER, commitmentCsvValues, csvLine, UTF8_BOM } from './csv.ts';
import { commitmentQuerySchema } from './schema.ts';

/** Rows per write, so a 50,000-row answer is sent in pieces instead of one string. */
const CSV_CHUNK_ROWS = 1000;

export function commitmentsRouter(ctx: RouteContext): Router {
  const router = Router();

  router.get('/commitments', requireSignedIn, async (req, res) => {
    const filters = parseOrThrow(commitmentQuerySchema, req.query);
    res.json(await queryCommitments(ctx.db, filters, utcDate(Date.now())));
  });

  router.get('/commitments.csv', requireSignedIn, async (req, res) => {
    const filters = parseOrThrow(commitmentQuerySchema, req.query);
    const today = utcDate(Date.now());
    // The export is every matching row (up to the cap), whatever page the screen was showing.
    const { commitments, total } = await queryCommitments(
      ctx.db,
      { ...filters, limit: COMMITMENT_CSV_MAX_ROWS, offset: 0 },
      today,
    );
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="commitments-${today}.csv"`);
    res.setHeader('cache-control', 'no-store');
    // A script can tell a capped export from a complete one.
    res.setHeader('x-total-count', String(total));
    res.write(UTF8_BOM + csvLine(COMMITMENT_CSV_HEADER));
    for (let start = 0; start < commitments.length; start += CSV_CHUNK_ROWS)
      res.write(
        commitments
          .slice(start, start + CSV_CHUNK_ROWS)
          .map((row) => csvLine(commitmentCsvValues(row)))
          .join(''),
      );
    res.end();
  });

  return router;
}
