/**
 * Presence goes out in batches; edits never wait for it.
 *
 * Every awareness change (a cursor moving in an item's notes, someone opening the page, each
 * client's renewal every 15 s) is relayed to every other connection on the document, so its cost
 * grows with the square of the people in the room. In a meeting with 50 attendees following on
 * their laptops, the stock clients that joined together also renew together: 50 renewals within
 * a second become 2,500 messages, and edits relayed in that second queue behind them on the server
 * and in every client.
 *
 * The batcher relays a document's first change at once (leading edge: someone arriving shows up
 * without delay), then at most one batch per `intervalMs`, holding every client whose state changed
 * meanwhile; the batch carries each client's latest state, so nothing is lost, only intermediate
 * states are skipped. A removal (a connection closed, a state timed out) is relayed at once with
 * whatever is waiting, so that people who left disappear at once.
 */

export const DEFAULT_AWARENESS_INTERVAL_MS = 50;

export interface AwarenessBatcher {
  /** Clients whose state changed; `removal` relays them, and anything waiting, right away. */
  changed(clients: readonly number[], removal: boolean): void;
  /** Drops what is waiting and stops the timer (the document is being unloaded). */
  cancel(): void;
}

export function createAwarenessBatcher(
  intervalMs: number,
  relay: (clients: number[]) => void,
  now: () => number = () => performance.now(),
): AwarenessBatcher {
  const waiting = new Set<number>();
  let timer: NodeJS.Timeout | null = null;
  let lastRelayAt = Number.NEGATIVE_INFINITY;

  function relayWaiting(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (waiting.size === 0) return;
    const clients = [...waiting];
    waiting.clear();
    lastRelayAt = now();
    relay(clients);
  }

  return {
    changed(clients, removal) {
      for (const client of clients) waiting.add(client);
      const dueIn = lastRelayAt + intervalMs - now();
      if (removal || dueIn <= 0) relayWaiting();
      else timer ??= setTimeout(relayWaiting, dueIn);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      waiting.clear();
    },
  };
}
