/**
 * False until a frame has been painted after the component mounted (or after `when` became true).
 * What is slow to build waits for it, so what the room looks at first is on screen first: the big
 * screen draws a new item's chart then (its layout is about 55 ms of a 70 ms "next" on a 2-core
 * machine), and the meeting page opens the objective's ledger once the server's follow-up is shown
 * (see docs/architecture.md).
 */
import { useEffect, useState } from 'react';

export function useAfterPaint(when = true): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!when) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The animation frame comes before the paint; the task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [when]);
  return painted;
}
