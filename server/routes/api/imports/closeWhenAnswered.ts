/**
 * Closes the connection of a request whose body was left unread (refused, too large, past the row
 * cap) once the answer is out, instead of letting Node read the rest off the wire to reuse it.
 * Politely: the answer first, then our half of the connection (the client sees the end of the
 * answer and the close), and the socket itself only after a grace period, so that closing with
 * unread bytes (a TCP reset) cannot overtake the answer on its way to the client.
 */
import type { Request, Response } from 'express';

export const CLOSE_GRACE_MS = 2_000;

export function closeWhenAnswered(req: Request, res: Response): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
  const socket = req.socket;
  // Not reading the body any more: what the client still sends waits in the kernel's buffers.
  req.pause();
  res.once('finish', () => {
    socket.end();
    setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
  });
}
