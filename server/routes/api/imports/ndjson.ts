/**
 * Import events as NDJSON, one a line, each flushed as it happens. The status line goes out with the
 * first event, so that a failure found before any (the byte limit) can still be an HTTP error.
 */
import type { Response } from 'express';
import type { ImportEvent } from '../../../../shared/performance.ts';

export function ndjsonEvents(res: Response) {
  return async (event: ImportEvent): Promise<void> => {
    if (res.writableEnded || res.destroyed) return;
    if (!res.headersSent) {
      res.status(200);
      res.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      // Proxies (nginx) buffer responses unless told not to; progress must arrive as it happens.
      res.setHeader('x-accel-buffering', 'no');
    }
    if (!res.write(`${JSON.stringify(event)}\n`)) {
      await new Promise<void>((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
    }
  };
}
