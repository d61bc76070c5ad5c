/**
 * Presence (`server/docs/presence.ts`) on its own: a real server-side y-protocols Awareness, and on
 * the other side clients that are real y-protocols Awarenesses on real Y.Docs, connected through
 * in-test HubConnections that apply what the server sends them. By default a client behaves like
 * the stock y-websocket provider: it sends every awareness change it sees, its own and the ones it
 * received (so it echoes other people's states back). Attackers encode with the same y-protocols
 * encoder, as a hostile script would.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { pino } from 'pino';
import { afterEach, describe, expect, test, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { parsePresence } from '../../../client/src/yjs/presence.ts';
import type { HubConnection } from '../../../server/docs/hubConnection.ts';
import {
  createDocPresence,
  type DocPresence,
  type PresenceLimits,
  type PresenceOutcome,
  RESERVED_MS,
} from '../../../server/docs/presence.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import { DocMessageType } from '../../../shared/protocol.ts';
import type { Principal } from '../../../shared/roles.ts';

const DOC = 'meeting:presence-test';

/** Any object state, as a stock client would publish it. */
type State = Record<string, unknown>;

interface ClientOptions {
  /** Sends every change it sees (stock y-websocket) rather than only its own (our SocketIOProvider). */
  echo?: boolean;
  /** A Y.Doc client id to use (an attacker reusing someone else's). */
  clientId?: number;
}

class TestClient implements HubConnection {
  readonly transport = 'websocket' as const;
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  /** Awareness updates the server sent, decoded: client id → state (null: removed). */
  readonly received: Array<Map<number, State | null>> = [];
  readonly outcomes: PresenceOutcome[] = [];

  constructor(
    readonly id: string,
    readonly principal: Principal,
    private readonly room: Room,
    options: ClientOptions = {},
  ) {
    if (options.clientId !== undefined) this.doc.clientID = options.clientId;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    const echo = options.echo ?? true;
    // y-websocket's _awarenessUpdateHandler (or our provider's, which sends its own state only).
    this.onUpdate = ({ added, updated, removed }: Changes) => {
      const changed = [...added, ...updated, ...removed];
      const toSend = echo ? changed : changed.filter((client) => client === this.doc.clientID);
      if (toSend.length > 0) this.sendUpdate(awarenessProtocol.encodeAwarenessUpdate(this.awareness, toSend));
    };
    this.awareness.on('update', this.onUpdate);
    room.clients.push(this);
    room.all.push(this);
  }
  private readonly onUpdate: (changes: Changes) => void;

  dispose(): void {
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  get clientId(): number {
    return this.doc.clientID;
  }
  publish(state: State | null): PresenceOutcome | undefined {
    const before = this.outcomes.length;
    this.awareness.setLocalState(state);
    return this.outcomes[before];
  }
  /** What y-protocols does every 15 s: the same state with the next clock. */
  renew(): PresenceOutcome | undefined {
    return this.publish(this.awareness.getLocalState());
  }
  sendUpdate(update: Uint8Array): PresenceOutcome {
    const outcome = this.room.presence.receive(this, update);
    this.outcomes.push(outcome);
    return outcome;
  }
  /** The latest state this client was sent for `client` (undefined: never mentioned). */
  lastSeen(client: number): State | null | undefined {
    for (let index = this.received.length - 1; index >= 0; index--) {
      const batch = this.received[index] as Map<number, State | null>;
      if (batch.has(client)) return batch.get(client);
    }
    return undefined;
  }
  mentions(client: number): number {
    return this.received.filter((batch) => batch.has(client)).length;
  }

  send(docName: string, message: Uint8Array): void {
    expect(docName).toBe(DOC);
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(DocMessageType.awareness);
    const update = decoding.readVarUint8Array(decoder);
    this.received.push(decodeStates(update));
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, 'server');
  }
  bufferedBytes(): number {
    return 0;
  }
  reportError(_docName: string, _code: ErrorCode, _message: string): void {}
  close(_reason: string): void {}
}

interface Changes {
  added: number[];
  updated: number[];
  removed: number[];
}

