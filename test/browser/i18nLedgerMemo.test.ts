/**
 * The commitments ledger and a closed meeting's memo read in Portuguese, the memo in Spanish, and
 * the language switch in the top bar: against a real server with a seeded ledger
 * (test/server/ledger/ledgerFixtures.ts) and a reviewed, closed meeting
 * (test/server/meetings/memoMeeting.ts). Filters, table, history, pager words and the memo's
 * sections and downloads read in the reader's language, dates the local way ("quarta 4 mar 2026",
 * "terça-feira 8 dezembro 2026"), with no English left; a choice made with the switch follows the
 * person to another browser. Build first (`npx vite build`, or TEST_CLIENT_DIR).
 * Screenshots: /tmp/shots/i18n-ledger-*.png, /tmp/shots/i18n-memo-*.png.
 */
import { readFileSync } from 'node:fs';
import { format, parseISO } from 'date-fns';
import { es, ptBR } from 'date-fns/locale';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BUILT_CLIENT,
  launchBrowser,
  openPerson,
  type Person,
  screenshot,
  VIEWPORTS,
} from '../helpers/browser.ts';
import { englishLeftovers, readIn } from '../helpers/i18n.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { SocketIoDocClient } from '../helpers/yjsClients.ts';
import { type SeededLedger, seedLedger } from '../server/ledger/ledgerFixtures.ts';
import { type MemoMeeting, runMemoMeetings } from '../server/meetings/memoMeeting.ts';

const POLL = { timeout: 20_000, interval: 100 };

// biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, hidden text excluded.
const bodyText = (page: Page) => page.innerText('body');
const rowTexts = (page: Page) =>
  page.locator('[data-testid="ledger-row"] .ledger-expand__text').allTextContents();
/** A day as the ledger writes it in Portuguese ("quarta 4 mar 2026"). */
const ledgerDay = (day: string) => format(parseISO(day), 'EEE d MMM yyyy', { locale: ptBR });

