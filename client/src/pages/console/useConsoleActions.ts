/**
 * The chair's meeting commands, once, for the keys and the buttons alike: each names the item on
 * this console (`expectedItemId`), so a press that crossed someone else's is refused as `stale` and
 * nothing moves twice. One command at a time; the refusal stays until the next command.
 */

import { useRef, useState } from 'react';
import type { CommandAck } from '../../../../shared/meetingCommands.ts';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import { type MeetingLiveState, MeetingPhase } from '../../../../shared/meetingLive.ts';
import type { ScreenState, SinceSpan } from '../../../../shared/screenControl.ts';
import {
  type CommandSocket,
  changeScreen,
  closeMeeting,
  extendTimer,
  goToItem,
  pauseTimer,
  startMeeting,
  startTimer,
} from '../../api/meetingCommands.ts';
import { type CommandRunner, useCommand } from '../room/useCommand.ts';

/** The E key's extension. */
export const EXTEND_MINUTES = 5;

export interface ConsoleActions {
  command: CommandRunner;
  /** The last press came while another command was on its way, so it was not sent. */
  dropped: boolean;
  canNext: boolean;
  canPrevious: boolean;
  /** The current item has a timer to pause or resume. */
  hasTimer: boolean;
  running: boolean;
  start(): void;
  close(): void;
  next(): void;
  previous(): void;
  toggleTimer(): void;
  extend(): void;
  /** As the chair: which indicator is large and how far back "change since" looks. */
  show(indicatorId: string | null, since: SinceSpan): void;
  hand(to: { id: string; name: string }): void;
  takeBack(): void;
}

export function useConsoleActions(
  meetingId: string,
  live: MeetingLiveState,
  items: AgendaItem[],
  screen: ScreenState,
  enabled: boolean,
): ConsoleActions {
  const command = useCommand();
  const [dropped, setDropped] = useState(false);
  // One command at a time, and one press may wait behind it: the live state shows the new item an
  // instant before the answer arrives, so a quick chair's next key is sent once the answer is in.
  // A third press meanwhile is not sent, and the console says so.
  const queue = useRef<{ tail: Promise<unknown>; waiting: number }>({ tail: Promise.resolve(), waiting: 0 });
  const send = (go: Parameters<CommandRunner['run']>[0]) => {
    const line = queue.current;
    if (line.waiting >= 2) {
      setDropped(true);
      return;
    }
    line.waiting += 1;
    line.tail = line.tail
      .then(() => command.run(go))
      .then((result) => setDropped(!result.ok && result.error.code === 'busy'))
      .finally(() => {
        line.waiting -= 1;
      });
  };
  const isLive = enabled && live.phase === MeetingPhase.live;
  const itemId = live.currentItemId;
  const index = itemId === null ? -1 : items.findIndex((item) => item.id === itemId);
  const timing = itemId === null ? undefined : live.timings[itemId];
  const running = timing?.runningSince != null;

  // Every item command needs the item this console shows; without one there is nothing to send.
  const onItem = (run: (socket: CommandSocket, id: string) => Promise<CommandAck>) => {
    if (!isLive || itemId === null) return;
    send((socket) => run(socket, itemId));
  };

  return {
    command,
    dropped,
    canNext: isLive && index >= 0 && index < items.length - 1,
    canPrevious: isLive && index > 0,
    hasTimer: isLive && timing !== undefined,
    running,
    start: () => {
      if (enabled && live.phase === MeetingPhase.draft && items.length > 0)
        send((socket) => startMeeting(socket, meetingId));
    },
    close: () => {
      if (isLive) send((socket) => closeMeeting(socket, meetingId));
    },
    next: () => {
      if (index >= 0 && index < items.length - 1)
        onItem((socket, id) => goToItem(socket, meetingId, id, 'next'));
    },
    previous: () => {
      if (index > 0) onItem((socket, id) => goToItem(socket, meetingId, id, 'previous'));
    },
    toggleTimer: () => {
      if (!timing) return;
      onItem((socket, id) =>
        running ? pauseTimer(socket, meetingId, id) : startTimer(socket, meetingId, id),
      );
    },
    extend: () => {
      if (timing) onItem((socket, id) => extendTimer(socket, meetingId, id, EXTEND_MINUTES));
    },
    show: (indicatorId, since) =>
      onItem((socket, id) =>
        changeScreen(socket, meetingId, {
          action: 'show',
          expectedItemId: id,
          as: 'chair',
          indicatorId,
          since,
        }),
      ),
    hand: (to) =>
      onItem((socket, id) => changeScreen(socket, meetingId, { action: 'hand', expectedItemId: id, to })),
    takeBack: () => {
      if (screen.driver !== null)
        onItem((socket, id) => changeScreen(socket, meetingId, { action: 'takeBack', expectedItemId: id }));
    },
  };
}
