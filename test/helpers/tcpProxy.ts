/**
 * A TCP proxy in front of a test server whose network can die silently: `freeze()` stops moving
 * bytes both ways and delivers no FIN or RST, as when Wi-Fi drops or a laptop lid closes mid-meeting.
 * Clients connect to the proxy's port instead of the server's; nothing in them is patched.
 */
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** `http://127.0.0.1:<proxy port>` */
  url: string;
  /** Stops forwarding, for open and new connections alike; nothing is closed or refused. */
  freeze(): void;
  /** Forwards again: whatever was held back (bytes, closes, new connections) goes through. */
  thaw(): void;
  /** Cuts every open connection at once, as a reset would; new ones go through. */
  reset(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, host = '127.0.0.1'): Promise<TcpProxy> {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  /** What happened while frozen and must happen on thaw (connecting, closing). */
  let held: Array<() => void> = [];
  const whenThawed = (action: () => void) => {
    if (frozen) held.push(action);
    else action();
  };

  function forward(from: net.Socket, to: net.Socket): void {
    from.on('data', (chunk) => {
      if (!to.write(chunk)) from.pause();
    });
    to.on('drain', () => {
      if (!frozen) from.resume();
    });
    from.on('end', () => whenThawed(() => to.end()));
    from.on('close', () => whenThawed(() => to.destroy()));
    from.on('error', () => {});
  }

  function connect(client: net.Socket): void {
    if (client.destroyed) return;
    // Only now under freeze()/thaw(): a socket resumed before it is forwarded would lose its bytes.
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const upstream = net.connect(targetPort, host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    forward(client, upstream);
    forward(upstream, client);
    client.resume();
  }

  const waiting = new Set<net.Socket>();
  const server = net.createServer((client) => {
    client.pause();
    waiting.add(client);
    client.on('close', () => waiting.delete(client));
    whenThawed(() => {
      waiting.delete(client);
      connect(client);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    url: `http://${host}:${port}`,
    freeze() {
      frozen = true;
      for (const socket of sockets) socket.pause();
    },
    thaw() {
      frozen = false;
      for (const socket of sockets) socket.resume();
      const actions = held;
      held = [];
      for (const action of actions) action();
    },
    reset() {
      for (const socket of sockets) socket.resetAndDestroy();
    },
    close() {
      frozen = false;
      held = [];
      for (const socket of [...sockets, ...waiting]) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
