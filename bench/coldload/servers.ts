/**
 * The two servers of the cold-load benchmark, each in its own process on a fresh SQLite file, behind
 * one interface: StatRoom as `npm start` runs it (the bundle `dist/server/index.js`) reached at
 * `/yjs` by the stock y-websocket client, and Hocuspocus 3.4.4 + SQLite (`hocuspocusServer.ts`)
 * reached by its own provider: Hocuspocus 3 prefixes every message with the document name, so the
 * stock y-websocket client cannot talk to it.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import BetterSqlite3 from 'better-sqlite3';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { freePort, signInTo, spawnServer } from '../../test/helpers/process.ts';
import { type BenchClient, connectYWebsocket } from '../docs/clients.ts';

const SYNC_TIMEOUT_MS = 60_000;

export interface StoredDoc {
  rows: number;
  bytes: number;
  data: Uint8Array[];
}

export interface ColdLoadServer {
  name: string;
  pid: number;
  createDoc(title: string): Promise<string>;
  /** Joins a document; resolves once the server's whole state is applied (the first sync step 2). */
  connect(docName: string): Promise<BenchClient>;
  /** Documents the server holds in memory. */
  loadedDocs(): Promise<number>;
  /** What the server's database holds for the document. */
  stored(docName: string): StoredDoc;
  stop(): Promise<void>;
}

function readStored(sqlitePath: string, query: string, docName: string): StoredDoc {
  const db = new BetterSqlite3(sqlitePath, { readonly: true, fileMustExist: true });
  try {
    const data = db
      .prepare<[string], { data: Buffer }>(query)
      .all(docName)
      .map((row) => new Uint8Array(row.data));
    return { rows: data.length, bytes: data.reduce((sum, row) => sum + row.byteLength, 0), data };
  } finally {
    db.close();
  }
}

export async function startStatRoom(): Promise<ColdLoadServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'statroom-coldload-'));
  const sqlitePath = join(dataDir, 'statroom.sqlite');
  const server = await spawnServer(sqlitePath, undefined, 'built');
  const token = await signInTo(server.url, 'Cold Load Bench', 'analyst');
  const wsBase = `${server.url.replace(/^http/, 'ws')}/yjs`;
  return {
    name: 'StatRoom /yjs (y-websocket client)',
    pid: server.child.pid as number,
    async createDoc(title) {
      const response = await fetch(`${server.url}/api/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ title, scheduledFor: '2026-12-01' }),
      });
      if (response.status !== 201) throw new Error(`cannot create meeting: ${await response.text()}`);
      return ((await response.json()) as { meeting: { docName: string } }).meeting.docName;
    },
    connect: (docName) => connectYWebsocket(wsBase, docName, { token }),
    async loadedDocs() {
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      return Number(/^statroom_docs_loaded (\d+)/m.exec(metrics)?.[1] ?? Number.NaN);
    },
    stored: (docName) =>
      readStored(sqlitePath, 'SELECT data FROM doc_updates WHERE doc_name = ? ORDER BY id', docName),
    async stop() {
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function connectHocuspocus(url: string, docName: string): Promise<BenchClient> {
  const doc = new Y.Doc();
  // The socket is made apart only because the provider's own options type leaves out the polyfill.
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: docName, document: doc });
  provider.attach();
  const close = () => {
    provider.destroy();
    socket.destroy();
    doc.destroy();
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      close();
      reject(new Error(`sync timeout for ${docName}`));
    }, SYNC_TIMEOUT_MS);
    const onSynced = () => {
      clearTimeout(timer);
      provider.off('synced', onSynced);
      resolve({ doc, close });
    };
    provider.on('synced', onSynced);
  });
}

/** One request at a time over IPC: the Hocuspocus process answers `loaded`. */
function askLoaded(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve((message as { loaded: number }).loaded));
    child.send('loaded');
  });
}

export async function startHocuspocus(): Promise<ColdLoadServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hocuspocus-coldload-'));
  const sqlitePath = join(dataDir, 'hocuspocus.sqlite');
  const port = await freePort();
  const child = fork(fileURLToPath(new URL('./hocuspocusServer.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, PORT: String(port), SQLITE_PATH: sqlitePath },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`Hocuspocus exited with ${code}`)));
  });
  const url = `ws://127.0.0.1:${port}`;
  return {
    name: 'Hocuspocus 3.4.4 + SQLite (its provider)',
    pid: child.pid as number,
    createDoc: async (title) => `meeting-${title.replace(/\W+/g, '-')}`,
    connect: (docName) => connectHocuspocus(url, docName),
    loadedDocs: () => askLoaded(child),
    stored: (docName) =>
      readStored(sqlitePath, 'SELECT data FROM "documents" WHERE name = ? ORDER BY rowid', docName),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
