/**
 * Spreadsheets from the field (issue 16): files as Excel saves them in Brazil or Chile —
 * semicolons, decimal commas, `dd/mm/yyyy` — headers in other cases, accents and languages, and the
 * data-point template.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEFAULT_FORMAT,
  detectDelimiter,
  fieldDate,
  fieldNumber,
  fieldPeriod,
  formatOf,
  normalizeColumnName,
} from '../../../server/performance/import/fieldFormats.ts';
import type { ImportEvent, IndicatorDetail } from '../../../shared/performance.ts';
import { DIALECTS } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { type ApiClient, apiClient, postCsv } from './api.ts';
import { buildWorld } from './world.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const lastEvent = (events: unknown[]) => events[events.length - 1] as ImportEvent;

describe('field formats', () => {
  test('the delimiter is the one the header line holds most of, outside quotes', () => {
    expect(detectDelimiter('indicator_id,period,value')).toBe(',');
    expect(detectDelimiter('Indicador;Período;Valor')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    expect(detectDelimiter('indicator_id|period')).toBe(',');
  });

  test('numbers follow the file convention, else the other one, else none', () => {
    const comma = formatOf(';');
    expect(fieldNumber('1.234,5', comma)).toBe('1234.5');
    expect(fieldNumber('421,7', comma)).toBe('421.7');
    expect(fieldNumber('1,234', comma)).toBe('1.234');
    expect(fieldNumber('1.234', comma)).toBe('1234');
    expect(fieldNumber('421.7', comma)).toBe('421.7');
    expect(fieldNumber('-0,5', comma)).toBe('-0.5');
    expect(fieldNumber('1,2,3', comma)).toBeNull();
    expect(fieldNumber('1,234', DEFAULT_FORMAT)).toBe('1234');
    expect(fieldNumber('1,234.5', DEFAULT_FORMAT)).toBe('1234.5');
    expect(fieldNumber('421,7', DEFAULT_FORMAT)).toBe('421.7');
    expect(fieldNumber('1e3', DEFAULT_FORMAT)).toBe('1e3');
    expect(fieldNumber('0x1A', DEFAULT_FORMAT)).toBeNull();
  });

  test('dates and periods', () => {
    expect(fieldDate('18/03/2026')).toEqual({ value: '2026-03-18' });
    expect(fieldDate('1/2/2026')).toEqual({ value: '2026-02-01' });
    expect(fieldDate('2026-03-18')).toEqual({ value: '2026-03-18' });
    expect(fieldDate('03/18/2026')).toEqual({
      problem: expect.stringMatching(/mm\/dd\/yyyy/),
      reason: { key: 'cellDateMonthFirst', params: { value: '"03/18/2026"', month: 3, day: 18 } },
    });
    expect(fieldPeriod('03/2026', 'monthly')).toEqual({ value: '2026-03' });
    expect(fieldPeriod('15/03/2026', 'monthly')).toEqual({ value: '2026-03' });
    expect(fieldPeriod('16/03/2026', 'weekly')).toEqual({ value: '2026-W12' });
    expect(fieldPeriod('2026-W12', 'weekly')).toEqual({ value: '2026-W12' });
    expect(fieldPeriod('31/02/2026', 'weekly')).toEqual({
      problem: expect.stringMatching(/not a real date/),
      reason: { key: 'cellNotARealDate', params: { value: '"31/02/2026"' } },
    });
  });

  test('header names ignore case, accents and spaces', () => {
    expect(normalizeColumnName(' Indicator ID ')).toBe('indicator_id');
    expect(normalizeColumnName('Período')).toBe('periodo');
    expect(normalizeColumnName('Observação')).toBe('observacao');
  });
});

describe.each(DIALECTS)('spreadsheets from the field on %s', (dialect) => {
  let server: TestServer;
  let token: string;
  let analyst: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
    analyst = apiClient(server, token);
    await buildWorld(analyst);
  });
  afterAll(() => server?.close());

  const pointsOf = async (id: string) =>
    (await analyst.get<IndicatorDetail>(`/indicators/${id}`)).body.points.map((point) => [
      point.period,
      point.value,
      point.note,
    ]);

  test('a Brazilian Excel file: semicolons, decimal commas, Portuguese headers, dates', async () => {
    const result = await postCsv(server, token, 'data-points', fixture('data-points-excel-br.csv'));
    expect(lastEvent(result.events)).toMatchObject({ type: 'done', rowsRead: 4, inserted: 4 });
    expect(await pointsOf('ind-w')).toContainEqual(['2026-W12', 1234.5, 'Contagem; revisada']);
    expect(await pointsOf('ind-w2')).toContainEqual(['2026-W12', 421.7, null]);
    // "1,234" is ambiguous: the file writes decimals with a comma.
    expect(await pointsOf('ind-m')).toContainEqual(['2026-02', 1.234, null]);
    expect(await pointsOf('ind-m')).toContainEqual(['2026-03', 48.5, null]);
  });

  test('a tab-separated file with Spanish headers and thousands commas', async () => {
    const result = await postCsv(server, token, 'data-points', fixture('data-points-tab.csv'));
    expect(lastEvent(result.events)).toMatchObject({ type: 'done', rowsRead: 1, inserted: 1 });
    expect(await pointsOf('ind-w')).toContainEqual(['2026-W14', 1234.5, null]);
  });

  test('bad cells are refused with the row and the text found', async () => {
    const result = await postCsv(server, token, 'data-points', fixture('data-points-excel-br-bad.csv'));
    const final = lastEvent(result.events);
    expect(final.type).toBe('failed');
    if (final.type !== 'failed') return;
    expect(final.errors).toEqual([
      {
        row: 2,
        field: 'value',
        message: expect.stringMatching(/"12a" is not a number.*decimals with a comma/),
        reason: { key: 'cellNotANumberDecimalComma', params: { value: '"12a"' } },
      },
      {
        row: 3,
        field: 'period',
        message: expect.stringMatching(/"03\/18\/2026" reads as mm\/dd\/yyyy/),
        reason: { key: 'cellDateMonthFirst', params: { value: '"03/18/2026"', month: 3, day: 18 } },
      },
      {
        row: 4,
        field: 'period',
        message: expect.stringMatching(/"13\/2026" is not a monthly period/),
        reason: { key: 'cellNotAMonthlyPeriod', params: { value: '"13/2026"' } },
      },
      {
        row: 5,
        field: 'value',
        message: expect.stringMatching(/"1,2,3" is not a number/),
        reason: { key: 'cellNotANumberDecimalComma', params: { value: '"1,2,3"' } },
      },
    ]);
  });

  test('a header that cannot be split names the delimiter found', async () => {
    const result = await postCsv(server, token, 'data-points', fixture('data-points-pipes.csv'));
    const final = lastEvent(result.events);
    expect(final.type).toBe('failed');
    if (final.type !== 'failed') return;
    expect(final.errors.at(-1)).toMatchObject({
      row: 1,
      field: null,
      message: expect.stringMatching(/could not be split at "," \(comma\).*"indicator_id\|period\|value"/),
    });
  });

  test('unknown headers are named', async () => {
    const result = await postCsv(
      server,
      token,
      'data-points',
      'Indicator ID;Periodo;Amount;Nota;constructor\nind-w;2026-W13;5;x;y\n',
    );
    const final = lastEvent(result.events);
    expect(final.type).toBe('failed');
    if (final.type !== 'failed') return;
    expect(final.errors[0]).toMatchObject({ row: 1, field: 'value', message: 'Missing column "value"' });
    expect(final.errors[1]?.message).toMatch(
      /split at ";" \(semicolon\), holds 5 columns.*not recognised: "Amount", "constructor"\./,
    );
  });

  test('two headers naming the same column are refused', async () => {
    const result = await postCsv(
      server,
      token,
      'data-points',
      'indicator_id,period,Value,Valor\nind-w,2026-W13,5,6\n',
    );
    const final = lastEvent(result.events);
    expect(final).toMatchObject({
      type: 'failed',
      errors: [{ row: 1, field: 'value', message: 'Columns "Value" and "Valor" both name value' }],
    });
  });

  test('a Chilean indicators file: decimal commas and dd/mm/yyyy dates', async () => {
    const result = await postCsv(server, token, 'indicators', fixture('indicators-excel-cl.csv'));
    expect(lastEvent(result.events)).toMatchObject({ type: 'done', inserted: 1 });
    const { body } = await analyst.get<IndicatorDetail>('/indicators/ind-cl');
    expect(body.indicator).toMatchObject({
      baselineValue: 12.5,
      baselineDate: '2026-02-01',
      targetValue: 1000.25,
      targetDate: '2026-12-31',
    });
  });
  test('the data-point template: signed in, header and one example row that imports as is', async () => {
    const anonymous = await fetch(`${server.url}/api/imports/data-points/template.csv`);
    expect(anonymous.status).toBe(401);
    const response = await fetch(`${server.url}/api/imports/data-points/template.csv?objectiveId=obj-t`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment/);
    const csv = await response.text();
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('indicator_id,period,value,note');
    expect(lines[1]).toMatch(/^ind-[a-z0-9-]+,\d{4}-(W\d{2}|\d{2}),421\.7,/);
    const imported = await postCsv(server, token, 'data-points', csv);
    expect(lastEvent(imported.events)).toMatchObject({ type: 'done', rowsRead: 1 });
  });
});
