/**
 * The memo from a hand-built record: every section of the model, the Markdown document (user text
 * never turns into markup) and the CSV of commitments (RFC 4180 quoting, formula injection guard).
 */
import { describe, expect, test } from 'vitest';
import { buildMemo, MEMO_TEXT, memoFileName } from '../../shared/memo.ts';
import { csvCell, mdInline, memoCommitmentsCsv, memoMarkdown } from '../../shared/memoExport.ts';
import { commitment, emptyRecord, followed, fullRecord, item } from './memoRecord.ts';

describe('memo model', () => {
  const memo = buildMemo(fullRecord());

  test('header: objective, title, date, UTC time range and duration', () => {
    expect(memo.draft).toBe(false);
    expect(memo.header).toEqual({
      objective: 'Citizen security',
      title: 'Citizen security — weekly stocktake',
      date: 'Tuesday 1 December 2026',
      time: '09:00–10:45 UTC',
      duration: '1 h 45 min',
    });
  });

  test('attendance: present and absent, agencies by name when they are ids', () => {
    expect(memo.attendance).toEqual({
      present: [
        { name: 'Chief Silva', agency: 'Police' },
        { name: 'Ana Analyst', agency: '' },
      ],
      absent: [{ name: 'Dr Costa', agency: 'Health Secretariat' }],
    });
  });

  test('decisions: commitments grouped by agenda item; a decision item’s notes; the rest outside the agenda', () => {
    expect(
      memo.decisions.map((group) => [group.title, group.decided, group.commitments.map((c) => c.id)]),
    ).toEqual([
      ['Household burglaries', null, ['n1']],
      ['Budget', 'Approve 40 new patrol cars.\n- Fund them from the reserve', ['n2']],
      [MEMO_TEXT.outsideAgenda, null, ['n3']],
    ]);
  });

  test('new commitments: owner agency and person, due date, goal', () => {
    expect(memo.newCommitments[0]).toEqual({
      id: 'n1',
      text: 'Patrol the market at night',
      agency: 'Police',
      person: 'Chief Silva',
      owner: 'Police, Chief Silva',
      dueDate: '2026-12-20',
      due: '20 Dec 2026',
      goal: 'Reduce burglaries 15%',
    });
    // No person: the agency alone; an unknown agency or goal id is shown as the id.
    expect(memo.newCommitments[1]).toMatchObject({ owner: 'Finance Secretariat', due: '1 Feb 2027' });
    const unknown = fullRecord();
    unknown.made = [commitment('x', { ownerAgencyId: 'gone', goalId: 'old-goal' })];
    expect(buildMemo(unknown).newCommitments[0]).toMatchObject({ agency: 'gone', goal: 'old-goal' });
  });

  test('review: each outcome in words, carried and overdue', () => {
    expect(memo.review.map((row) => [row.text, row.outcome, row.followUp])).toEqual([
      ['Open the hot-spot map', 'Kept open — new due date 20 Jan 2027', 'carried 2× · overdue'],
      ['Hire 40 officers', 'Done', ''],
      ['Fix the 190 line', 'Dropped — Superseded by the new call centre', ''],
      ['Light the park', 'Escalated to the chair', 'carried 1×'],
      ['Count the cameras', 'Not reviewed', ''],
    ]);
    expect(memo.review.map((row) => row.outcomeKind)).toEqual([
      'kept_open',
      'done',
      'dropped',
      'escalated',
      null,
    ]);
  });

  test('time per item: box (with extensions) against spent, over or under, and the total', () => {
    expect(memo.time.rows.map((row) => [row.title, row.box, row.spent, row.delta])).toEqual([
      ['Follow-up of open commitments', '10 min', '12 min', '2 min over'],
      ['Household burglaries', '15 min (+5 min extended)', '20 min', '5 min over'],
      ['Budget', '10 min', '7 min', '3 min under'],
      ['Police response time', '10 min', '—', 'not reached'],
    ]);
    expect(memo.time.total).toEqual({
      box: '45 min',
      spent: '39 min',
      deltaMinutes: -6,
      delta: '6 min under',
    });
  });

  test('data corrections: pinned → current with the day it was corrected; removed points', () => {
    expect(memo.corrections.map((c) => c.text)).toEqual([
      'Household burglaries, 2026-10: 421 → 418, corrected on 12 Dec',
      'Household burglaries, 2026-11: 1,250.5 → 1,300, corrected on 3 Jan 2027',
      'Household burglaries, 2026-09: 440 → removed since',
    ]);
  });

  test('a live meeting: a draft memo with the start time and no duration', () => {
    const record = fullRecord();
    record.meeting.phase = 'live';
    record.live = { ...record.live, phase: 'live', closedAt: null };
    const live = buildMemo(record);
    expect(live.draft).toBe(true);
    expect(live.header.time).toBe('From 09:00 UTC (still running)');
    expect(live.header.duration).toBeNull();
  });

  test('a record with nothing in it still gives a memo', () => {
    const empty = buildMemo(emptyRecord());
    expect(empty).toMatchObject({
      draft: true,
      header: { objective: null, title: 'Stocktake', time: null, duration: null },
      attendance: { present: [], absent: [] },
      decisions: [],
      newCommitments: [],
      review: [],
      time: { rows: [], total: { box: '0 min', spent: '0 min', delta: 'on time' } },
      corrections: [],
    });
  });

  test('file names: an ASCII slug of the title and the date', () => {
    expect(memoFileName(fullRecord(), '.md')).toBe('citizen-security-weekly-stocktake-2026-12-01.md');
    const odd = emptyRecord();
    odd.meeting.title = 'Segurança "pública" / São Paulo';
    expect(memoFileName(odd, '.csv')).toBe('seguranca-publica-sao-paulo-2026-12-08.csv');
    odd.meeting.title = '★★★';
    expect(memoFileName(odd, '.md')).toBe('meeting-2026-12-08.md');
  });
});

