/**
 * Presence (y-protocols awareness) of one document, kept by the server so that it cannot be forged
 * or flooded. y-protocols itself lets any client set or remove any client id's state with any
 * content; here:
 *
 * - A connection owns the client ids it introduced, at most `maxClientsPerConnection`; ids are
 *   never shared. Stock y-websocket clients echo every state they receive back to the server, so an
 *   entry for someone else's id that changes nothing (clock not newer) is an echo and is skipped
 *   silently; one that would change it is refused (`forbidden`). The same person's new connection
 *   takes its id over (a tab that reconnected before the server noticed its old connection died).
 * - The `user` a state shows is stamped from the signed-in session (presenceEntries.ts), and a
 *   state is at most `maxStateBytes` of JSON.
 * - An update refused in part still applies its other entries (a stock client's update mixes its
 *   own state with echoes); a malformed update is refused whole.
 * - Past `maxUpdatesPerSecond` sustained, or more than `maxRefusals` refusals in a short while, the
 *   connection is cut off: nothing more of it applies, the hub closes it, it is logged once and counted.
 * - Memory is bounded by construction: states and clocks only for owned ids (ids × connections), and
 *   a departed id's clock is remembered (bounded, for `RESERVED_MS`) so that a late echo cannot bring
 *   it back and nobody else can take it while its owner reconnects.
 *
 * Changes are relayed in batches (awarenessBatcher.ts), never back to the connection that made them.
 */
import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { ErrorCode } from '../../shared/errors.ts';
import type { Logger } from '../logger.ts';
import { createAwarenessBatcher, DEFAULT_AWARENESS_INTERVAL_MS } from './awarenessBatcher.ts';
import type { HubConnection } from './hubConnection.ts';
import {
  AwarenessFormatError,
  type PresenceState,
  readAwarenessEntries,
  stampIdentity,
  writeAwarenessEntries,
} from './presenceEntries.ts';
import { encodeAwareness } from './syncMessages.ts';

export interface PresenceLimits {
  /** Awareness client ids one connection may introduce (a tab has one; a few more for reloads). */
  maxClientsPerConnection?: number;
  /** JSON bytes of one client's state. */
  maxStateBytes?: number;
  /** Sustained updates per second per connection (a burst of twice this is allowed) before it is a flood. */
  maxUpdatesPerSecond?: number;
  /** Refusals a connection may collect (one more per second) before it is a flood. */
  maxRefusals?: number;
  /** Batching interval of relayed changes. */
  intervalMs?: number;
}

export const DEFAULT_PRESENCE_LIMITS: Required<PresenceLimits> = {
  maxClientsPerConnection: 4,
  maxStateBytes: 2048,
  // A y-prosemirror selection drag updates presence at the display's rate (60/s); a stock client
  // renews every 15 s.
  maxUpdatesPerSecond: 60,
  maxRefusals: 10,
  intervalMs: DEFAULT_AWARENESS_INTERVAL_MS,
};

/** How long a departed client id stays reserved for the person who had it (y-protocols' own timeout). */
export const RESERVED_MS = 30_000;
/** Departed ids remembered at most (oldest forgotten first): bounds memory under connect/leave churn. */
const MAX_RESERVED = 4096;
/** Entries an update may name beyond the clients the server knows (ones it has already forgotten). */
const SLACK_ENTRIES = 64;
/** A flood's burst allowance, in seconds of the sustained rate. */
const BURST_SECONDS = 2;

export type PresenceOutcome = { ok: true } | { ok: false; code: ErrorCode; message: string; cutOff: boolean };

export interface DocPresence {
  /** One awareness update (the y-protocols awareness body, after the message type) from a connection. */
  receive(conn: HubConnection, update: Uint8Array): PresenceOutcome;
  /** Everyone's current presence, to a connection that just joined or asked (none of its own). */
  sendAllTo(conn: HubConnection): void;
  /** The connection left: its client ids are removed and the removal goes out at once. */
  leave(conn: HubConnection): void;
  /** What the server holds, for tests and metrics. */
  stats(): { states: number; clocks: number; reserved: number; connections: number };
  destroy(): void;
}

