/**
 * Prometheus metrics. Each app owns its registry, so several servers in one test process do not
 * collide; modules register their own metrics on it.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';

export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'statroom_process_' });
  return registry;
}