function decodeStates(update: Uint8Array): Map<number, State | null> {
  const decoder = decoding.createDecoder(update);
  const states = new Map<number, State | null>();
  const count = decoding.readVarUint(decoder);
  for (let index = 0; index < count; index++) {
    const client = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    states.set(client, JSON.parse(decoding.readVarString(decoder)));
  }
  return states;
}

/** An awareness update as a hostile script encodes it: any client id, clock and state. */
function forgedUpdate(entries: Array<{ client: number; clock: number; state: State | null }>): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  const states = new Map<number, State>();
  for (const { client, clock, state } of entries) {
    awareness.meta.set(client, { clock, lastUpdated: 0 });
    if (state) states.set(client, state);
  }
  const update = awarenessProtocol.encodeAwarenessUpdate(
    awareness,
    entries.map((entry) => entry.client),
    states,
  );
  awareness.destroy();
  return update;
}

interface Room {
  presence: DocPresence;
  /** Connected clients (the hub's ready connections). */
  clients: TestClient[];
  /** Every client ever made in this room, to dispose of. */
  all: TestClient[];
  refused: string[];
  cutOffs: number;
  logs: Array<{ level: number; msg: string; [key: string]: unknown }>;
  /** The time presence sees, in ms. */
  clock: { now: number };
  /** Leaves and forgets a client (what the hub does when a connection closes). */
  drop(client: TestClient): void;
}

const rooms: Room[] = [];
afterEach(() => {
  for (const room of rooms.splice(0)) {
    room.presence.destroy();
    for (const client of room.all) client.dispose();
  }
  vi.useRealTimers();
});

function createRoom(limits: PresenceLimits = {}, now?: () => number): Room {
  const clock = { now: 1_000_000 };
  const logs: Room['logs'] = [];
  const room: Room = {
    presence: undefined as unknown as DocPresence,
    clients: [],
    all: [],
    refused: [],
    cutOffs: 0,
    logs,
    clock,
    drop(client) {
      room.clients = room.clients.filter((other) => other !== client);
      room.presence.leave(client);
    },
  };
  const doc = new Y.Doc();
  room.presence = createDocPresence({
    docName: DOC,
    doc,
    send: (conn, message) => conn.send(DOC, message),
    readyConnections: () => room.clients,
    logger: pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) }),
    counters: {
      refused: (reason) => room.refused.push(reason),
      cutOff: () => room.cutOffs++,
    },
    now: now ?? (() => clock.now),
    // Relayed at once unless a test is about batching, so that each assertion sees what was sent.
    intervalMs: 0,
    ...limits,
  });
  rooms.push(room);
  return room;
}

let people = 0;
function person(name: string, role: Principal['role'] = 'analyst'): Principal {
  return { id: `user-${++people}`, name, role };
}

function client(room: Room, who: Principal, options?: ClientOptions): TestClient {
  return new TestClient(`conn-${++people}`, who, room, options);
}

/** Everything the server would send someone who joins now. */
function serverStates(room: Room): Map<number, State | null> {
  const states = new Map<number, State | null>();
  const messages: Uint8Array[] = [];
  const probe: HubConnection = {
    id: 'probe',
    transport: 'websocket',
    principal: person('Probe'),
    send: (_doc, message) => messages.push(message),
    bufferedBytes: () => 0,
    reportError: () => {},
    close: () => {},
  };
  room.presence.sendAllTo(probe);
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    for (const [client, state] of decodeStates(decoding.readVarUint8Array(decoder)))
      states.set(client, state);
  }
  return states;
}

