/**
 * `/api/imports/:kind` (data-points, indicators): the raw CSV body is parsed as it streams in and
 * answered with NDJSON `ImportEvent`s, one a line, flushed as they happen, so a client can show
 * progress on a large file. Authentication, role, the import header, content type and declared
 * size are checked first and fail as ordinary JSON errors; so does a body found too large before
 * the first event. Once the stream has started, problems are reported as a `failed` event.
 */
import { Router } from 'express';
import type { ImportEvent } from '../../../../shared/performance.ts';
import type { RouteContext } from '../../../http/context.ts';
import { parseOrThrow, tooLarge } from '../../../http/errors.ts';
import { principalOf, requireRole, requireSignedIn } from '../../../http/session.ts';
import {
  type CsvImporter,
  type ImportOutcome,
  importLimits,
  runCsvImport,
  SQLITE_WRITE_PACING,
  tooLargeMessage,
  tooLargeReason,
} from '../../../performance/import/csvImport.ts';
import { dataPointsImporter } from '../../../performance/import/dataPoints.ts';
import { indicatorsImporter } from '../../../performance/import/indicators.ts';
import { dataPointTemplate } from '../../../performance/import/template.ts';
import { closeWhenAnswered } from './closeWhenAnswered.ts';
import { ndjsonEvents } from './ndjson.ts';
import { checkImportRequest } from './requestChecks.ts';
import { importKindParams, templateQuery } from './schema.ts';

export function importsRouter(ctx: RouteContext): Router {
  const router = Router();
  const db = ctx.db.kysely;

  // The header row and one example row, to start a file from (`?objectiveId=` picks the example).
  router.get('/data-points/template.csv', requireSignedIn, async (req, res) => {
    const { objectiveId } = parseOrThrow(templateQuery, req.query);
    const csv = await dataPointTemplate(db, objectiveId);
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', 'attachment; filename="data-points-template.csv"')
      .send(csv);
  });

  router.post('/:kind', requireRole('analyst'), async (req, res) => {
    const { kind } = parseOrThrow(importKindParams, req.params);
    checkImportRequest(req, res);
    const principal = principalOf(res);
    const importer: CsvImporter<unknown> =
      kind === 'data-points'
        ? dataPointsImporter(db, principal, { dialect: ctx.db.dialect })
        : indicatorsImporter(db);
    const emit = ndjsonEvents(res);

    let outcome: ImportOutcome;
    try {
      outcome = await runCsvImport(req, importer, emit, {
        pacing: ctx.db.dialect === 'sqlite' ? SQLITE_WRITE_PACING : null,
        onWriteError: (error) => ctx.logger.error({ err: error, kind }, 'import write failed'),
      });
    } catch (error) {
      ctx.logger.error({ err: error, kind }, 'import failed');
      const final: ImportEvent = {
        type: 'failed',
        rowsRead: 0,
        errors: [{ row: 0, field: null, message: 'The import failed' }],
        truncated: false,
      };
      outcome = { final, tooLarge: false };
    }
    const { final } = outcome;
    ctx.logger.info({ kind, user: principal.id, result: final.type, rowsRead: final.rowsRead }, 'csv import');
    // Stopped before the end of the body (a limit, unreadable CSV): answer, then hang up.
    if (!req.complete) closeWhenAnswered(req, res);
    if (outcome.tooLarge && !res.headersSent)
      throw tooLarge(tooLargeMessage(importLimits.maxBytes), tooLargeReason(importLimits.maxBytes));
    await emit(final);
    res.end();
  });

  return router;
}