export interface DocPresenceOptions extends PresenceLimits {
  docName: string;
  doc: Y.Doc;
  /** A whole doc message (awareness type + body). */
  send: (conn: HubConnection, message: Uint8Array) => void;
  /** Who to relay to. */
  readyConnections: () => Iterable<HubConnection>;
  logger: Logger;
  counters: { refused(reason: string): void; cutOff(): void };
  /** Milliseconds, monotonic; tests drive it. */
  now?: () => number;
}

/** A budget of events: refills at `perSecond` up to `capacity` (the burst allowed). */
class TokenBucket {
  private tokens: number;
  private at: number;
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.at = now;
  }
  /** Takes `count` tokens; false when there were not enough (the bucket is then empty). */
  take(count: number, now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    this.tokens -= count;
    if (this.tokens >= 0) return true;
    this.tokens = 0;
    return false;
  }
}

/** One connection's presence on this document. */
interface Peer {
  readonly conn: HubConnection;
  readonly ids: Set<number>;
  readonly updates: TokenBucket;
  readonly refusals: TokenBucket;
  received: number;
  refused: number;
  warned: boolean;
  cutOff: boolean;
}

interface Refusal {
  code: ErrorCode;
  message: string;
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

export function createDocPresence(options: DocPresenceOptions): DocPresence {
  const { docName, send, readyConnections, logger, counters } = options;
  const defaults = DEFAULT_PRESENCE_LIMITS;
  const limits: Required<PresenceLimits> = {
    maxClientsPerConnection: options.maxClientsPerConnection ?? defaults.maxClientsPerConnection,
    maxStateBytes: options.maxStateBytes ?? defaults.maxStateBytes,
    maxUpdatesPerSecond: options.maxUpdatesPerSecond ?? defaults.maxUpdatesPerSecond,
    maxRefusals: options.maxRefusals ?? defaults.maxRefusals,
    intervalMs: options.intervalMs ?? defaults.intervalMs,
  };
  const now = options.now ?? (() => performance.now());

  const awareness = new Awareness(options.doc);
  // The server publishes no presence of its own.
  awareness.setLocalState(null);
  const peers = new Map<HubConnection, Peer>();
  const owners = new Map<number, Peer>();
  /** Departed ids: whose they were and their last clock. Insertion order is age order. */
  const reserved = new Map<number, { userId: string; clock: number; at: number }>();
  /** For changes waiting in the batcher: the connection that made them (not echoed back to it). */
  const sources = new Map<number, HubConnection>();
  const batcher = createAwarenessBatcher(limits.intervalMs, relay, now);

  // Origins: a HubConnection for its own changes; y-protocols' strings ('timeout', 'local') otherwise.
  const onUpdate = ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const source = typeof origin === 'object' && origin !== null ? (origin as HubConnection) : undefined;
    for (const client of changed) {
      if (source) sources.set(client, source);
      else sources.delete(client);
    }
    batcher.changed(changed, removed.length > 0);
  };
  awareness.on('update', onUpdate);

  function relay(clients: number[]): void {
    // Every batched client has a clock (a departed one's is dropped only after its removal went out).
    const known = clients.filter((client) => awareness.meta.has(client));
    let forEveryone: Uint8Array | null = null;
    for (const conn of readyConnections()) {
      const others = known.filter((client) => sources.get(client) !== conn);
      if (others.length === 0) continue;
      if (others.length < known.length) {
        send(conn, encodeAwareness(awareness, others));
        continue;
      }
      forEveryone ??= encodeAwareness(awareness, known);
      send(conn, forEveryone);
    }
    for (const client of clients) sources.delete(client);
  }

