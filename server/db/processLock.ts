/**
 * A lock file that names the process holding something: created exclusively, holding the pid.
 * A lock left by a process that is gone (killed, crashed) is taken over; one held by a live
 * process, this one included, is refused with an error that says by whom.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the lock at `path`; returns what releases it. Throws when a live process holds it. */
export function acquireProcessLock(path: string, what: string): () => void {
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = holderOf(path);
      if (holder !== null && isAlive(holder)) {
        throw new Error(
          `${what} is in use by process ${holder} (${path}); one process at a time. If that process is not StatRoom, delete the file.`,
        );
      }
      // Left by a process that is gone: take it over.
      unlinkSync(path);
    }
  }
  return () => {
    if (holderOf(path) === process.pid) unlinkSync(path);
  };
}
