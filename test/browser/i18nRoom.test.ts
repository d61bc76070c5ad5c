/**
 * The live meeting page (`/meetings/:id`) read in Portuguese and in Spanish, against a real server
 * with the demo government: an analyst in Recife starts the meeting, goes to an item with
 * indicators, captures a commitment (a server refusal reads in Portuguese too) and reviews the
 * follow-up; a colleague in Santiago follows the same page in Spanish. No English is left on either
 * page, and due dates and times read the local way ("qui 10 dez").
 * Build first (`npx vite build`, or TEST_CLIENT_DIR). Screenshots: /tmp/shots/i18n-room-*.png.
 */
import { randomUUID } from 'node:crypto';
import { format, parseISO } from 'date-fns';
import { es, ptBR } from 'date-fns/locale';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { insertDemoData } from '../../server/demo/seed.ts';
import { meetingDocName } from '../../shared/docNames.ts';
import { AgendaItemKind, addAgendaItem } from '../../shared/meetingDoc.ts';
import type { Agency, GoalSummary, ObjectiveDetail } from '../../shared/performance.ts';
import { addDaysToDate, todayDate } from '../../shared/periods.ts';
import {
  BUILT_CLIENT,
  launchBrowser,
  openPerson,
  type Person,
  screenshot,
  VIEWPORTS,
} from '../helpers/browser.ts';
import { CATALOGUES, englishLeftovers, flatten, readIn } from '../helpers/i18n.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { SocketIoDocClient } from '../helpers/yjsClients.ts';
import { agendaOnServer } from '../server/meetings/liveMeeting.ts';

const POLL = { timeout: 20_000, interval: 100 };
const TODAY = todayDate();
const OBJECTIVE = 'obj-01';

const phase = (page: Page) => page.getByTestId('phase-badge').textContent();
const currentTitle = (page: Page) => page.getByTestId('current-item-title').textContent();
// biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, hidden text excluded.
const bodyText = (page: Page) => page.innerText('body');
const followUpRow = (page: Page, id: string) =>
  page.locator(`[data-testid="follow-up-row"][data-commitment-id="${id}"]`);
/** A due date as a Portuguese or Spanish reader sees it ("qui 10 dez", "jue 10 dic"). */
const dueIn = (day: string, locale: typeof ptBR) => format(parseISO(day), 'EEE d MMM', { locale });

