/**
 * The server's clock, as well as this page can tell. Item timers are computed from start times the
 * server stamped; a laptop whose clock runs two minutes slow would otherwise show a timer stuck at
 * 0:00 for two minutes (itemClock never counts negative time), and one that runs fast would show
 * time nobody spent. The estimate comes from the `Date` header of one small request: whole seconds,
 * so offsets under two seconds are ignored rather than traded for a different error.
 */

const IGNORED_OFFSET_MS = 2000;

let offsetMs = 0;
let estimating: Promise<void> | null = null;

/** Now, on the server's clock (this device's clock when the estimate is unknown or small). */
export const serverNow = (): number => Date.now() + offsetMs;

/** Estimates the offset once per page load; later calls share the first. Never rejects. */
export function estimateServerClock(): Promise<void> {
  estimating ??= (async () => {
    try {
      const sentAt = Date.now();
      const response = await fetch('/healthz', { method: 'HEAD', cache: 'no-store' });
      const receivedAt = Date.now();
      const header = response.headers.get('date');
      const serverSeconds = header ? Date.parse(header) : Number.NaN;
      if (Number.isNaN(serverSeconds)) return;
      // The header is truncated to the second: its middle, against the request's middle.
      const offset = serverSeconds + 500 - (sentAt + receivedAt) / 2;
      offsetMs = Math.abs(offset) < IGNORED_OFFSET_MS ? 0 : Math.round(offset);
    } catch {
      // Offline: this device's clock it is; the next page load tries again.
      estimating = null;
    }
  })();
  return estimating;
}
