/**
 * `createApp(deps)`: builds the whole server — HTTP API, documents, transports — on one HTTP server
 * without listening and without reading the environment (that is `index.ts`'s job), so tests can
 * start real servers on port 0 with the dependencies they choose.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import type { Registry } from 'prom-client';
import { createAuthenticate } from './auth/authenticate.ts';
import type { Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { RouteContext } from './http/context.ts';
import { errorHandler } from './http/errorHandler.ts';
import type { Logger } from './logger.ts';
import { createMetricsRegistry } from './metrics.ts';
import { apiRouter } from './routes/api/index.ts';

export interface AppDeps {
  db: Db;
  logger: Logger;
  sessionSecret: string;
  /** The built client (`dist/client`); when absent or missing, only the API is served. */
  clientDir?: string | undefined;
  secureCookies?: boolean;
}

export interface App {
  httpServer: Server;
  metrics: Registry;
  /** Stops accepting connections, flushes documents and closes the database. */
  close(): Promise<void>;
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { db, logger } = deps;
  await migrateToLatest(db);

  const metrics = createMetricsRegistry();
  const authenticate = createAuthenticate(deps.sessionSecret);
  const ctx: RouteContext = {
    db,
    logger,
    authenticate,
    sessionSecret: deps.sessionSecret,
    secureCookies: deps.secureCookies ?? false,
  };

  const web = express();
  web.disable('x-powered-by');
  web.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  web.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  });
  web.use('/api', apiRouter(ctx));
  mountClient(web, deps.clientDir);
  web.use(errorHandler(logger));

  const httpServer = createServer(web);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await db.close();
    })();
    return closing;
  };

  return { httpServer, metrics, close };
}

/** Serves the built single-page client, with every unknown non-API path falling back to index.html. */
function mountClient(web: express.Express, clientDir: string | undefined): void {
  if (!clientDir || !existsSync(join(clientDir, 'index.html'))) return;
  web.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  web.get('/{*splat}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/yjs/')) return next();
    res.sendFile(join(clientDir, 'index.html'), { maxAge: 0 });
  });
}
