/**
 * Stored document sizes on /metrics: bytes, rows and documents per kind of document, and the largest
 * documents, read from the store (`DocStore.sizes`) when /metrics is scraped. That query reads the
 * whole log, so one reading serves every scrape for `cacheMs`, and the gauges of one scrape share it.
 */
import { Gauge, type Registry } from 'prom-client';
import type { Logger } from '../logger.ts';
import type { DocStore } from './docStore.ts';

export const DEFAULT_STORE_METRICS_CACHE_MS = 10_000;
export const DEFAULT_LARGEST_DOCS_SHOWN = 5;

export interface StoreMetricsOptions {
  /** How long one reading of the store's sizes answers scrapes. */
  cacheMs?: number;
  /** How many of the largest documents are shown (each is one labelled series). */
  largest?: number;
  logger?: Logger;
}

type Sizes = Awaited<ReturnType<DocStore['sizes']>>;

export function registerStoreMetrics(
  registry: Registry,
  store: DocStore,
  options: StoreMetricsOptions = {},
): void {
  const cacheMs = options.cacheMs ?? DEFAULT_STORE_METRICS_CACHE_MS;
  const largest = options.largest ?? DEFAULT_LARGEST_DOCS_SHOWN;
  let reading: { at: number; sizes: Promise<Sizes | null> } | null = null;

  function sizes(): Promise<Sizes | null> {
    const now = Date.now();
    if (reading && now - reading.at < cacheMs) return reading.sizes;
    const current = {
      at: now,
      sizes: store.sizes(largest).catch((error: unknown) => {
        // A failed reading shows no sizes, keeps /metrics answering, and is not kept.
        options.logger?.warn({ err: error }, 'reading stored document sizes for /metrics failed');
        if (reading === current) reading = null;
        return null;
      }),
    };
    reading = current;
    return current.sizes;
  }

  const perKind = (name: string, help: string, value: (kind: Sizes['kinds'][number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['kind'],
      registers: [registry],
      async collect() {
        const read = await sizes();
        // Reset first, so a kind that no longer has rows disappears.
        this.reset();
        for (const kind of read?.kinds ?? []) this.set({ kind: kind.kind }, value(kind));
      },
    });
  perKind(
    'statroom_doc_store_bytes',
    'Stored bytes of document updates, by kind of document',
    (kind) => kind.bytes,
  );
  perKind('statroom_doc_store_rows', 'Stored document update rows, by kind of document', (kind) => kind.rows);
  perKind(
    'statroom_doc_store_documents',
    'Documents with stored rows, by kind of document',
    (kind) => kind.documents,
  );
  new Gauge({
    name: 'statroom_doc_store_largest_bytes',
    help: `Stored bytes of the ${largest} largest documents`,
    labelNames: ['doc'],
    registers: [registry],
    async collect() {
      const read = await sizes();
      this.reset();
      for (const doc of read?.largest ?? []) this.set({ doc: doc.docName }, doc.bytes);
    },
  });
}