/** The Portuguese texts of server errors, as patterns ("{{field}}" matches anything). */
const PORTUGUESE_ERRORS = [...flatten(CATALOGUES['pt-BR'])]
  .filter(([key]) => key.startsWith('errors:'))
  .map(([, text]) => {
    const pieces = text.split(/\{\{[^}]*\}\}/).map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${pieces.join('.+')}$`);
  });

describe('the meeting page in Portuguese and Spanish', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Person;
  let sofia: Person;
  let token: string;
  let goal: GoalSummary;
  let goalAgency: Agency;
  let meetingId: string;
  let itemTitles: string[];
  const old = {
    overdue: { id: randomUUID(), text: 'Enviar o mapa de furtos aos bairros', dueIn: -2 },
    onTime: { id: randomUUID(), text: 'Acertar rondas noturnas com a guarda municipal', dueIn: 5 },
  };
  const pageErrors: string[] = [];

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };

  async function meetingWithAgenda(
    writer: SocketIoDocClient,
    title: string,
    scheduledFor: string,
    items: Array<Parameters<typeof addAgendaItem>[1]>,
  ): Promise<string> {
    const body = { title, scheduledFor, objectiveId: OBJECTIVE };
    const { meeting } = (await call('POST', '/meetings', body)) as { meeting: { id: string } };
    const joined = await writer.joinSynced(meetingDocName(meeting.id));
    for (const item of items) addAgendaItem(joined.doc, item);
    await agendaOnServer(server.app.hub, meeting.id, items.length);
    return meeting.id;
  }

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: TODAY, seed: 1, objectives: 1 }));
    await db.close();
    ({ token } = await server.signIn('Setup Script', 'analyst'));

    const detail = (await call('GET', `/objectives/${OBJECTIVE}`)) as unknown as ObjectiveDetail;
    const fits = (each: GoalSummary) =>
      each.indicators.length >= 2 && each.indicators[0]!.computed.latest !== null;
    const owner = detail.agencies.find(({ goals }) => goals.some(fits))!;
    goalAgency = owner.agency;
    goal = owner.goals.find(fits)!;

    const writer = await SocketIoDocClient.connect(server.url, { token });
    try {
      // Last week's meeting left two commitments open, one of them already overdue.
      const earlier = await meetingWithAgenda(
        writer,
        'Reunião de segurança (semana passada)',
        addDaysToDate(TODAY, -7),
        [{ title: 'Acompanhamento dos compromissos', kind: AgendaItemKind.followUp }],
      );
      await call('POST', `/meetings/${earlier}/start`, {});
      for (const { id, text, dueIn: days } of [old.overdue, old.onTime])
        await call('POST', `/objectives/${OBJECTIVE}/commitments`, {
          ...{ id, text, meetingId: earlier, goalId: goal.id, dueDate: addDaysToDate(TODAY, days) },
          ...{ ownerAgencyId: goalAgency.id, ownerPerson: 'Delegada Silva' },
        });
      itemTitles = ['Acompanhamento dos compromissos', goal.title, 'Roubo de veículos'];
      meetingId = await meetingWithAgenda(writer, 'Reunião de segurança', TODAY, [
        { title: itemTitles[0], kind: AgendaItemKind.followUp, timeboxMinutes: 10 },
        {
          title: itemTitles[1],
          presenterAgency: goalAgency.id,
          indicatorIds: goal.indicators.slice(0, 2).map((indicator) => indicator.id),
          timeboxMinutes: 15,
        },
        { title: itemTitles[2], kind: AgendaItemKind.problemSolving, timeboxMinutes: 10 },
      ]);
      await call('POST', `/meetings/${earlier}/close`, {});
    } finally {
      writer.close();
    }

    browser = await launchBrowser();
    ana = await openPerson(browser, server.url, 'Ana Lima', 'analyst', VIEWPORTS.laptop);
    sofia = await openPerson(browser, server.url, 'Sofía Rojas', 'analyst', VIEWPORTS.desktop);
    await readIn(ana.context, 'pt-BR');
    await readIn(sofia.context, 'es');
    for (const person of [ana, sofia])
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('pt-BR, the notes editor on the preparation page: its toolbar in Portuguese', async () => {
    const { page } = ana;
    await page.goto(`/meetings/${meetingId}/prep`);
    const toolbar = page.getByRole('toolbar', { name: 'Formatação das anotações' });
    await toolbar.waitFor({ timeout: POLL.timeout });
    expect(await toolbar.getByRole('button').allTextContents()).toEqual([
      'Negrito',
      'Título',
      'Lista com marcadores',
      'Lista numerada',
    ]);
  });

  test('pt-BR, before the start: phase, agenda and follow-up in Portuguese, dates the Brazilian way', async () => {
    const { page } = ana;
    await page.goto(`/meetings/${meetingId}`);
    await expect.poll(() => phase(page), POLL).toBe('Não iniciada');
    await expect.poll(() => page.getByTestId('follow-up-row').count(), POLL).toBe(2);
    await page.getByRole('button', { name: 'Iniciar reunião' }).waitFor();
    // The follow-up is drawn from the server's answer before the agenda has synced.
    await page.getByRole('heading', { name: /^Pauta/ }).waitFor();
    expect(await page.getByRole('heading', { name: /^Acompanhamento/ }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: /^Assumidos nesta reunião/ }).count()).toBe(1);

    const overdue = (await followUpRow(page, old.overdue.id).textContent()) ?? '';
    expect(overdue).toContain('Atrasado');
    expect(overdue).toContain(`prazo ${dueIn(addDaysToDate(TODAY, old.overdue.dueIn), ptBR)}`);
    expect(overdue).toMatch(/aberto há \d+ dias?/);
    expect(overdue).not.toMatch(/ 0 dia\b/);
    // The rail: each item's kind and time box.
    // The agenda comes with the meeting document's sync, after the follow-up rows.
    await expect
      .poll(async () => (await page.locator('.rail').textContent()) ?? '', POLL)
      .toContain('Revisão de acompanhamento · 10 min');
    const rail = (await page.locator('.rail').textContent()) ?? '';
    expect(rail).toContain('Resolução de problemas · 10 min');
    expect(await bodyText(page)).toContain('A reunião ainda não começou.');
    expect(englishLeftovers(await bodyText(page), 'pt-BR')).toEqual([]);
  });

  test('pt-BR, the language switched in place: the follow-up rows change language too', async () => {
    const { page } = ana;
    const row = () => followUpRow(page, old.overdue.id).textContent();
    const languageSwitch = page.getByTestId('language-switch');
    // The rows' phrases are remembered per language (FollowUpPanel's rowPhrases): none may stay behind.
    await languageSwitch.selectOption('es');
    try {
      await expect.poll(row, POLL).toMatch(/abierto hace \d+ días?/);
      const spanish = (await row()) ?? '';
      expect(spanish).toContain('Vencido');
      expect(spanish).toContain(`plazo ${dueIn(addDaysToDate(TODAY, old.overdue.dueIn), es)}`);
      expect(spanish).not.toMatch(/aberto|prazo|Atrasado/);
    } finally {
      // The next tests read Ana's page in Portuguese.
      await languageSwitch.selectOption('pt-BR');
    }
    await expect.poll(row, POLL).toMatch(/aberto há \d+ dias?/);
    expect(await row()).toContain('Atrasado');
  });

  test('pt-BR, live: the current item with its timer and chart', async () => {
    const { page } = ana;
    await page.getByRole('button', { name: 'Iniciar reunião' }).click();
    await expect.poll(() => phase(page), POLL).toBe('Em andamento');
    await expect.poll(() => currentTitle(page), POLL).toBe(itemTitles[0]);
    await page.getByRole('button', { name: 'Próximo item' }).click();
    await expect.poll(() => currentTitle(page), POLL).toBe(itemTitles[1]);

    const current = page.getByTestId('current-item');
    expect(await current.textContent()).toContain('Item 2 de 3 · Revisão de meta');
    expect(await current.textContent()).toContain(`Apresentado por ${goalAgency.name}`);
    await expect.poll(() => page.getByTestId('item-timer').textContent(), POLL).toMatch(/usados de 15:00/);
    await page.getByRole('button', { name: 'Dar mais 5 minutos a este item' }).click();
    await expect
      .poll(() => page.getByTestId('item-timer').textContent(), POLL)
      .toContain('(+5 min acrescentados)');
    await page.locator('.indicator-chart').first().waitFor();
    // The values pinned at the start, at a time written HH:mm.
    await expect
      .poll(() => page.getByTestId('pinned-note').textContent(), POLL)
      .toMatch(/^Valores como estavam no início da reunião \(\d\d:\d\d\)\./);
    await expect.poll(async () => englishLeftovers(await bodyText(page), 'pt-BR'), POLL).toEqual([]);
    await screenshot(page, 'i18n-room-item-pt-BR-1366');
  });

  test('pt-BR, capture: labels, a missing text, a server refusal and a save in Portuguese', async () => {
    const { page } = ana;
    const form = page.getByTestId('capture-form');
    expect(await form.getByRole('heading').textContent()).toBe(`Novo compromisso de “${itemTitles[1]}”`);
    const text = form.getByLabel('O que foi acordado');
    expect(await text.getAttribute('placeholder')).toMatch(/^ex\.: /);
    expect(await form.getByLabel('Meta', { exact: true }).inputValue()).toBe(goal.id);
    expect(await form.getByLabel('Órgão responsável').inputValue()).toBe(goalAgency.id);
    expect(await form.getByLabel('Prazo').inputValue()).toBe(addDaysToDate(TODAY, 7));
    expect(await form.textContent()).toContain('Pressione Enter para salvar');

    await text.click();
    await page.keyboard.press('Enter');
    await form.getByText('Digite o que foi acordado.').waitFor();

    // The server refuses a date out of range: its reason reads in Portuguese, the text stays.
    await form.getByLabel('Prazo').fill('1999-12-31');
    await text.fill('Publicar o painel de roubos de veículos');
    await text.press('Enter');
    const refusal = form.getByTestId('capture-error');
    await refusal.waitFor({ timeout: POLL.timeout });
    const refusalText = (await refusal.textContent()) ?? '';
    expect(refusalText).not.toContain('dueDate');
    expect(
      PORTUGUESE_ERRORS.some((pattern) => pattern.test(refusalText)),
      refusalText,
    ).toBe(true);
    expect(await text.inputValue()).toBe('Publicar o painel de roubos de veículos');

    await form.getByLabel('Prazo').fill(addDaysToDate(TODAY, 7));
    await text.press('Enter');
    await expect
      .poll(() => page.getByTestId('capture-saved').textContent(), POLL)
      .toBe('Salvo: “Publicar o painel de roubos de veículos”');
    const made = page.getByTestId('made-row');
    await expect.poll(() => made.count(), POLL).toBe(1);
    expect(await made.textContent()).toContain(`prazo ${dueIn(addDaysToDate(TODAY, 7), ptBR)}`);
    expect(englishLeftovers(await bodyText(page), 'pt-BR')).toEqual([]);
  });

  test('pt-BR, follow-up: one commitment done, one dropped with its reason', async () => {
    const { page } = ana;
    await followUpRow(page, old.onTime.id).getByRole('button', { name: 'Cumprido', exact: true }).click();
    await expect
      .poll(() => followUpRow(page, old.onTime.id).getByTestId('review-outcome').textContent(), POLL)
      .toMatch(/^Cumprido \(Ana Lima, \d\d:\d\d\)$/);

    const row = followUpRow(page, old.overdue.id);
    await row.getByRole('button', { name: 'Descartar…' }).click();
    await row.getByLabel('Por que descartar?').waitFor();
    await row.getByRole('button', { name: 'Descartar', exact: true }).click();
    await row.getByText('Informe o motivo do descarte.').waitFor();
    await row.getByLabel('Por que descartar?').fill('Substituído pelo novo plano');
    await row.getByRole('button', { name: 'Descartar', exact: true }).click();
    await expect
      .poll(() => row.getByTestId('review-outcome').textContent(), POLL)
      .toContain('Descartado: Substituído pelo novo plano');
    expect(await page.getByTestId('follow-up').textContent()).toContain('2 de 2 revisados');
    await row.getByRole('button', { name: 'Alterar revisão' }).waitFor();

    // The close asks first, in Portuguese, and Esc keeps the meeting open.
    await page.getByRole('button', { name: 'Encerrar reunião' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Encerrar reunião' });
    expect(await dialog.textContent()).toContain('Encerrar a reunião agora?');
    await dialog.getByRole('button', { name: 'Manter aberta' }).waitFor();
    expect(englishLeftovers(await bodyText(page), 'pt-BR')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    await screenshot(page, 'i18n-room-follow-up-pt-BR-1366');
  });

  test('es: the same meeting, in Spanish', async () => {
    const { page } = sofia;
    await page.goto(`/meetings/${meetingId}`);
    await expect.poll(() => phase(page), POLL).toBe('En curso');
    await expect.poll(() => currentTitle(page), POLL).toBe(itemTitles[1]);
    await expect.poll(() => page.getByTestId('made-row').count(), POLL).toBe(1);
    await page.locator('.indicator-chart').first().waitFor();

    const current = (await page.getByTestId('current-item').textContent()) ?? '';
    expect(current).toContain('Punto 2 de 3 · Revisión de meta');
    expect(current).toContain(`Presentado por ${goalAgency.name}`);
    await page.getByRole('button', { name: 'Punto siguiente' }).waitFor();
    await page.getByRole('button', { name: 'Dar 5 minutos más a este punto' }).waitFor();
    expect(await page.getByTestId('capture-form').getByLabel('Qué se acordó').count()).toBe(1);
    expect(await page.getByRole('heading', { name: /^Seguimiento/ }).count()).toBe(1);
    expect(await page.getByTestId('follow-up').textContent()).toContain('2 de 2 revisados');
    await expect
      .poll(() => followUpRow(page, old.onTime.id).getByTestId('review-outcome').textContent(), POLL)
      .toMatch(/^Cumplido \(Ana Lima, \d\d:\d\d\)$/);
    const overdue = (await followUpRow(page, old.overdue.id).textContent()) ?? '';
    expect(overdue).toContain('Vencido');
    expect(overdue).toContain(`plazo ${dueIn(addDaysToDate(TODAY, old.overdue.dueIn), es)}`);
    expect(overdue).toContain('Descartado: Substituído pelo novo plano');
    expect(await page.getByTestId('made-row').textContent()).toContain(
      `plazo ${dueIn(addDaysToDate(TODAY, 7), es)}`,
    );
    await expect.poll(async () => englishLeftovers(await bodyText(page), 'es'), POLL).toEqual([]);
    await screenshot(page, 'i18n-room-item-es-1920');
  });

  test('closed: both read when it closed, each in their language', async () => {
    await ana.page.getByRole('button', { name: 'Encerrar reunião' }).click();
    await ana.page.getByRole('button', { name: 'Encerrar agora' }).click();
    await expect.poll(() => phase(ana.page), POLL).toBe('Encerrada');
    await expect.poll(() => phase(sofia.page), POLL).toBe('Cerrada');
    expect(await ana.page.getByTestId('closed-at').textContent()).toMatch(/^Encerrada às \d\d:\d\d$/);
    await expect
      .poll(() => sofia.page.getByTestId('closed-at').textContent(), POLL)
      .toMatch(/^Cerrada a las \d\d:\d\d$/);
    await ana.page.getByRole('link', { name: 'Abrir a ata' }).waitFor();
    await sofia.page.getByRole('link', { name: 'Abrir el acta' }).waitFor();
    expect(englishLeftovers(await bodyText(ana.page), 'pt-BR')).toEqual([]);
    expect(englishLeftovers(await bodyText(sofia.page), 'es')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
