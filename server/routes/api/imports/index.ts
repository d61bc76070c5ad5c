/**
 * `/api/imports/:kind` (data-points, indicators): the raw CSV body is parsed as it streams in and
 * answered with NDJSON `ImportEvent`s, one a line, flushed as they happen, so a client can show
 * progress on a large file. Authentication, role and content type are checked first and fail as
 * ordinary JSON errors; once the stream starts, problems are reported as a `failed` event.
 */
import { Router } from 'express';
import type { ImportEvent } from '../../../../shared/performance.ts';
import type { RouteContext } from '../../../http/context.ts';
import { invalidPayload, parseOrThrow } from '../../../http/errors.ts';
import { principalOf, requireRole } from '../../../http/session.ts';
import { type CsvImporter, runCsvImport } from '../../../performance/import/csvImport.ts';
import { dataPointsImporter } from '../../../performance/import/dataPoints.ts';
import { indicatorsImporter } from '../../../performance/import/indicators.ts';
import { CSV_CONTENT_TYPES, importKindParams } from './schema.ts';

export function importsRouter(ctx: RouteContext): Router {
  const router = Router();
  const db = ctx.db.kysely;

  router.post('/:kind', requireRole('analyst'), async (req, res) => {
    const { kind } = parseOrThrow(importKindParams, req.params);
    if (!req.is([...CSV_CONTENT_TYPES])) {
      throw invalidPayload(
        `content-type: send the file as text/csv (got ${req.get('content-type') ?? 'none'})`,
      );
    }
    const principal = principalOf(res);
    const importer: CsvImporter<unknown> =
      kind === 'data-points' ? dataPointsImporter(db, principal) : indicatorsImporter(db);

    res.status(200);
    res.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    // Proxies (nginx) buffer responses unless told not to; progress must arrive as it happens.
    res.setHeader('x-accel-buffering', 'no');
    res.flushHeaders();

    const emit = async (event: ImportEvent) => {
      if (res.writableEnded || res.destroyed) return;
      if (!res.write(`${JSON.stringify(event)}\n`)) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
    };
    let final: ImportEvent;
    try {
      final = await runCsvImport(req, importer, emit, (error) =>
        ctx.logger.error({ err: error, kind }, 'import commit failed'),
      );
    } catch (error) {
      // The response has started, so the error handler cannot answer: end the stream with `failed`.
      ctx.logger.error({ err: error, kind }, 'import failed');
      final = {
        type: 'failed',
        rowsRead: 0,
        errors: [{ row: 0, field: null, message: 'The import failed' }],
        truncated: false,
      };
      await emit(final);
    }
    ctx.logger.info({ kind, user: principal.id, result: final.type, rowsRead: final.rowsRead }, 'csv import');
    // If parsing stopped early (unreadable CSV), read off the rest so the connection stays usable.
    if (!req.readableEnded) req.resume();
    res.end();
  });

  return router;
}
