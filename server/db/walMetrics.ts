/** Prometheus metrics of the SQLite WAL checkpointer, registered on the app's own registry. */
import { Gauge, type Registry } from 'prom-client';
import type { WalCheckpointer } from './walCheckpointer.ts';

export function registerWalMetrics(registry: Registry, checkpointer: WalCheckpointer): void {
  new Gauge({
    name: 'statroom_sqlite_wal_checkpoints',
    help: 'WAL checkpoints taken off the event loop since the server started',
    registers: [registry],
    collect() {
      this.set(checkpointer.runs());
    },
  });
  new Gauge({
    name: 'statroom_sqlite_wal_restarts',
    help:
      'WAL restarts past the size limit since the server started, by how: between-commits ' +
      '(nobody waited) or forced (a RESTART checkpoint held writers back)',
    labelNames: ['how'],
    registers: [registry],
    collect() {
      for (const [how, count] of Object.entries(checkpointer.restarts())) this.set({ how }, count);
    },
  });
}
