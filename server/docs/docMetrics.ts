/** The DocHub's Prometheus metrics, registered on the app's own registry. */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface DocMetrics {
  updatesRelayed: Counter<string>;
  updatesRefused: Counter<'reason'>;
  persistSeconds: Histogram<string>;
  backpressureDisconnects: Counter<string>;
}

export interface DocMetricSources {
  connectionsByTransport(): Map<string, number>;
  loadedDocuments(): number;
}

export function createDocMetrics(registry: Registry, sources: DocMetricSources): DocMetrics {
  new Gauge({
    name: 'statroom_doc_connections',
    help: 'Open document connections, by transport',
    labelNames: ['transport'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [transport, count] of sources.connectionsByTransport()) this.set({ transport }, count);
    },
  });
  new Gauge({
    name: 'statroom_docs_loaded',
    help: 'Documents held in memory',
    registers: [registry],
    collect() {
      this.set(sources.loadedDocuments());
    },
  });
  return {
    updatesRelayed: new Counter({
      name: 'statroom_doc_updates_relayed_total',
      help: 'Update messages sent to connections after being persisted (one per receiving connection)',
      registers: [registry],
    }),
    updatesRefused: new Counter({
      name: 'statroom_doc_updates_refused_total',
      help: 'Document messages refused, by reason (forbidden, invalid_payload, too_large, not_joined, not_found)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    persistSeconds: new Histogram({
      name: 'statroom_doc_persist_seconds',
      help: 'Time to persist one batch of document updates (one transaction)',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    backpressureDisconnects: new Counter({
      name: 'statroom_doc_backpressure_disconnects_total',
      help: 'Connections dropped because their outgoing buffer passed the limit',
      registers: [registry],
    }),
  };
}
