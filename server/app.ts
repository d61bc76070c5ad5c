/**
 * `createApp(deps)`: builds the whole server — HTTP API, documents, transports — on one HTTP server
 * without listening and without reading the environment (that is `index.ts`'s job), so tests can
 * start real servers on port 0 with the dependencies they choose.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import express from 'express';
import type { Registry } from 'prom-client';
import { createAuthenticate } from './auth/authenticate.ts';
import { createOriginCheck } from './auth/origin.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Storage } from './db/storage.ts';
import { createAuthorize } from './docs/authorize.ts';
import { createDocHub, type DocHub, type DocHubLimits } from './docs/docHub.ts';
import { registerStoreMetrics } from './docs/storeMetrics.ts';
import type { RouteContext } from './http/context.ts';
import { refuseCrossSiteWrites } from './http/crossSiteWrites.ts';
import { errorHandler } from './http/errorHandler.ts';
import { refuseMalformedPaths } from './http/malformedPaths.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { rebuildCommitmentRows } from './ledger/commitmentRows.ts';
import { createLedgerCommands } from './ledger/ledgerCommands.ts';
import type { Logger } from './logger.ts';
import { createMeetingCommands } from './meetings/commands.ts';
import { readMeetingPhase } from './meetings/liveState.ts';
import { createMetricsRegistry } from './metrics.ts';
import { apiRouter } from './routes/api/index.ts';
import { attachSocketIo, type SocketIoHeartbeat } from './transports/socketio.ts';
import { attachYWebsocket } from './transports/yWebsocket.ts';

export interface AppDeps {
  /** The database, the document store and their worker (`openStorage`); closed with the app. */
  storage: Storage;
  logger: Logger;
  sessionSecret: string;
  /** The built client (`dist/client`); when absent or missing, only the API is served. */
  clientDir?: string | undefined;
  secureCookies?: boolean;
  /** Origins besides the request's own host allowed to use the session cookie (`PUBLIC_ORIGIN`). */
  publicOrigins?: readonly string[];
  /** Limits of the live-document hub (compaction threshold, unload delay, per-connection buffer). */
  docs?: DocHubLimits;
  /** Heartbeats of the live transports, for tests; by default the transports' own (dead peers gone in < 10 s). */
  heartbeat?: { socketIo?: SocketIoHeartbeat; yjsPingIntervalMs?: number };
  /** The objectives overview recomputes only what writes touched (default true; see overview.ts). */
  incrementalOverview?: boolean;
}

export interface App {
  httpServer: Server;
  metrics: Registry;
  /** The live documents: server-side changes go through `hub.change`. */
  hub: DocHub;
  /** Stops accepting connections, flushes documents and closes the database. */
  close(): Promise<void>;
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { storage, logger } = deps;
  const { db } = storage;
  await migrateToLatest(db);

  const metrics = createMetricsRegistry();
  storage.registerMetrics(metrics);
  registerStoreMetrics(metrics, storage.docStore, { logger });
  const authenticate = createAuthenticate(deps.sessionSecret);
  const checkOrigin = createOriginCheck(deps.publicOrigins);
  const hub = createDocHub({ store: storage.docStore, logger, metrics, ...deps.docs });
  const meetingCommands = createMeetingCommands({ db, hub, logger });
  const ledgerCommands = createLedgerCommands({ db, hub, logger });
  // The read model follows the ledger documents; rebuilt at start in case a crash came between them.
  await rebuildCommitmentRows(db, hub);
  const ctx: RouteContext = {
    db,
    logger,
    hub,
    docStore: storage.docStore,
    meetingCommands,
    ledgerCommands,
    authenticate,
    sessionSecret: deps.sessionSecret,
    secureCookies: deps.secureCookies ?? false,
    incrementalOverview: deps.incrementalOverview ?? true,
  };

  const web = express();
  web.disable('x-powered-by');
  web.use(securityHeaders(), refuseMalformedPaths);
  web.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  web.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  });
  web.use('/api', refuseCrossSiteWrites(authenticate, checkOrigin), apiRouter(ctx));
  mountClient(web, deps.clientDir);
  web.use(errorHandler(logger));

  const httpServer = createServer(web);

  const transportDeps = {
    httpServer,
    hub,
    authenticate,
    checkOrigin,
    authorize: createAuthorize(db, (meetingId) => readMeetingPhase(hub, meetingId)),
    meetingCommands,
    ledgerCommands,
    logger,
  };
  const io = attachSocketIo({ ...transportDeps, heartbeat: deps.heartbeat?.socketIo });
  const yWebsocket = attachYWebsocket({
    ...transportDeps,
    pingIntervalMs: deps.heartbeat?.yjsPingIntervalMs,
  });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      // Stop accepting first, then write every pending document update before anything closes.
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await hub.shutdown();
      await yWebsocket.close();
      await io.close();
      httpServer.closeAllConnections();
      await httpClosed;
      await storage.close();
    })();
    return closing;
  };

  return { httpServer, metrics, hub, close };
}

/** Serves the built single-page client, with every unknown non-API path falling back to index.html. */
function mountClient(web: express.Express, configuredDir: string | undefined): void {
  if (!configuredDir) return;
  // res.sendFile refuses relative paths; the configured folder is usually relative to the cwd.
  const clientDir = resolve(configuredDir);
  if (!existsSync(join(clientDir, 'index.html'))) return;
  web.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  web.get('/{*splat}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/yjs/')) return next();
    res.sendFile(join(clientDir, 'index.html'), { maxAge: 0 });
  });
}
