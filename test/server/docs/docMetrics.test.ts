/**
 * The DocHub's metrics hold relays and persist times in plain numbers and hand them to prom-client
 * when /metrics is read: a scrape must still show every one of them, cumulatively, and a full buffer
 * of persist times must not lose any.
 */
import { Registry } from 'prom-client';
import { describe, expect, test } from 'vitest';
import { createDocMetrics } from '../../../server/docs/docMetrics.ts';

const value = (text: string, series: string) => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('document metrics', () => {
  test('relays and persist times recorded between scrapes all show up, cumulatively', async () => {
    const registry = new Registry();
    const metrics = createDocMetrics(registry, {
      connectionsByTransport: () => new Map(),
      loadedDocuments: () => 0,
    });
    metrics.relayed(3);
    metrics.relayed(2);
    // More than the buffer holds between two scrapes, in two sizes.
    for (let index = 0; index < 1500; index++) metrics.persisted(0.00002);
    metrics.persisted(0.003);
    let text = await registry.metrics();
    expect(value(text, 'statroom_doc_updates_relayed_total')).toBe(5);
    expect(value(text, 'statroom_doc_persist_seconds_count')).toBe(1501);
    expect(value(text, 'statroom_doc_persist_seconds_bucket{le="0.0001"}')).toBe(1500);
    expect(value(text, 'statroom_doc_persist_seconds_bucket{le="0.005"}')).toBe(1501);

    metrics.relayed(4);
    metrics.persisted(0.0002);
    text = await registry.metrics();
    expect(value(text, 'statroom_doc_updates_relayed_total')).toBe(9);
    expect(value(text, 'statroom_doc_persist_seconds_count')).toBe(1502);
    // A scrape with nothing new changes nothing.
    text = await registry.metrics();
    expect(value(text, 'statroom_doc_updates_relayed_total')).toBe(9);
    expect(value(text, 'statroom_doc_persist_seconds_count')).toBe(1502);
  });
});
