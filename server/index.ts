/** The process entry point: reads the environment, opens storage, listens, and shuts down cleanly. */

import { todayDate } from '../shared/periods.ts';
import { createApp } from './app.ts';
import { type Config, readConfig } from './config.ts';
import { openStorage } from './db/storage.ts';
import { hasNoObjectives, seedDemoData } from './demo/seed.ts';
import { seedDemoMeetings } from './demo/seedMeetings.ts';
import { rebuildCommitmentRows } from './ledger/commitmentRows.ts';
import { createLogger } from './logger.ts';

function readConfigOrExit(): Config {
  try {
    return readConfig();
  } catch (error) {
    // Before the logger exists (it is configured from the environment): one plain line, exit 1.
    process.stderr.write(
      `StatRoom cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}

const config = readConfigOrExit();
const logger = createLogger({ level: config.logLevel, pretty: config.prettyLogs });

const storage = openStorage({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
const { db } = storage;
const app = await createApp({
  storage,
  logger,
  sessionSecret: config.sessionSecret,
  clientDir: config.clientDir,
  secureCookies: config.secureCookies,
  publicOrigins: config.publicOrigins,
  docs: { compactThreshold: config.compactThreshold },
  incrementalOverview: config.incrementalOverview,
});

// A fresh install opens on a realistic demo government rather than empty pages.
if (config.seedDemo && (await hasNoObjectives(db))) {
  const seeded = await seedDemoData(db, { asOf: todayDate(), seed: 1 });
  logger.info(seeded, 'seeded the demo government (STATROOM_DEMO=off starts empty)');
  const meetings = await seedDemoMeetings(db, storage.docStore, { asOf: todayDate(), seed: 1 });
  logger.info(meetings, 'seeded demo meeting series with their past meetings and commitments');
  // The seeded ledgers were written after the app built its read model from them.
  await rebuildCommitmentRows(db, app.hub);
}

app.httpServer.listen(config.port, config.host, () => {
  const address = app.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, storage: db.dialect }, `StatRoom listening on http://localhost:${port}`);
  logger.info(
    `Sign in at http://localhost:${port}/ with any name and the role analyst (edits) or viewer (reads)`,
  );
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  try {
    await app.close();
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
