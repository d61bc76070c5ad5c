/**
 * Starts one of the server's worker-thread modules, written in TypeScript like the rest. In the
 * production bundle `npm run build:server` emits each as a `.js` file beside `dist/server/index.js`,
 * which the thread runs as it is. Run from source (tsx, vitest), the `.ts` module beside its caller
 * is loaded through tsx's loader, registered in the new thread first (Node 20 does not hand a
 * thread its parent's `--import` hooks).
 */
import { Worker } from 'node:worker_threads';

export function startWorkerModule(name: string, callerUrl: string, workerData: unknown): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), { workerData });
  const moduleUrl = new URL(`./${name}.ts`, callerUrl).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
