/**
 * The server's clock, re-read every `intervalMs` while `active`: timers on this page are computed
 * from the stored start times for this `now` (shared/itemClock.ts), never ticked by the server.
 */
import { useEffect, useState } from 'react';
import { estimateServerClock, serverNow } from './serverClock.ts';

export function useNow(active: boolean, intervalMs = 500): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    let current = true;
    setNow(serverNow());
    void estimateServerClock().then(() => {
      if (current) setNow(serverNow());
    });
    if (!active)
      return () => {
        current = false;
      };
    const timer = setInterval(() => setNow(serverNow()), intervalMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [active, intervalMs]);
  return now;
}
