/**
 * The DocHub's Prometheus metrics, registered on the app's own registry.
 *
 * The two that every edit touches, relays and persist times, are kept in plain numbers on the edit's
 * path and handed to prom-client when /metrics is read (its `collect` hook). A prom-client `inc` or
 * `observe` builds label objects and closures on each call: 0.3 µs in a tight loop, but 8–11 µs per
 * edit in the many-rooms profile, where every edit finds it cold in the cache between socket reads
 * and writes. What a scrape reads is the same.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Persist times held back at most, between two scrapes; a full buffer is handed over at once. */
const PERSIST_TIMES_HELD = 1024;

export interface DocMetrics {
  /** Update messages sent to connections. */
  relayed(count: number): void;
  /** One persist (a journal write or a transaction) took this long. */
  persisted(seconds: number): void;
  updatesRefused: Counter<'reason'>;
  backpressureDisconnects: Counter<string>;
  /** Stored updates that could not be applied at load, moved to `doc_updates_set_aside`. */
  updatesSetAside: Counter<string>;
  /** Client updates that passed the checks but threw while being applied (the document was reloaded). */
  applyFailures: Counter<string>;
  compactions: Counter<string>;
  presenceRefused: Counter<'reason'>;
  presenceCutOffs: Counter<string>;
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
  let relayedSinceScrape = 0;
  new Counter({
    name: 'statroom_doc_updates_relayed_total',
    help: 'Update messages sent to connections after being persisted (one per receiving connection)',
    registers: [registry],
    collect() {
      this.inc(relayedSinceScrape);
      relayedSinceScrape = 0;
    },
  });
  const persistTimes = new Float64Array(PERSIST_TIMES_HELD);
  let persistTimesHeld = 0;
  const persistSeconds = new Histogram({
    name: 'statroom_doc_persist_seconds',
    help: 'Time to store document updates (one transaction) before they are relayed',
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
    collect() {
      observeHeldPersistTimes();
    },
  });
  function observeHeldPersistTimes(): void {
    for (let index = 0; index < persistTimesHeld; index++)
      persistSeconds.observe(persistTimes[index] as number);
    persistTimesHeld = 0;
  }
  return {
    relayed(count) {
      relayedSinceScrape += count;
    },
    persisted(seconds) {
      persistTimes[persistTimesHeld++] = seconds;
      if (persistTimesHeld === PERSIST_TIMES_HELD) observeHeldPersistTimes();
    },
    updatesRefused: new Counter({
      name: 'statroom_doc_updates_refused_total',
      help: 'Document messages refused, by reason (forbidden, invalid_payload, too_large, not_joined, not_found)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    backpressureDisconnects: new Counter({
      name: 'statroom_doc_backpressure_disconnects_total',
      help: 'Connections dropped because their outgoing buffer passed the limit',
      registers: [registry],
    }),
    updatesSetAside: new Counter({
      name: 'statroom_doc_updates_set_aside_total',
      help: 'Stored updates that could not be applied when their document loaded, set aside (doc_updates_set_aside)',
      registers: [registry],
    }),
    applyFailures: new Counter({
      name: 'statroom_doc_apply_failures_total',
      help: 'Client updates that passed every check but threw while being applied; nothing was stored or relayed',
      registers: [registry],
    }),
    compactions: new Counter({
      name: 'statroom_doc_compactions_total',
      help: "Compactions: a document's rows replaced by its encoded state",
      registers: [registry],
    }),
    presenceRefused: new Counter({
      name: 'statroom_presence_refused_total',
      help: 'Presence (awareness) entries refused, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    presenceCutOffs: new Counter({
      name: 'statroom_presence_cut_offs_total',
      help: 'Connections cut off for flooding presence',
      registers: [registry],
    }),
  };
}