describe('presence: identity comes from the session', () => {
  test('a forged name, role and user id are replaced by the signed-in identity; other fields are kept', () => {
    const room = createRoom();
    const viewer = person('Vera Viewer', 'viewer');
    const forger = client(room, viewer);
    const watcher = client(room, person('Wanda Watcher'));

    const outcome = forger.publish({
      user: { id: 'governor', name: 'The Governor', role: 'analyst', color: '#8a3ffc', title: 'Governor' },
      itemId: 'item-1',
      cursor: { anchor: { client: 1, clock: 2 }, head: { client: 1, clock: 3 } },
    });

    expect(outcome).toEqual({ ok: true });
    const seen = watcher.lastSeen(forger.clientId);
    expect(seen).toEqual({
      user: { id: viewer.id, name: 'Vera Viewer', role: 'viewer', color: '#8a3ffc' },
      itemId: 'item-1',
      cursor: { anchor: { client: 1, clock: 2 }, head: { client: 1, clock: 3 } },
    });
    // The web client shows the stamped identity.
    expect(parsePresence(seen)?.user).toMatchObject({ id: viewer.id, name: 'Vera Viewer', role: 'viewer' });
    expect(serverStates(room).get(forger.clientId)).toEqual(seen);
  });

  test('a colour that is not a plain colour is dropped, and a state without a user gets one', () => {
    const room = createRoom();
    const sender = client(room, person('Sam Sender'));
    const plain = client(room, person('Pat Plain'));
    const watcher = client(room, person('Wanda Watcher'));

    sender.publish({ user: { name: 'x', color: 'red;background:url(https://evil.example/)' } });
    plain.publish({ cursor: null });

    expect(watcher.lastSeen(sender.clientId)).toEqual({
      user: { id: sender.principal.id, name: 'Sam Sender', role: 'analyst' },
    });
    expect(watcher.lastSeen(plain.clientId)).toEqual({
      cursor: null,
      user: { id: plain.principal.id, name: 'Pat Plain', role: 'analyst' },
    });
    // Our client still shows a colourless peer, with its own colour for that person.
    expect(parsePresence(watcher.lastSeen(sender.clientId))?.user.color).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('presence: a connection sets only the client ids it introduced', () => {
  test("taking over another person's client id is refused and the victim's state is unchanged", () => {
    const room = createRoom();
    const victim = client(room, person('Alice Analyst'));
    const attacker = client(room, person('Vic Viewer', 'viewer'));
    const watcher = client(room, person('Wanda Watcher'));
    victim.publish({ user: { name: 'Alice', color: '#0f7b6c' }, itemId: 'a' });
    const victimState = watcher.lastSeen(victim.clientId);
    const victimClock = victim.awareness.meta.get(victim.clientId)?.clock ?? 0;

    const takeover = attacker.sendUpdate(
      forgedUpdate([
        { client: victim.clientId, clock: victimClock + 5, state: { user: { name: 'The Governor' } } },
      ]),
    );
    const removal = attacker.sendUpdate(
      forgedUpdate([{ client: victim.clientId, clock: victimClock + 6, state: null }]),
    );
    // What a stock client sends when it times someone out: skipped, not applied.
    const timeout = attacker.sendUpdate(
      forgedUpdate([{ client: victim.clientId, clock: victimClock, state: null }]),
    );

    expect(takeover).toMatchObject({ ok: false, code: 'forbidden', cutOff: false });
    expect(removal).toMatchObject({ ok: false, code: 'forbidden', cutOff: false });
    expect(timeout).toEqual({ ok: true });
    expect(serverStates(room).get(victim.clientId)).toEqual(victimState);
    expect(watcher.lastSeen(victim.clientId)).toEqual(victimState);
    // Nothing forged reached the victim's own client, so it has nothing to re-broadcast.
    expect(victim.mentions(victim.clientId)).toBe(0);
    expect(room.refused).toEqual(['forbidden', 'forbidden']);
    // The victim goes on as before.
    expect(victim.publish({ user: { name: 'Alice' }, itemId: 'b' })).toEqual({ ok: true });
    expect(watcher.lastSeen(victim.clientId)).toMatchObject({ itemId: 'b', user: { name: 'Alice Analyst' } });
  });

  test("in an update that mixes the sender's own state with a forged one, only its own applies", () => {
    const room = createRoom();
    const victim = client(room, person('Alice Analyst'));
    const attacker = client(room, person('Vic Viewer', 'viewer'));
    const watcher = client(room, person('Wanda Watcher'));
    victim.publish({ itemId: 'a' });

    const outcome = attacker.sendUpdate(
      forgedUpdate([
        { client: attacker.clientId, clock: 1, state: { itemId: 'mine' } },
        { client: victim.clientId, clock: 99, state: { itemId: 'forged' } },
      ]),
    );

    expect(outcome).toMatchObject({ ok: false, code: 'forbidden' });
    expect(watcher.lastSeen(attacker.clientId)).toMatchObject({ itemId: 'mine' });
    expect(watcher.lastSeen(victim.clientId)).toMatchObject({ itemId: 'a' });
  });

  test("stock clients' echoes of other people's states are skipped, never refused", () => {
    const room = createRoom();
    const clients = Array.from({ length: 4 }, (_, index) => client(room, person(`Person ${index}`)));
    for (let round = 0; round < 20; round++) {
      for (const each of clients) {
        room.clock.now += 1000;
        each.publish({ itemId: `item-${round}` });
      }
    }
    // Every client sent its own changes and echoed everybody else's (y-websocket's handler).
    const sent = clients.reduce((total, each) => total + each.outcomes.length, 0);
    expect(sent).toBeGreaterThan(80);
    expect(clients.flatMap((each) => each.outcomes).every((outcome) => outcome.ok)).toBe(true);
    expect(room.refused).toEqual([]);
    for (const each of clients) {
      expect(serverStates(room).get(each.clientId)).toMatchObject({
        itemId: 'item-19',
        user: each.principal,
      });
    }
  });

  test('the same person on a new connection takes over their client id (a reconnect the server has not noticed yet)', () => {
    const room = createRoom();
    const alice = person('Alice Analyst');
    const before = client(room, alice, { echo: false });
    const watcher = client(room, person('Wanda Watcher'));
    before.publish({ itemId: 'a' });

    const after = client(room, alice, { echo: false, clientId: before.clientId });
    for (let renewals = 0; renewals < 3; renewals++) before.awareness.setLocalState({ itemId: 'a' });
    const clock = before.awareness.meta.get(before.clientId)?.clock ?? 0;
    // Its unchanged state at the same clock changes nothing; its next change takes the id over.
    expect(
      after.sendUpdate(forgedUpdate([{ client: before.clientId, clock, state: { itemId: 'a' } }])),
    ).toEqual({
      ok: true,
    });
    const outcome = after.sendUpdate(
      forgedUpdate([{ client: before.clientId, clock: clock + 1, state: { itemId: 'b' } }]),
    );
    room.drop(before);

    expect(outcome).toEqual({ ok: true });
    expect(watcher.lastSeen(before.clientId)).toMatchObject({ itemId: 'b' });
    expect(serverStates(room).get(before.clientId)).toMatchObject({ itemId: 'b' });
  });
});

describe('presence: caps', () => {
  test('a connection may introduce a few client ids, no more', () => {
    const room = createRoom({ maxClientsPerConnection: 3 });
    const tab = client(room, person('Tab Owner'));
    const watcher = client(room, person('Wanda Watcher'));
    const ids = [11, 12, 13, 14, 15];

    const outcomes = ids.map((id) =>
      tab.sendUpdate(forgedUpdate([{ client: id, clock: 1, state: { n: id } }])),
    );

    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true, false, false]);
    expect(outcomes[3]).toMatchObject({ code: 'too_large', cutOff: false });
    expect([...serverStates(room).keys()].sort()).toEqual([11, 12, 13]);
    expect(watcher.mentions(14) + watcher.mentions(15)).toBe(0);
    // Its own ids stay its own: a renewal of one is accepted.
    expect(tab.sendUpdate(forgedUpdate([{ client: 12, clock: 2, state: { n: 'again' } }]))).toEqual({
      ok: true,
    });
  });

  test('a state over the byte cap is refused; one just under it is accepted', () => {
    const room = createRoom({ maxStateBytes: 2048 });
    const sender = client(room, person('Big Sender'));
    const watcher = client(room, person('Wanda Watcher'));
    const padding = (bytes: number) => 'x'.repeat(bytes - JSON.stringify({ pad: '' }).length);

    const over = sender.publish({ pad: padding(2049) });
    expect(over).toMatchObject({ ok: false, code: 'too_large', cutOff: false });
    expect(watcher.mentions(sender.clientId)).toBe(0);

    const under = sender.publish({ pad: padding(2048) });
    expect(under).toEqual({ ok: true });
    expect(watcher.lastSeen(sender.clientId)).toMatchObject({ pad: padding(2048) });
  });

  test('malformed updates are refused as invalid_payload, never thrown', () => {
    const room = createRoom({ maxRefusals: 100 });
    const sender = client(room, person('Mal Formed'));
    const good = forgedUpdate([{ client: 7, clock: 1, state: { a: 1 } }]);
    const withState = (json: string, client = 7) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, json);
      return encoding.toUint8Array(encoder);
    };
    // A state length that runs past the update into the bytes after it in the same buffer.
    const inBiggerBuffer = new Uint8Array(64).fill(0x20);
    inBiggerBuffer.set([1, 7, 1, 40, ...new TextEncoder().encode('{"a":1}')]);
    const cases = {
      empty: new Uint8Array(0),
      truncated: good.subarray(0, good.length - 2),
      trailing: new Uint8Array([...good, 0]),
      pastTheEnd: inBiggerBuffer.subarray(0, 11),
      notJson: withState('{"a":'),
      array: withState('[1,2]'),
      number: withState('42'),
      string: withState('"hello"'),
      notUtf8: (() => {
        const bytes = withState('{"a":"xx"}');
        bytes[bytes.length - 3] = 0xff;
        return bytes;
      })(),
      notAClientId: withState('{}', 2 ** 40),
      countTooHigh: new Uint8Array([0xff, 0xff, 0xff, 0x0f]),
    };

    for (const [name, update] of Object.entries(cases)) {
      const outcome = sender.sendUpdate(update);
      expect(outcome, name).toMatchObject({ ok: false, code: 'invalid_payload', cutOff: false });
    }
    expect(serverStates(room).size).toBe(0);
    expect(room.presence.stats().clocks).toBe(1); // the server's own, nobody else's
  });
});

