/**
 * The memo's downloads on a real server: a meeting run through the API (commitments made,
 * previous ones reviewed, closed), then its Markdown memo and its commitments CSV, as an analyst and
 * as a viewer; a meeting not closed gets a draft memo; an unknown meeting is a JSON 404.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MEMO_TEXT } from '../../../shared/memo.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { SocketIoDocClient } from '../../helpers/yjsClients.ts';
import { objectiveMeeting } from '../ledger/ledgerWorld.ts';
import { DROP_REASON, type MemoMeeting, runMemoMeetings, TRICKY_TEXT } from './memoMeeting.ts';

describe('memo downloads', { timeout: 60_000 }, () => {
  let server: TestServer;
  let analyst: string;
  let viewer: string;
  let writer: SocketIoDocClient;
  let run: MemoMeeting;

  const get = (path: string, token?: string) =>
    fetch(`${server.url}/api${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  beforeAll(async () => {
    server = await startTestServer();
    analyst = (await server.signIn('Ana Analyst', 'analyst')).token;
    viewer = (await server.signIn('Vera Viewer', 'viewer')).token;
    writer = await SocketIoDocClient.connect(server.url, { token: analyst });
    run = await runMemoMeetings(server, analyst, writer);
  });
  afterAll(async () => {
    writer.close();
    await server.close();
  });

  test('memo.md: a Markdown attachment named after the meeting, with every section', async () => {
    const response = await get(`/meetings/${run.meetingId}/memo.md`, analyst);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="stocktake-2026-12-08.md"',
    );
    const markdown = await response.text();
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('# Meeting memo: Stocktake');
    expect(markdown).not.toContain(MEMO_TEXT.draft);
    expect(markdown).toContain('**Objective:** Citizen security');
    expect(markdown).toContain('**Date:** Tuesday 8 December 2026');
    expect(markdown).toMatch(/\*\*Time:\*\* \d\d:\d\d–\d\d:\d\d UTC/);
    expect(markdown).toContain('**Present:** Chief Silva (Police)');
    expect(markdown).toContain('**Absent:** Dr Costa (Health)');
    // The decision item: its notes quoted, the commitments made in it listed under it.
    expect(markdown).toContain(
      '### Burglaries\n\n> Move two patrols to the market.  \n> \\- Review in January',
    );
    expect(markdown).toContain('- Patrol the market at night — Police, Chief Silva; due 15 Jan 2027');
    expect(markdown).toContain(
      '| Patrol the market at night | Police, Chief Silva | 15 Jan 2027 | Reduce burglaries |',
    );
    // User text cannot break the table or turn into markup.
    expect(markdown).toContain(
      '| \\=HYPERLINK("http://example.com","Click, here")<br>then \\| \\*call\\* | Police, Chief Silva |',
    );
    expect(markdown).toContain(
      '| Publish the hot-spot map | Police, Chief Silva | Kept open — new due date 20 Jan 2027 |',
    );
    expect(markdown).toContain('| Fix the 190 line | Police, Chief Silva | Dropped — No budget, "for now" |');
    expect(markdown).toMatch(/\| Burglaries \| 12 min \(\+5 min extended\) \| \d+ min \|/);
    expect(markdown).toContain(MEMO_TEXT.empty.corrections);
  });

  test('commitments.csv: a CSV attachment of the new and the reviewed commitments, injection-guarded', async () => {
    const response = await get(`/meetings/${run.meetingId}/commitments.csv`, analyst);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="stocktake-2026-12-08-commitments.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...MEMO_TEXT.csvHeader]);
    expect(rows.slice(1)).toEqual([
      [
        'new',
        'Patrol the market at night',
        'Police',
        'Chief Silva',
        '2027-01-15',
        'Reduce burglaries',
        '',
        '0',
      ],
      ['new', `'${TRICKY_TEXT}`, 'Police', 'Chief Silva', '2027-01-15', 'Reduce burglaries', '', '0'],
      // The follow-up's order: overdue first, then by the due date the meeting saw, then oldest first.
      [
        'reviewed',
        'Publish the hot-spot map',
        'Police',
        'Chief Silva',
        '2026-12-20',
        'Reduce burglaries',
        'Kept open — new due date 20 Jan 2027',
        '0',
      ],
      [
        'reviewed',
        'Fix the 190 line',
        'Police',
        'Chief Silva',
        '2026-12-20',
        'Reduce burglaries',
        `Dropped — ${DROP_REASON}`,
        '0',
      ],
    ]);
  });

  test('a viewer may read both; without a session, neither', async () => {
    for (const path of ['memo.md', 'commitments.csv']) {
      expect((await get(`/meetings/${run.meetingId}/${path}`, viewer)).status).toBe(200);
      const anonymous = await get(`/meetings/${run.meetingId}/${path}`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });

  test('a meeting not closed gets a memo marked as a draft', async () => {
    const { meetingId } = await objectiveMeeting(
      server,
      analyst,
      writer,
      run.world.objectiveId,
      // The close of the 8th planned the series' draft on the 15th: one meeting per series and day.
      '2026-12-16',
    );
    const markdown = await (await get(`/meetings/${meetingId}/memo.md`, viewer)).text();
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '# Meeting memo: Stocktake',
      '',
      `> **${MEMO_TEXT.draft}**`,
    ]);
    expect(markdown).toContain(`**Time:** ${MEMO_TEXT.notStarted}`);
    const csv = await (await get(`/meetings/${meetingId}/commitments.csv`, viewer)).text();
    // Its follow-up: the commitments still open (the one kept open).
    expect(csv).toContain('reviewed,Publish the hot-spot map');
  });

  test('an unknown meeting, or a malformed id, is a JSON not_found', async () => {
    for (const id of ['nope', 'bad%20id!']) {
      for (const path of ['memo.md', 'commitments.csv']) {
        const response = await get(`/meetings/${id}/${path}`, analyst);
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
      }
    }
  });
});
