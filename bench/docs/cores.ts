/**
 * `--isolate-cores`: the server under test on cores of its own, the load generator on the others
 * (`taskset`), as in a deployment, where the clients are browsers on other machines. On shared
 * cores every µs one side spends can delay the other, so a row's latency also measures its clients'
 * cost (figures in docs/architecture.md, Storage, "Session 28").
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

export interface CoreSplit {
  /** `taskset -c` list for the bench's own process and its worker threads (every client). */
  clients: string;
  /** `taskset -c` list for each server process. */
  server: string;
}

const range = (from: number, to: number) => (from === to ? `${from}` : `${from}-${to}`);

/** Half the cores for the server (at least one), the rest for the clients; null on one core or without taskset. */
export function splitCores(): CoreSplit | null {
  const count = cpus().length;
  if (count < 2) return null;
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const serverCores = Math.max(1, Math.floor(count / 2));
  return { clients: range(0, count - serverCores - 1), server: range(count - serverCores, count - 1) };
}

/** Pins every thread of this process; threads started later (the clients' workers) inherit it. */
export function pinThisProcess(cpuList: string): void {
  execFileSync('taskset', ['-a', '-p', '-c', cpuList, String(process.pid)], { stdio: 'ignore' });
}
