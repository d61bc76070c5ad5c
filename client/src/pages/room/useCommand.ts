/**
 * Runs one command at a time for a group of buttons: `busy` while it is in flight (the buttons
 * disable themselves), then the server's refusal as `error` until the next command or `clear()`.
 * Nothing is sent while the tab is offline: socket.io would buffer the emit and deliver it on
 * reconnect, long after the person gave up on it (a "Close meeting" arriving minutes later).
 */
import { useCallback, useRef, useState } from 'react';
import type { ErrorBody, ErrorResponse } from '../../../../shared/errors.ts';
import { CommandNotSent, type CommandSocket } from '../../api/meetingCommands.ts';
import { errorText } from '../../i18n/errorText.ts';
import { i18next } from '../../i18n/i18n.ts';
import { getProvider } from '../../yjs/connection.ts';

/** Read when a command fails, so the message is in the language of that moment. */
const text = (key: 'offline' | 'busy' | 'noAnswer'): string => i18next.t(`room:command.${key}`);

export interface CommandError {
  /** `network`: not sent, or no answer; `busy`: another command of this group is in flight. */
  code: ErrorBody['code'] | 'network' | 'busy';
  /** In the reader's language (a server refusal through `errorText`). */
  message: string;
}

export type CommandResult<T> = { ok: true; answer: T } | { ok: false; error: CommandError };

export interface CommandRunner {
  busy: boolean;
  error: CommandError | null;
  /** Sends the command; resolves to the server's answer, or why there is none. Never rejects. */
  run<T extends object>(
    send: (socket: CommandSocket) => Promise<T | ErrorResponse>,
  ): Promise<CommandResult<T>>;
  clear(): void;
}

export function useCommand(): CommandRunner {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const inFlight = useRef(false);

  const run = useCallback(
    async <T extends object>(
      send: (socket: CommandSocket) => Promise<T | ErrorResponse>,
    ): Promise<CommandResult<T>> => {
      if (inFlight.current) return { ok: false, error: { code: 'busy', message: text('busy') } };
      const socket = getProvider().socket;
      const fail = (error: CommandError): CommandResult<T> => {
        setError(error);
        return { ok: false, error };
      };
      if (!socket.connected) return fail({ code: 'network', message: text('offline') });
      inFlight.current = true;
      setBusy(true);
      setError(null);
      try {
        const answer = await send(socket);
        if ('error' in answer) return fail({ code: answer.error.code, message: errorText(answer.error) });
        return { ok: true, answer };
      } catch (error) {
        // Not sent at all (the connection dropped an instant ago), or sent and never answered.
        return fail({
          code: 'network',
          message: error instanceof CommandNotSent ? text('offline') : text('noAnswer'),
        });
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [],
  );
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
