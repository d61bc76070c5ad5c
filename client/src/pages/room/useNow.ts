/**
 * The wall clock, re-read every `intervalMs` while `active`: timers on this page are computed from
 * the stored start times for this `now` (shared/itemClock.ts), never ticked by the server.
 */
import { useEffect, useState } from 'react';

export function useNow(active: boolean, intervalMs = 500): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
