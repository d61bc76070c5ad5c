/**
 * A meeting as it runs, read from its two live documents and never copied: the agenda
 * (`meeting:<id>`) and the live state (`meetingLive:<id>`: phase, timings, pinned data, who drives
 * the big screen). One hook for the meeting page, the chair's console and the big screen.
 */
import type * as Y from 'yjs';
import { DocKind, meetingLiveDocName } from '../../../../shared/docNames.ts';
import { allRoots } from '../../../../shared/docShapes.ts';
import { type AgendaItem, meetingDocRoots, readAgenda } from '../../../../shared/meetingDoc.ts';
import { type MeetingLiveState, readLiveState } from '../../../../shared/meetingLive.ts';
import { type PinnedSeries, pinnedRoots, readPinned } from '../../../../shared/pinnedData.ts';
import { readScreen, type ScreenState } from '../../../../shared/screenControl.ts';
import type { Meeting } from '../../api/meetings.ts';
import { useYDoc, type YDocHandle } from '../../yjs/useYDoc.ts';
import { useYValue } from '../../yjs/useYValue.ts';

export interface LiveMeeting {
  agendaHandle: YDocHandle;
  liveHandle: YDocHandle;
  items: AgendaItem[];
  live: MeetingLiveState;
  pinned: Record<string, PinnedSeries>;
  screen: ScreenState;
}

const liveRoots = (doc: Y.Doc) => allRoots(doc, DocKind.meetingLive);

export function useLiveMeeting(meeting: Meeting): LiveMeeting {
  const agendaHandle = useYDoc(meeting.docName);
  const liveHandle = useYDoc(meetingLiveDocName(meeting.id));
  return {
    agendaHandle,
    liveHandle,
    items: useYValue(agendaHandle.doc, meetingDocRoots, readAgenda),
    live: useYValue(liveHandle.doc, liveRoots, readLiveState),
    // Its own root: the same object until a start pins values, so memoized charts are not redrawn.
    pinned: useYValue(liveHandle.doc, pinnedRoots, readPinned),
    screen: useYValue(liveHandle.doc, liveRoots, readScreen),
  };
}
