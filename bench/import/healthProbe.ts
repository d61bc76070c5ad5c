/** Polls `/healthz` every `intervalMs` and records how long each answer took. */
import { sleep } from '../stats.ts';

export interface HealthSample {
  at: number;
  latencyMs: number;
}

export function startHealthProbe(url: string, intervalMs: number) {
  const samples: HealthSample[] = [];
  let running = true;
  const polling = (async () => {
    while (running) {
      const at = performance.now();
      const response = await fetch(`${url}/healthz`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`/healthz answered ${response.status}`);
      samples.push({ at, latencyMs: performance.now() - at });
      const wait = at + intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
    }
  })();
  return {
    samples,
    async stop() {
      running = false;
      await polling;
    },
  };
}