describe('the ledger and the memo in Portuguese and Spanish', () => {
  let server: TestServer;
  let browser: Browser;
  let writer: SocketIoDocClient;
  let seed: SeededLedger;
  let run: MemoMeeting;
  let ana: Person;
  let sofia: Person;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const { token } = await server.signIn('Ana Analyst', 'analyst');
    writer = await SocketIoDocClient.connect(server.url, { token });
    seed = await seedLedger(server, token, writer);
    run = await runMemoMeetings(server, token, writer);
    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Lima', 'analyst', VIEWPORTS.laptop);
    sofia = await openPerson(browser, server.url, 'Sofía Rojas', 'viewer', VIEWPORTS.desktop);
    await readIn(ana.context, 'pt-BR');
    await readIn(sofia.context, 'es');
    for (const person of [ana, sofia])
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
  }, 120_000);

  afterAll(async () => {
    writer?.close();
    await browser?.close();
    await server?.close();
  });

  test('pt-BR, the ledger: filters, table, totals and a history in Portuguese', async () => {
    const { page } = ana;
    await page.goto(`/commitments?agencyId=${seed.agencies.health}&overdue=true`);
    await page.getByRole('heading', { level: 1, name: 'Compromissos' }).waitFor({ timeout: POLL.timeout });
    await expect.poll(() => rowTexts(page), POLL).toEqual(['Hire 40 nurses', 'Hire 40 officers']);
    expect(await page.getByTestId('ledger-total').textContent()).toBe(
      '2 compromissos atendem a estes filtros',
    );
    expect(await page.getByLabel('Só os atrasados').isChecked()).toBe(true);
    expect(await page.getByLabel('Órgão').inputValue()).toBe(seed.agencies.health);
    expect(await page.getByLabel('Prorrogado ao menos').locator('option').allTextContents()).toEqual([
      'Qualquer',
      '1 vez',
      '2 vezes',
      '3 vezes',
      '5 vezes',
    ]);
    const filters = page.getByRole('form', { name: 'Filtrar compromissos' });
    expect(await filters.getByRole('group', { name: 'Situação' }).textContent()).toBe(
      'SituaçãoAbertoCumpridoDescartado',
    );
    const headers = await page.locator('.ledger-table thead th').allTextContents();
    expect(headers.map((header) => header.replace(/[▲▼↕]/g, ''))).toEqual([
      'Compromisso',
      'Responsável',
      'Prazo',
      'Situação',
      'Prorrogações',
      'Objetivo',
      'Assumido em',
    ]);
    const nurses = page.getByTestId('ledger-row').filter({ hasText: 'Hire 40 nurses' });
    expect(await nurses.getByTestId('overdue').textContent()).toMatch(/Atrasado há \d+ dias/);
    // The due date after its review (1 Feb 2020), the Brazilian way.
    expect(await nurses.locator('.ledger-table__due time').textContent()).toBe(ledgerDay('2020-02-01'));
    expect(await nurses.textContent()).toContain('Reunião de');

    await page.getByRole('button', { name: /^Hire 40 nurses.*mostrar histórico$/ }).click();
    const entries = page.getByTestId('history-entry');
    await expect.poll(() => entries.count(), POLL).toBe(2);
    await expect
      .poll(() => entries.nth(0).textContent(), POLL)
      .toContain(`Assumido na reunião de ${ledgerDay(seed.meetingDates.n1)}`);
    expect(await entries.nth(0).textContent()).toContain('Responsável: Health Secretariat · Dr. Ana Costa');
    const kept = (await entries.nth(1).textContent()) ?? '';
    expect(kept).toContain('Mantido em aberto na reunião de');
    expect(kept).toContain('por Ana Analyst');
    expect(kept).toContain(`Prazo: ${ledgerDay('2020-01-15')} → ${ledgerDay('2020-02-01')}`);
    expect(await page.getByRole('region', { name: 'Histórico' }).count()).toBe(1);
    expect(englishLeftovers(await bodyText(page), 'pt-BR')).toEqual([]);
    await screenshot(page, 'i18n-ledger-pt-BR-1366');
  });

  test('pt-BR, the ledger unfiltered: every commitment, statuses and a change between meetings', async () => {
    const { page } = ana;
    await page.goto('/commitments');
    await expect
      .poll(() => page.getByTestId('ledger-total').textContent(), POLL)
      .toMatch(/^\d+ compromissos$/);
    const statuses = await page.locator('.ledger-status').allTextContents();
    expect(new Set(statuses)).toEqual(new Set(['Aberto', 'Cumprido', 'Descartado']));
    expect(await page.locator('.ledger-escalated').first().textContent()).toBe(
      'Encaminhado ao presidente da reunião',
    );
    await page.getByLabel('Texto').fill('overtime');
    await page.getByLabel('Texto').press('Enter');
    await expect.poll(() => rowTexts(page), POLL).toEqual(['Audit police overtime']);
    expect(await page.getByTestId('ledger-row').textContent()).toContain('Entre reuniões');
    await page.getByRole('button', { name: /^Audit police overtime/ }).click();
    const entries = page.getByTestId('history-entry');
    await expect.poll(() => entries.count(), POLL).toBe(2);
    expect(await entries.nth(0).textContent()).toContain('Assumido entre reuniões');
    expect(await entries.nth(0).textContent()).toContain('Texto original: “Audit overtime”');
    expect(await entries.nth(1).textContent()).toContain('Texto: “Audit overtime” → “Audit police overtime”');
    await page.getByRole('button', { name: 'Limpar filtros' }).click();
    await expect.poll(() => page.getByTestId('ledger-total').textContent(), POLL).toMatch(/compromissos$/);
    expect(englishLeftovers(await bodyText(page), 'pt-BR')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('pt-BR, a closed meeting’s memo: sections, dates and its downloads in Portuguese', async () => {
    const { page } = ana;
    await page.goto(`/meetings/${run.meetingId}/memo`);
    await page.getByRole('heading', { level: 1, name: 'Stocktake' }).waitFor({ timeout: POLL.timeout });
    expect(await page.locator('.memo__section h2').allTextContents()).toEqual([
      'Presença',
      'Decisões',
      'Novos compromissos',
      'Revisão dos compromissos anteriores',
      'Tempo por item da pauta',
      'Correções de dados desde a reunião',
    ]);
    const sheet = (await page.locator('.memo__sheet').textContent()) ?? '';
    expect(sheet).toContain('Ata da reunião');
    expect(sheet).toContain('terça-feira 8 dezembro 2026');
    expect(sheet).toMatch(/das \d\d:\d\d às \d\d:\d\d UTC/);
    const attendance = page.getByRole('region', { name: 'Presença' });
    expect(await attendance.textContent()).toContain('Presentes (1)');
    expect(await attendance.textContent()).toContain('Ausentes (1)');
    const review =
      (await page.getByRole('region', { name: 'Revisão dos compromissos anteriores' }).textContent()) ?? '';
    expect(review).toContain('Mantido em aberto — novo prazo 20 jan 2027');
    expect(review).toContain('Descartado — No budget, "for now"');
    const made = page.getByRole('region', { name: 'Novos compromissos' });
    expect(await made.locator('tbody tr').first().textContent()).toContain('15 jan 2027');
    const time = page.getByRole('region', { name: 'Tempo por item da pauta' });
    expect(await time.textContent()).toContain('de prorrogação');
    expect(await time.locator('tfoot').textContent()).toContain('Total');
    expect(englishLeftovers(await bodyText(page), 'pt-BR')).toEqual([]);
    await screenshot(page, 'i18n-memo-pt-BR-1366');
    await page.locator('.memo__sheet').screenshot({ path: '/tmp/shots/i18n-memo-pt-BR-1366-sheet.png' });

    // The downloads, written in Portuguese from the record the page shows.
    const markdownLink = page.getByRole('link', { name: 'Baixar Markdown' });
    const [markdown] = await Promise.all([page.waitForEvent('download'), markdownLink.click()]);
    expect(markdown.suggestedFilename()).toBe(`stocktake-${run.scheduledFor}.md`);
    const text = readFileSync(await markdown.path(), 'utf8');
    expect(text).toContain('# Ata da reunião: Stocktake');
    expect(text).toContain('**Data:** terça-feira 8 dezembro 2026');
    expect(text).toContain('## Revisão dos compromissos anteriores');
    expect(text).toContain('Mantido em aberto — novo prazo 20 jan 2027');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Baixar CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`stocktake-${run.scheduledFor}-commitments.csv`);
    const rows = readFileSync(await csv.path(), 'utf8').split('\r\n');
    expect(rows[0]).toBe(
      '\uFEFFtipo,texto,órgão responsável,pessoa responsável,prazo,meta,resultado,vezes prorrogado',
    );
    expect(rows.some((row) => row.startsWith('revisado,') && row.includes('Mantido em aberto'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  test('es, the memo: sections, the date and no English left', async () => {
    const { page } = sofia;
    await page.goto(`/meetings/${run.meetingId}/memo`);
    await page.getByRole('heading', { level: 1, name: 'Stocktake' }).waitFor({ timeout: POLL.timeout });
    expect(await page.locator('.memo__section h2').allTextContents()).toEqual([
      'Asistencia',
      'Decisiones',
      'Nuevos compromisos',
      'Revisión de los compromisos anteriores',
      'Tiempo por punto de la agenda',
      'Correcciones de datos desde la reunión',
    ]);
    const sheet = (await page.locator('.memo__sheet').textContent()) ?? '';
    expect(sheet).toContain('Acta de la reunión');
    expect(sheet).toContain(format(parseISO(run.scheduledFor), 'EEEE d MMMM yyyy', { locale: es }));
    expect(sheet).toContain('Se mantiene abierto — nuevo plazo 20 ene 2027');
    expect(sheet).toContain('Ninguno de los datos mostrados en la reunión se ha corregido desde entonces.');
    expect(await page.getByRole('button', { name: 'Imprimir / Guardar como PDF' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Ruta de navegación' }).textContent()).toContain(
      'Reuniones',
    );
    expect(englishLeftovers(await bodyText(page), 'es')).toEqual([]);
    await screenshot(page, 'i18n-memo-es-1920');
    expect(pageErrors).toEqual([]);
  });

  test('the language switch: Português turns the page, and the person keeps it in a new browser', async () => {
    const paula = await openPerson(browser, server.url, 'Paula Souza', 'analyst', VIEWPORTS.laptop);
    try {
      const { page } = paula;
      await page.goto('/commitments');
      await page.getByRole('heading', { level: 1, name: 'Commitments' }).waitFor({ timeout: POLL.timeout });
      await page.getByTestId('language-switch').selectOption('pt-BR');
      await page.getByRole('heading', { level: 1, name: 'Compromissos' }).waitFor({ timeout: POLL.timeout });
      expect(await page.getByRole('button', { name: /^Hire 40 nurses/ }).count()).toBe(1);
      expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
      // The choice reaches the server (the switch saves it as it applies it).
      await expect
        .poll(async () => (await (await paula.context.request.get('/api/session')).json()).language, POLL)
        .toBe('pt-BR');
    } finally {
      await paula.context.close();
    }

    // Another browser (no local memory of the choice) signing in as the same person.
    const again = await openPerson(browser, server.url, 'Paula Souza', 'analyst', VIEWPORTS.laptop);
    try {
      const { page } = again;
      await page.goto('/commitments');
      await page.getByRole('heading', { level: 1, name: 'Compromissos' }).waitFor({ timeout: POLL.timeout });
      expect(await page.getByTestId('language-switch').inputValue()).toBe('pt-BR');
      await expect
        .poll(() => page.getByTestId('ledger-total').textContent(), POLL)
        .toMatch(/^\d+ compromissos$/);
      expect(englishLeftovers(await bodyText(page), 'pt-BR')).toEqual([]);
    } finally {
      await again.context.close();
    }
  });
});