describe('presence: floods are cut off', () => {
  test("the tester's flood of 10,000 new client ids is cut off after the cap; the server keeps only the cap", () => {
    const room = createRoom({ maxClientsPerConnection: 4, maxRefusals: 10 });
    const victim = client(room, person('Alice Analyst'));
    const attacker = client(room, person('Vic Viewer', 'viewer'), { echo: false });
    const colleague = client(room, person('Carl Colleague'));
    victim.publish({ itemId: 'a' });

    let sent = 0;
    let outcome: PresenceOutcome = { ok: true };
    for (let id = 1_000; id < 11_000 && !(!outcome.ok && outcome.cutOff); id++) {
      outcome = attacker.sendUpdate(
        forgedUpdate([{ client: id, clock: 1, state: { user: { name: `Ghost ${id}` } } }]),
      );
      sent++;
    }

    expect(outcome).toMatchObject({ ok: false, cutOff: true });
    // 4 accepted, 10 refused, the 11th refusal cuts it off.
    expect(sent).toBe(4 + 10 + 1);
    expect(room.cutOffs).toBe(1);
    const ghosts = [...serverStates(room).values()].filter(
      (state) => state?.user && (state.user as State).id === attacker.principal.id,
    );
    expect(ghosts.length).toBe(4);
    expect(room.presence.stats()).toMatchObject({ states: 4 + 1, clocks: 4 + 1 + 1 });
    // Once cut off, nothing more of it applies.
    expect(attacker.sendUpdate(forgedUpdate([{ client: 1, clock: 1, state: {} }]))).toMatchObject({
      cutOff: true,
    });
    const warnings = room.logs.filter((line) => line.msg === 'presence flood: connection cut off');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      level: 40,
      doc: DOC,
      conn: attacker.id,
      user: attacker.principal.id,
      updates: 15,
      refused: 11,
      clients: 4,
    });

    // The hub closes it; its ghosts go at once and the victim keeps receiving presence.
    room.drop(attacker);
    expect(victim.awareness.getStates().size).toBe(1);
    colleague.publish({ itemId: 'c' });
    expect(victim.lastSeen(colleague.clientId)).toMatchObject({ itemId: 'c', user: colleague.principal });
    expect(room.presence.stats()).toMatchObject({ states: 2, clocks: 3 });
  });

  test('one update naming 10,000 client ids is refused unread; one with 50 new ids is cut off; neither applies', () => {
    const room = createRoom({ maxClientsPerConnection: 4, maxRefusals: 10 });
    const watcher = client(room, person('Wanda Watcher'));
    const attacker = client(room, person('Vic Viewer', 'viewer'), { echo: false });
    const ghosts = (count: number) =>
      forgedUpdate(
        Array.from({ length: count }, (_, index) => ({ client: 5_000 + index, clock: 1, state: {} })),
      );

    // More clients than the document has (plus a few): junk, refused before decoding its entries.
    expect(attacker.sendUpdate(ghosts(10_000))).toMatchObject({
      ok: false,
      code: 'invalid_payload',
      cutOff: false,
    });
    // 4 would fit the cap, 46 are refused: a flood, and none of it applies.
    expect(attacker.sendUpdate(ghosts(50))).toMatchObject({ ok: false, cutOff: true });
    expect(room.presence.stats()).toMatchObject({ states: 0, clocks: 1 });
    expect(watcher.received).toHaveLength(0);
    expect(room.cutOffs).toBe(1);
  });

  test("a stock client's echo of a large room is accepted", () => {
    const room = createRoom();
    const room150 = Array.from({ length: 150 }, (_, index) =>
      client(room, person(`P${index}`), { echo: false }),
    );
    for (const each of room150) each.publish({ itemId: 'x' });
    const joining = client(room, person('Stock Joiner'));

    room.presence.sendAllTo(joining); // it applies all 150 and echoes them back in one update

    expect(joining.outcomes).toEqual([{ ok: true }]);
    expect(room.refused).toEqual([]);
  });

  test('an update rate past the limit is a flood, even for its own client id', () => {
    const room = createRoom({ maxUpdatesPerSecond: 30 });
    const attacker = client(room, person('Vic Viewer', 'viewer'));
    let sent = 0;
    for (; sent < 10_000; sent++) {
      room.clock.now += 1; // 1,000 updates per second
      const outcome = attacker.publish({ n: sent });
      if (outcome && !outcome.ok) break;
    }
    // A burst of two seconds' worth (60), plus what refills meanwhile (30/s over ~0.06 s).
    expect(sent).toBeGreaterThanOrEqual(60);
    expect(sent).toBeLessThan(70);
    expect(room.cutOffs).toBe(1);
    expect(attacker.outcomes.at(-1)).toMatchObject({ cutOff: true });
  });

  test("a stock client's renewal every 15 s for an hour is accepted and relayed", () => {
    const room = createRoom({ maxUpdatesPerSecond: 1, maxRefusals: 1 });
    const stock = client(room, person('Stock Client'));
    const watcher = client(room, person('Wanda Watcher'));
    stock.publish({ user: { name: 'Stock', color: '#1f5fbf' } });
    const before = watcher.mentions(stock.clientId);

    for (let renewal = 0; renewal < 240; renewal++) {
      room.clock.now += 15_000;
      expect(stock.renew()).toEqual({ ok: true });
    }

    expect(watcher.mentions(stock.clientId) - before).toBe(240);
    expect(room.refused).toEqual([]);
    expect(room.cutOffs).toBe(0);
  });
});

