/**
 * Two meetings of one objective run through the real API, for the memo's server and browser tests:
 * the first makes two commitments; the second (with attendance, a decision item with notes and a
 * timer extension) reviews them, kept open and dropped, makes new ones and closes.
 */
import { meetingDocName } from '../../../shared/docNames.ts';
import type { Commitment } from '../../../shared/ledger.ts';
import { readAgenda, readAttendance, setAttendee, updateAgendaItem } from '../../../shared/meetingDoc.ts';
import { appendNotesText } from '../../../shared/richNotes.ts';
import type { TestServer } from '../../helpers/server.ts';
import { type SocketIoDocClient, waitFor } from '../../helpers/yjsClients.ts';
import {
  type Api,
  apiCaller,
  ledgerActions,
  makeWorld,
  objectiveMeeting,
  type World,
} from '../ledger/ledgerWorld.ts';

/** Text a spreadsheet would run, with a comma, quotes and a line break to quote. */
export const TRICKY_TEXT = '=HYPERLINK("http://example.com","Click, here")\nthen | *call*';
export const DROP_REASON = 'No budget, "for now"';

export interface MemoMeeting {
  world: World;
  meetingId: string;
  scheduledFor: string;
  /** Texts of the commitments made in the reviewed meeting. */
  made: string[];
}

function ok(result: Api, status: number, what: string): Api {
  if (result.status !== status) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
  return result;
}

export async function runMemoMeetings(
  server: TestServer,
  token: string,
  writer: SocketIoDocClient,
): Promise<MemoMeeting> {
  const world = await makeWorld(server, token);
  const act = ledgerActions(server, token, world);
  const call = apiCaller(server.url);

  const first = await objectiveMeeting(server, token, writer, world.objectiveId, '2026-12-01');
  ok(await act.start(first.meetingId), 200, 'start 1');
  const mapText = 'Publish the hot-spot map';
  const keep = ok(await act.make({ meetingId: first.meetingId, text: mapText }), 201, 'make');
  const drop = ok(await act.make({ meetingId: first.meetingId, text: 'Fix the 190 line' }), 201, 'make');

  // Made before the first closes, so the close takes it as the series' next meeting instead of
  // planning one on the same day (one meeting per series and day).
  const scheduledFor = '2026-12-08';
  const { meetingId, itemIds } = await objectiveMeeting(
    server,
    token,
    writer,
    world.objectiveId,
    scheduledFor,
  );
  ok(await act.close(first.meetingId), 200, 'close 1');
  const [followUpId, burglariesId] = itemIds as [string, string];
  const doc = writer.docs.get(meetingDocName(meetingId))?.doc;
  if (!doc) throw new Error('the writer has the meeting open');
  updateAgendaItem(doc, followUpId, { kind: 'follow_up', presenterAgency: world.agencyId });
  updateAgendaItem(doc, burglariesId, { kind: 'decision', timeboxMinutes: 12 });
  const decisionNotes = readAgenda(doc)[1]?.notes;
  if (decisionNotes) appendNotesText(decisionNotes, 'Move two patrols to the market.\n- Review in January');
  setAttendee(doc, 'silva', { name: 'Chief Silva', agency: world.agencyId, present: true });
  setAttendee(doc, 'costa', { name: 'Dr Costa', agency: 'Health', present: false });
  await waitFor(
    async () => (await server.app.hub.read(meetingDocName(meetingId), readAttendance)).length === 2,
    'the attendance on the server',
  );
  await waitFor(
    async () => (await server.app.hub.read(meetingDocName(meetingId), readAgenda))[1]?.notes.length !== 0,
    'the notes on the server',
  );

  ok(await act.start(meetingId), 200, 'start 2');
  const review = (commitment: Api, body: Record<string, unknown>) =>
    act.review(meetingId, { commitmentId: (commitment.body.commitment as Commitment).id, ...body });
  ok(await review(keep, { outcome: 'kept_open', newDueDate: '2027-01-20' }), 200, 'keep open');
  ok(await review(drop, { outcome: 'dropped', reason: DROP_REASON }), 200, 'drop');
  ok(
    await call('POST', `/meetings/${meetingId}/go-to`, token, { expectedItemId: followUpId, to: 'next' }),
    200,
    'go to item 2',
  );
  ok(
    await call('POST', `/meetings/${meetingId}/timer`, token, {
      action: 'extend',
      expectedItemId: burglariesId,
      minutes: 5,
    }),
    200,
    'extend',
  );
  const made = ['Patrol the market at night', TRICKY_TEXT];
  for (const text of made)
    ok(await act.make({ meetingId, itemId: burglariesId, text, dueDate: '2027-01-15' }), 201, 'make');
  ok(await act.close(meetingId), 200, 'close 2');
  return { world, meetingId, scheduledFor, made };
}
