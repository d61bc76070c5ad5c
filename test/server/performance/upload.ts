/**
 * Streams a large request body to a test server the way a hostile client would: chunk after chunk,
 * with backpressure, and on after the server has answered, until the whole body is sent or the
 * server closes the connection. Reports what was sent when the answer came and how many bytes the
 * server's socket really read off the wire.
 */
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import type { TestServer } from '../../helpers/server.ts';

export interface StreamedUpload {
  status: number;
  /** The answer's `Connection` header: `close` tells the client the server reads no more. */
  connection: string | undefined;
  body: string;
  /** Bytes the client had written when the answer's status line arrived. */
  sentWhenAnswered: number;
  /** Bytes the client meant to send. */
  totalBytes: number;
  /** Bytes the server's socket read, counted once it closed. */
  serverBytesRead: number;
}

export async function streamUpload(
  server: TestServer,
  options: {
    path: string;
    headers: Record<string, string>;
    head: string;
    chunk: Buffer;
    totalBytes: number;
  },
): Promise<StreamedUpload> {
  const serverSocket = new Promise<Socket>((resolve) => server.app.httpServer.once('connection', resolve));
  let sent = 0;
  let sentWhenAnswered = -1;
  let stopped = false;
  // A connection of its own, kept alive as browsers and fetch do (`agent: false` would ask the
  // server to close it, hiding whether the server would have read on).
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const answer = new Promise<{ status: number; connection: string | undefined; body: string }>(
    (resolve, reject) => {
      const req = request(`${server.url}${options.path}`, {
        method: 'POST',
        headers: options.headers,
        agent,
      });
      req.on('response', (res) => {
        sentWhenAnswered = sent;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (text: string) => {
          body += text;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }),
        );
        res.on('error', reject);
      });
      // The server closing the connection is how a refused upload ends; only an error before the
      // answer is a failure.
      req.on('error', (error) => {
        stopped = true;
        if (sentWhenAnswered < 0) reject(error);
      });
      req.on('close', () => {
        stopped = true;
      });
      const pump = () => {
        while (!stopped && sent < options.totalBytes) {
          const next = sent === 0 ? Buffer.from(options.head) : options.chunk;
          // Exactly `totalBytes`, so that a declared Content-Length is honest.
          const piece = next.subarray(0, options.totalBytes - sent);
          sent += piece.length;
          if (!req.write(piece)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!stopped) req.end();
      };
      pump();
    },
  );
  const result = await answer.finally(() => agent.destroy());
  const socket = await serverSocket;
  if (!socket.destroyed) {
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      setTimeout(resolve, 15_000).unref();
    });
  }
  return { ...result, sentWhenAnswered, totalBytes: options.totalBytes, serverBytesRead: socket.bytesRead };
}