  function peerOf(conn: HubConnection): Peer {
    let peer = peers.get(conn);
    if (!peer) {
      const at = now();
      peer = {
        conn,
        ids: new Set(),
        updates: new TokenBucket(limits.maxUpdatesPerSecond * BURST_SECONDS, limits.maxUpdatesPerSecond, at),
        refusals: new TokenBucket(limits.maxRefusals, 1, at),
        received: 0,
        refused: 0,
        warned: false,
        cutOff: false,
      };
      peers.set(conn, peer);
    }
    return peer;
  }

  function reservation(clientId: number) {
    const held = reserved.get(clientId);
    if (held && now() - held.at >= RESERVED_MS) {
      reserved.delete(clientId);
      return undefined;
    }
    return held;
  }

  function reserve(clientId: number, userId: string, clock: number): void {
    const at = now();
    reserved.delete(clientId);
    reserved.set(clientId, { userId, clock, at });
    for (const [oldest, held] of reserved) {
      if (reserved.size <= MAX_RESERVED && at - held.at < RESERVED_MS) break;
      reserved.delete(oldest);
    }
  }

  function cutOff(peer: Peer, why: string): PresenceOutcome {
    peer.cutOff = true;
    const { conn } = peer;
    logger.warn(
      {
        doc: docName,
        conn: conn.id,
        user: conn.principal.id,
        why,
        updates: peer.received,
        refused: peer.refused,
        clients: peer.ids.size,
      },
      'presence flood: connection cut off',
    );
    counters.cutOff();
    return cutOffOutcome(why);
  }

  function refuse(peer: Peer, refusal: Refusal, count: number): PresenceOutcome {
    peer.refused += count;
    counters.refused(refusal.code);
    const { conn } = peer;
    const fields = { doc: docName, conn: conn.id, user: conn.principal.id, code: refusal.code, count };
    // Once per connection at warn; a connection that goes on is cut off after a few more.
    if (peer.warned) logger.debug(fields, `presence refused: ${refusal.message}`);
    else logger.warn(fields, `presence refused: ${refusal.message}`);
    peer.warned = true;
    return { ok: false, code: refusal.code, message: refusal.message, cutOff: false };
  }