describe('memo as Markdown', () => {
  test('the sections, in order, with tables for commitments and time', () => {
    const markdown = memoMarkdown(fullRecord());
    expect(markdown.startsWith('# Meeting memo: Citizen security — weekly stocktake\n')).toBe(true);
    expect(markdown).not.toContain(MEMO_TEXT.draft);
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(Object.values(MEMO_TEXT.sections).map((title) => `## ${title}`));
    expect(markdown).toContain('**Time:** 09:00–10:45 UTC');
    expect(markdown).toContain('**Present:** Chief Silva (Police), Ana Analyst');
    expect(markdown).toContain(
      '| Patrol the market at night | Police, Chief Silva | 20 Dec 2026 | Reduce burglaries 15% |',
    );
    expect(markdown).toContain(
      '| Open the hot-spot map | Police, Chief Silva | Kept open — new due date 20 Jan 2027 | carried 2× · overdue |',
    );
    expect(markdown).toContain('| Total | 45 min | 39 min | 6 min under |');
    // The decision item's notes are quoted; a line starting with "-" stays text, not a list.
    expect(markdown).toContain('> Approve 40 new patrol cars.  \n> \\- Fund them from the reserve');
    expect(markdown).toContain('- Household burglaries, 2026-10: 421 → 418, corrected on 12 Dec');
    expect(markdown.endsWith('\n')).toBe(true);
  });

  test('user text is escaped: pipes, emphasis, headings, HTML and line breaks', () => {
    expect(mdInline('a | b')).toBe('a \\| b');
    expect(mdInline('*really* _now_')).toBe('\\*really\\* \\_now\\_');
    expect(mdInline('# not a heading')).toBe('\\# not a heading');
    expect(mdInline('<script>[x](javascript:y)')).toBe('\\<script\\>\\[x\\](javascript:y)');
    expect(mdInline('1. first\nsecond')).toBe('1\\. first<br>second');
    expect(mdInline('- item')).toBe('\\- item');

    const record = fullRecord();
    record.meeting.title = '# Big | *meeting*\nsecond line';
    record.made = [
      commitment('n1', { text: 'Check | split\n# and *bold*', ownerPerson: 'Ana | B', madeInItemId: 'burg' }),
    ];
    const markdown = memoMarkdown(record);
    expect(markdown.split('\n')[0]).toBe('# Meeting memo: \\# Big \\| \\*meeting\\* second line');
    expect(markdown).toContain('| Check \\| split<br>\\# and \\*bold\\* | Police, Ana \\| B | 20 Dec 2026 |');
    expect(markdown).toContain(
      '- Check \\| split<br>\\# and \\*bold\\* — Police, Ana \\| B; due 20 Dec 2026',
    );
    // Every table row still has exactly the header's five pipes (four columns).
    const rows = markdown.split('\n').filter((line) => line.startsWith('| Check'));
    for (const row of rows) expect(row.replaceAll('\\|', '').split('|')).toHaveLength(6);
  });

  test('a meeting that is not closed is marked as a draft at the top; an empty record is valid', () => {
    const markdown = memoMarkdown(emptyRecord());
    expect(markdown.split('\n').slice(0, 4)).toEqual([
      '# Meeting memo: Stocktake',
      '',
      `> **${MEMO_TEXT.draft}**`,
      '',
    ]);
    for (const text of Object.values(MEMO_TEXT.empty)) expect(markdown).toContain(text);
    expect(markdown).toContain(`**Time:** ${MEMO_TEXT.notStarted}`);
  });
});

