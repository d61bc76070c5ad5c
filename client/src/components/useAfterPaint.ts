/**
 * False until a frame has been painted after the component mounted (or after `when` became true).
 * What is slow to build waits for it, so what the room looks at first is on screen first: the big
 * screen's new chart, the meeting page's ledger (figures in docs/architecture.md).
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
