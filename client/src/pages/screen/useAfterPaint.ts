/**
 * False until the frame after the component mounted has been painted. The big screen draws the
 * new item's chart then: its layout is the slow part of a "next" (about 55 ms of a 70 ms p50 on a
 * 2-core machine, see docs/architecture.md), and the room should see the title and numbers first.
 */
import { useEffect, useState } from 'react';

export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The animation frame comes before the paint; the task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted;
}