describe('memo commitments as CSV', () => {
  test('a header, then new commitments and reviewed ones, CRLF line ends', () => {
    const csv = memoCommitmentsCsv(fullRecord());
    const lines = csv.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('kind,text,owner agency,owner person,due date,goal,outcome,times carried');
    expect(lines[1]).toBe(
      'new,Patrol the market at night,Police,Chief Silva,2026-12-20,Reduce burglaries 15%,,0',
    );
    expect(lines[2]).toBe('new,Buy the patrol cars,Finance Secretariat,,2027-02-01,Reduce burglaries 15%,,0');
    expect(lines[4]).toBe(
      'reviewed,Open the hot-spot map,Police,Chief Silva,2026-12-20,Reduce burglaries 15%,Kept open — new due date 20 Jan 2027,2',
    );
    expect(lines.filter((line) => line.startsWith('reviewed,'))).toHaveLength(5);
  });

  test('quoting: commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvCell('')).toBe('');
  });

  test('formula injection: cells starting with = + - @ (or tab, CR) are prefixed with a quote', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('=HYPERLINK("http://x","Click, here")')).toBe(
      '"\'=HYPERLINK(""http://x"",""Click, here"")"',
    );
    expect(csvCell('a=1')).toBe('a=1');

    const record = emptyRecord();
    record.made = [commitment('n1', { text: '=cmd|" /C calc"!A0', ownerPerson: '@boss' })];
    record.followUp = [followed(commitment('p1', { text: '-1, really' }), null)];
    const lines = memoCommitmentsCsv(record).split('\r\n');
    expect(lines[1]).toBe('new,"\'=cmd|"" /C calc""!A0",police,\'@boss,2026-12-20,burglaries,,0');
    expect(lines[2]).toBe('reviewed,"\'-1, really",police,Chief Silva,2026-12-20,burglaries,Not reviewed,0');
  });

  test('an empty record gives the header alone', () => {
    expect(memoCommitmentsCsv(emptyRecord())).toBe(
      'kind,text,owner agency,owner person,due date,goal,outcome,times carried\r\n',
    );
  });

  test('an agenda item of kind decision with notes but no commitments is still a decision', () => {
    const record = emptyRecord();
    record.agenda = [item('d', { title: 'Budget', kind: 'decision', notes: '  Approved.  ' }), item('g')];
    expect(buildMemo(record).decisions).toEqual([
      { itemId: 'd', title: 'Budget', decided: 'Approved.', commitments: [] },
    ]);
  });
});