describe('presence: leaving', () => {
  test("leave removes exactly that connection's client ids, at once", () => {
    // A long batching interval: only a removal that skips it arrives before the assertions.
    const room = createRoom({ intervalMs: 60_000 });
    const leaving = client(room, person('Lee Leaving'));
    const staying = client(room, person('Stan Staying'));
    leaving.publish({ itemId: 'a' });
    room.clock.now += 60_000;
    leaving.sendUpdate(forgedUpdate([{ client: 4242, clock: 1, state: { itemId: 'second tab' } }]));
    room.clock.now += 60_000;
    staying.publish({ itemId: 'b' });
    const receivedBefore = staying.received.length;

    room.drop(leaving); // no timer runs between the leave and the assertions

    expect(staying.received.length).toBe(receivedBefore + 1);
    expect(staying.received.at(-1)).toEqual(
      new Map([
        [leaving.clientId, null],
        [4242, null],
      ]),
    );
    expect([...staying.awareness.getStates().keys()]).toEqual([staying.clientId]);
    expect([...serverStates(room).keys()]).toEqual([staying.clientId]);
    expect(room.presence.stats()).toMatchObject({ states: 1, clocks: 2, reserved: 2, connections: 1 });
  });

  test('a departed id: a late echo does not bring it back, nobody else may take it, its owner may', () => {
    const room = createRoom();
    const alice = person('Alice Analyst');
    const leaving = client(room, alice, { echo: false });
    const echoing = client(room, person('Eve Echo'));
    const watcher = client(room, person('Wanda Watcher'));
    leaving.publish({ itemId: 'a' });
    const clock = leaving.awareness.meta.get(leaving.clientId)?.clock ?? 0;
    const lastState = echoing.lastSeen(leaving.clientId) as State;
    room.drop(leaving);

    // Sent before the echoing client heard of the removal.
    const echo = echoing.sendUpdate(forgedUpdate([{ client: leaving.clientId, clock, state: lastState }]));
    const squat = echoing.sendUpdate(
      forgedUpdate([{ client: leaving.clientId, clock: clock + 1, state: {} }]),
    );
    expect(echo).toEqual({ ok: true });
    expect(squat).toMatchObject({ ok: false, code: 'forbidden' });
    expect(serverStates(room).has(leaving.clientId)).toBe(false);

    // Alice's tab reconnects with the same client id and the same state (same clock): shown at once.
    const back = client(room, alice, { echo: false, clientId: leaving.clientId });
    expect(
      back.sendUpdate(forgedUpdate([{ client: leaving.clientId, clock, state: { itemId: 'a' } }])),
    ).toEqual({
      ok: true,
    });
    expect(watcher.lastSeen(leaving.clientId)).toMatchObject({ itemId: 'a', user: alice });

    // After the reservation, the id is nobody's any more.
    room.drop(back);
    room.clock.now += RESERVED_MS;
    const later = client(room, person('Lou Later'));
    expect(
      later.sendUpdate(forgedUpdate([{ client: leaving.clientId, clock: clock + 2, state: {} }])),
    ).toEqual({
      ok: true,
    });
  });
});