  function receive(conn: HubConnection, update: Uint8Array): PresenceOutcome {
    const peer = peerOf(conn);
    if (peer.cutOff) return cutOffOutcome('already cut off');
    peer.received++;
    const at = now();
    if (!peer.updates.take(1, at)) {
      return cutOff(peer, `more than ${limits.maxUpdatesPerSecond} presence updates per second`);
    }
    const userId = conn.principal.id;
    const accepted: Array<{ clientId: number; clock: number; state: PresenceState | null }> = [];
    const claimed = new Set<number>();
    const refused: { first: Refusal | null; count: number } = { first: null, count: 0 };
    const refuseEntry = (code: ErrorCode, message: string) => {
      refused.first ??= { code, message };
      refused.count++;
    };
    const tooLarge = `a presence state is ${limits.maxStateBytes} bytes at most`;
    try {
      // A stock client's update names at most everyone the server knows of (it echoes what it was
      // sent) plus its own: a longer one is junk, refused before it costs a decode per entry.
      const maxEntries = owners.size + reserved.size + limits.maxClientsPerConnection + SLACK_ENTRIES;
      for (const entry of readAwarenessEntries(update, { maxStateBytes: limits.maxStateBytes, maxEntries })) {
        const { clientId, clock } = entry;
        const owner = owners.get(clientId);
        if (owner === peer || claimed.has(clientId)) {
          if (entry.kind === 'tooLarge') refuseEntry(ErrorCode.tooLarge, tooLarge);
          else
            accepted.push({
              clientId,
              clock,
              state: entry.state && stampIdentity(entry.state, conn.principal),
            });
          continue;
        }
        const held = owner ? undefined : reservation(clientId);
        const holder = owner ? owner.conn.principal.id : held?.userId;
        const current = owner ? (awareness.meta.get(clientId)?.clock ?? 0) : held?.clock;
        // An echo (stock clients send back every state they receive), or the removal of a client
        // nobody holds: it would change nothing, so it is skipped, not refused. A stock client that
        // reconnects sends its unchanged state again, at the clock its departed entry had.
        const reclaim = held !== undefined && holder === userId;
        if (current !== undefined && (clock < current || (clock === current && !reclaim))) continue;
        if (!owner && entry.kind === 'state' && entry.state === null) continue;
        if (clientId === awareness.clientID || (holder !== undefined && holder !== userId)) {
          refuseEntry(ErrorCode.forbidden, `client ${clientId} is someone else's presence`);
        } else if (peer.ids.size + claimed.size >= limits.maxClientsPerConnection) {
          refuseEntry(
            ErrorCode.tooLarge,
            `a connection may publish presence for ${limits.maxClientsPerConnection} clients at most`,
          );
        } else if (entry.kind === 'tooLarge') {
          refuseEntry(ErrorCode.tooLarge, tooLarge);
        } else {
          // New, or the same person's from another connection (handed over).
          claimed.add(clientId);
          accepted.push({
            clientId,
            clock,
            state: entry.state && stampIdentity(entry.state, conn.principal),
          });
        }
        // Enough to know it is a flood: stop decoding (nothing of this update applies).
        if (refused.count > limits.maxRefusals) break;
      }
    } catch (error) {
      if (!(error instanceof AwarenessFormatError)) throw error;
      const refusal = { code: ErrorCode.invalidPayload, message: error.message };
      if (!peer.refusals.take(1, at)) return floodOfRefusals(peer, refusal);
      return refuse(peer, refusal, 1);
    }
    if (refused.first && !peer.refusals.take(refused.count, at)) return floodOfRefusals(peer, refused.first);
    for (const clientId of claimed) {
      owners.get(clientId)?.ids.delete(clientId);
      owners.set(clientId, peer);
      peer.ids.add(clientId);
      reserved.delete(clientId);
    }
    if (accepted.length > 0) applyAwarenessUpdate(awareness, writeAwarenessEntries(accepted), conn);
    if (refused.first) return refuse(peer, refused.first, refused.count);
    return { ok: true };
  }

  function floodOfRefusals(peer: Peer, last: Refusal): PresenceOutcome {
    peer.refused++;
    counters.refused(last.code);
    return cutOff(peer, `more than ${limits.maxRefusals} presence refusals (last: ${last.message})`);
  }

  function sendAllTo(conn: HubConnection): void {
    const clients = [...awareness.getStates().keys()].filter((client) => owners.get(client)?.conn !== conn);
    if (clients.length > 0) send(conn, encodeAwareness(awareness, clients));
  }

  function leave(conn: HubConnection): void {
    const peer = peers.get(conn);
    if (!peer) return;
    peers.delete(conn);
    const ids = [...peer.ids];
    for (const clientId of ids) owners.delete(clientId);
    // Goes out at once (a removal is never batched), so others do not see a ghost until it times out.
    removeAwarenessStates(
      awareness,
      ids.filter((clientId) => awareness.states.has(clientId)),
      conn,
    );
    for (const clientId of ids) {
      const meta = awareness.meta.get(clientId);
      if (meta) reserve(clientId, conn.principal.id, meta.clock);
      awareness.meta.delete(clientId);
    }
  }

  return {
    receive,
    sendAllTo,
    leave,
    stats: () => ({
      states: awareness.getStates().size,
      clocks: awareness.meta.size,
      reserved: reserved.size,
      connections: peers.size,
    }),
    destroy() {
      batcher.cancel();
      awareness.off('update', onUpdate);
      awareness.destroy();
      peers.clear();
      owners.clear();
      reserved.clear();
      sources.clear();
    },
  };
}

function cutOffOutcome(why: string): PresenceOutcome {
  return {
    ok: false,
    code: ErrorCode.tooLarge,
    message: `Presence flood (${why}): the connection is closed`,
    cutOff: true,
  };
}