describe('presence: batching', () => {
  test('the first change goes out at once, later ones together after the interval, never back to their sender', () => {
    vi.useFakeTimers();
    const room = createRoom({ intervalMs: 200 }, () => Date.now());
    const watcher = client(room, person('Wanda Watcher'), { echo: false });
    const publishers = Array.from({ length: 10 }, (_, index) =>
      client(room, person(`P${index}`), { echo: false }),
    );

    for (const [index, publisher] of publishers.entries()) publisher.publish({ itemId: `item-${index}` });
    expect(watcher.received).toHaveLength(1);
    expect([...(watcher.received[0] as Map<number, State | null>).keys()]).toEqual([publishers[0]?.clientId]);
    vi.advanceTimersByTime(199);
    expect(watcher.received).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(watcher.received).toHaveLength(2);
    expect(watcher.awareness.getStates().size).toBe(11);
    // The first publisher was not sent its own state, only the batch with the nine others.
    const first = publishers[0] as TestClient;
    expect(first.mentions(first.clientId)).toBe(0);
    expect(first.awareness.getStates().size).toBe(10);
  });

  test('someone who joins is sent everyone else, none of their own', () => {
    const room = createRoom();
    const a = client(room, person('Ann'));
    const b = client(room, person('Ben'));
    a.publish({ itemId: 'a' });
    b.publish({ itemId: 'b' });
    const before = a.received.length;
    room.presence.sendAllTo(a);
    expect(a.received.length).toBe(before + 1);
    expect([...(a.received.at(-1) as Map<number, State | null>).keys()]).toEqual([b.clientId]);
  });
});
