/**
 * The chair's console and the big screen of a live meeting read in Portuguese (and the big screen in
 * Spanish), against a real server with the demo government: their own words, dates and numbers in
 * the reader's language, no catalogue English left on the page, the console's language switch in
 * its bar, and Portuguese (longer) that neither overflows the console's bar nor the screen, whose
 * text stays at least 28 px at 1920×1080. The screen reloaded offline stays in Portuguese: its
 * service worker kept the lazy pt-BR catalogue. Build first (TEST_CLIENT_DIR).
 * Screenshots: /tmp/shots/i18n-console-*.png, /tmp/shots/i18n-screen-*.png.
 */
import { randomUUID } from 'node:crypto';
import { format, parseISO } from 'date-fns';
import { es as esLocale, ptBR } from 'date-fns/locale';
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
import { englishLeftovers, readIn } from '../helpers/i18n.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { SocketIoDocClient } from '../helpers/yjsClients.ts';
import { agendaOnServer } from '../server/meetings/liveMeeting.ts';

const POLL = { timeout: 20_000, interval: 100 };
const TODAY = todayDate();
const OBJECTIVE = 'obj-01';
const OVERDUE = addDaysToDate(TODAY, -2);
const COMMITMENTS = [
  'Enviar o mapa de focos de furtos aos distritos',
  'Segundo turno de patrulhas na zona norte',
];

/** The page as read (innerText) and as written (textContent: upper-cased eyebrows in their own case). */
const bodyText = async (page: Page) =>
  `${await page.innerText('body')}\n${(await page.textContent('body')) ?? ''}`;
const textOf = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';
const phaseOf = (page: Page) => page.getByTestId('screen-phase').getAttribute('data-phase');

/**
 * The screen must never scroll, show text too small to read from the back of the room, or cut its
 * own words (a box narrower than its text). Data (names, commitments) may end in "…" by design.
 */
async function screenProblems(page: Page, minFontPx: number, data: string[]): Promise<string[]> {
  return page.evaluate(
    ([min, names]) => {
      const problems: string[] = [];
      const root = document.documentElement;
      if (root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1)
        problems.push(
          `page scrolls: ${root.scrollWidth}×${root.scrollHeight} in ${innerWidth}×${innerHeight}`,
        );
      for (const element of document.querySelectorAll<HTMLElement | SVGElement>('.screen *')) {
        const text = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim());
        if (!text || element.getClientRects().length === 0) continue;
        const size = Number.parseFloat(getComputedStyle(element).fontSize);
        if (size < min) problems.push(`${size.toFixed(1)}px: "${element.textContent?.trim().slice(0, 40)}"`);
        // Data may end in "…" by design; the screen's own words and dates may not.
        if (names.some((name) => element.textContent?.includes(name))) continue;
        const cut = (where: string) =>
          problems.push(`cut ${where}: "${element.textContent?.trim().slice(0, 40)}"`);
        // A box narrower than its text cuts it (the screen's boxes clip rather than scroll)…
        if (element instanceof HTMLElement && element.scrollWidth > element.clientWidth + 1) {
          const style = getComputedStyle(element);
          if (style.overflowX !== 'visible' || style.textOverflow === 'ellipsis') cut('short');
        }
        // …and so does the nearest box that clips, when the text runs past its bottom or its end
        // (text left out whole, like a list's entries that do not fit, is not cut).
        const box = element.getBoundingClientRect();
        for (let clip = element.parentElement; clip && clip !== document.body; clip = clip.parentElement) {
          const style = getComputedStyle(clip);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          const edge = clip.getBoundingClientRect();
          const shown = box.top < edge.bottom - 1 && box.left < edge.right - 1;
          if (shown && box.bottom > edge.bottom + 1) cut('at the bottom');
          if (shown && box.right > edge.right + 1) cut('at the end');
          break;
        }
      }
      return problems;
    },
    [minFontPx, data] as const,
  );
}

/** Anything of the console's top line that sticks out of the window, or the window scrolling sideways. */
async function consoleBarProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth + 1) problems.push('the console scrolls sideways');
    for (const element of document.querySelectorAll<HTMLElement>('.console__bar *')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.right > innerWidth + 1 || box.left < -1))
        problems.push(`outside the window: "${element.textContent?.trim().slice(0, 40)}"`);
      if (element.matches('.button') && element.scrollWidth > element.clientWidth + 1)
        problems.push(`button cut: "${element.textContent?.trim()}"`);
    }
    return problems;
  });
}

/** One animation frame: lists re-measure what fits before a picture or a check. */
const settle = (page: Page) =>
  page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));

describe('the console and the big screen in Portuguese and Spanish', () => {
  let server: TestServer;
  let browser: Browser;
  let chair: Person;
  let display: Person;
  let spanish: Person;
  let token: string;
  let goal: GoalSummary;
  let goalAgency: Agency;
  let otherAgency: Agency;
  let meetingId: string;
  let objective: ObjectiveDetail;
  const pageErrors: string[] = [];
  /** What the database says (names, titles, commitments): the screen may shorten these with "…". */
  const data = () => [
    objective.objective.name,
    'Balanço da segurança',
    ...objective.agencies.flatMap(({ agency, goals }) => [
      agency.name,
      ...goals.flatMap((each) => [each.title, ...each.indicators.map((indicator) => indicator.name)]),
    ]),
    ...COMMITMENTS,
  ];

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

  async function createMeeting(
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
    await insertDemoData(db, generateDemoData({ asOf: TODAY, seed: 1, objectives: 2 }));
    await db.close();
    ({ token } = await server.signIn('Setup Script', 'analyst'));

    const detail = (await call('GET', `/objectives/${OBJECTIVE}`)) as unknown as ObjectiveDetail;
    objective = detail;
    const fits = (each: GoalSummary) =>
      each.indicators.length >= 2 && each.indicators.every((indicator) => indicator.computed.latest !== null);
    const owner = detail.agencies.find(({ goals }) => goals.some(fits))!;
    goalAgency = owner.agency;
    goal = owner.goals.find(fits)!;
    otherAgency = detail.agencies.find(({ agency }) => agency.id !== goalAgency.id)!.agency;

    const writer = await SocketIoDocClient.connect(server.url, { token });
    try {
      // Last week's meeting left a commitment of the goal's agency open and overdue.
      const earlier = await createMeeting(
        writer,
        'Balanço da segurança (semana passada)',
        addDaysToDate(TODAY, -7),
        [{ title: 'Follow-up', kind: AgendaItemKind.followUp }],
      );
      await call('POST', `/meetings/${earlier}/start`, {});
      await call('POST', `/objectives/${OBJECTIVE}/commitments`, {
        ...{ id: randomUUID(), text: COMMITMENTS[0], meetingId: earlier },
        ...{ goalId: goal.id, dueDate: OVERDUE, ownerAgencyId: goalAgency.id, ownerPerson: '' },
      });
      await call('POST', `/meetings/${earlier}/close`, {});
      meetingId = await createMeeting(writer, 'Balanço da segurança', TODAY, [
        // A title is data: a Portuguese chair writes it in Portuguese.
        { title: 'Acompanhamento dos compromissos', kind: AgendaItemKind.followUp, timeboxMinutes: 10 },
        {
          title: goal.title,
          presenterAgency: goalAgency.id,
          indicatorIds: goal.indicators.slice(0, 4).map((indicator) => indicator.id),
          timeboxMinutes: 15,
        },
        { title: 'Roubos de veículos: soluções', presenterAgency: otherAgency.id, timeboxMinutes: 10 },
      ]);
    } finally {
      writer.close();
    }

    browser = await launchBrowser();
    chair = await openPerson(browser, server.url, 'Ana Lima', 'analyst', VIEWPORTS.desktop);
    display = await openPerson(browser, server.url, 'Telão Recife', 'viewer', VIEWPORTS.desktop);
    spanish = await openPerson(browser, server.url, 'Pantalla Santiago', 'viewer', VIEWPORTS.desktop);
    await readIn(chair.context, 'pt-BR');
    await readIn(display.context, 'pt-BR');
    await readIn(spanish.context, 'es');
    for (const person of [chair, display, spanish])
      person.page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('before the start: the console and the screen in Portuguese, with Portuguese dates', async () => {
    await chair.page.goto(`/meetings/${meetingId}/room`);
    await chair.page.getByText('Console da presidência').waitFor();
    await chair.page.getByTestId('follow-up-row').first().waitFor();
    expect(await chair.page.getByTestId('phase-badge').textContent()).toBe('Não iniciada');
    await chair.page.getByRole('button', { name: 'Iniciar reunião' }).waitFor();
    // The language switch sits in the console's own bar (it has no app top bar).
    expect(await chair.page.locator('.console__bar').getByTestId('language-switch').inputValue()).toBe(
      'pt-BR',
    );
    const followUp = await textOf(chair.page, 'follow-up');
    expect(followUp).toContain('Acompanhamento');
    expect(followUp).toContain(`prazo ${format(parseISO(OVERDUE), 'EEE d MMM', { locale: ptBR })}`);
    expect(followUp).toContain('Atrasado');
    expect(englishLeftovers(await bodyText(chair.page), 'pt-BR')).toEqual([]);

    await display.page.goto(`/meetings/${meetingId}/screen`);
    await expect.poll(() => phaseOf(display.page), POLL).toBe('draft');
    await expect.poll(() => display.page.getByTestId('screen-agenda-item').count(), POLL).toBe(3);
    // The screen opens the ledger once the agenda is drawn: the follow-up count comes a moment later.
    await expect.poll(() => bodyText(display.page), POLL).toContain('1 compromisso aberto para acompanhar');
    const screen = await bodyText(display.page);
    expect(screen).toContain('A reunião começará em breve');
    expect(screen).toContain('Pauta');
    expect(screen).toContain('1 compromisso aberto para acompanhar');
    // "terça-feira 14 julho 2026": the day in Portuguese.
    expect(screen).toContain(format(parseISO(TODAY), 'EEEE d MMMM yyyy', { locale: ptBR }));
    expect(englishLeftovers(screen, 'pt-BR')).toEqual([]);
    await settle(display.page);
    await screenshot(display.page, 'i18n-screen-draft-pt-1920');
    expect(await screenProblems(display.page, 28, data())).toEqual([]);
  });

  test('live: the chair starts and moves on from the console; both read in Portuguese', async () => {
    await chair.page.getByRole('button', { name: 'Iniciar reunião' }).click();
    await expect.poll(() => chair.page.getByTestId('phase-badge').textContent(), POLL).toBe('Em andamento');
    await chair.page.getByTestId('console-next').waitFor();
    await expect.poll(() => chair.page.getByTestId('console-next').isEnabled(), POLL).toBe(true);
    await chair.page.getByTestId('console-next').click();
    await expect
      .poll(() => chair.page.getByTestId('console-current-title').textContent(), POLL)
      .toBe(goal.title);
    await call('POST', `/objectives/${OBJECTIVE}/commitments`, {
      ...{ id: randomUUID(), text: COMMITMENTS[1], meetingId },
      ...{ goalId: goal.id, dueDate: addDaysToDate(TODAY, 14), ownerAgencyId: goalAgency.id },
      ownerPerson: 'Chefe Silva',
    });

    // The console: its item, cue card, big-screen panel and overrun budget.
    const current = await textOf(chair.page, 'console-current');
    expect(current).toContain('Item 2 de 3');
    expect(current).toContain('Apresentado por');
    expect(current).toContain('término previsto às');
    // The agency's commitments: last week's (overdue) and the one just made.
    await expect
      .poll(() => textOf(chair.page, 'cue-card'), POLL)
      .toContain('2 compromissos abertos, 1 atrasado');
    expect(await textOf(chair.page, 'cue-card')).toContain(`Sobre: ${goalAgency.name}`);
    expect(await textOf(chair.page, 'screen-control')).toContain('Você controla o telão.');
    expect(await chair.page.locator('.console__toolbar').textContent()).toContain('Próximo item');
    expect(englishLeftovers(await bodyText(chair.page), 'pt-BR')).toEqual([]);
    await screenshot(chair.page, 'i18n-console-live-pt-1920');
    expect(await consoleBarProblems(chair.page)).toEqual([]);
    await chair.page.setViewportSize(VIEWPORTS.laptop);
    await settle(chair.page);
    await screenshot(chair.page, 'i18n-console-live-pt-1366');
    expect(await consoleBarProblems(chair.page)).toEqual([]);

    // The key help, in Portuguese, keys as they are.
    await chair.page.keyboard.press('?');
    await chair.page.getByTestId('key-help').waitFor({ state: 'visible' });
    expect(await textOf(chair.page, 'key-help')).toContain('Pausar ou retomar o cronômetro do item');
    expect(englishLeftovers(await bodyText(chair.page), 'pt-BR')).toEqual([]);
    await chair.page.keyboard.press('Escape');
    await chair.page.setViewportSize(VIEWPORTS.desktop);

    // The big screen follows: the item, the indicator's numbers the Portuguese way, the commitment.
    await expect
      .poll(() => display.page.getByTestId('screen-item-title').textContent(), POLL)
      .toBe(goal.title);
    const first = goal.indicators[0]!;
    await display.page.getByTestId('screen-focus').waitFor();
    await display.page.locator('.screen-focus .indicator-chart').waitFor();
    await expect.poll(() => display.page.getByTestId('screen-commitment').count(), POLL).toBe(1);
    const latest = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 2 }).format(
      first.computed.latest!.value,
    );
    expect(await display.page.getByTestId('screen-focus').getByTestId('screen-latest').textContent()).toBe(
      first.unit === '%' ? `${latest}%` : first.unit ? `${latest} ${first.unit}` : latest,
    );
    const screen = await bodyText(display.page);
    expect(screen).toContain('Em andamento');
    expect(screen).toMatch(/Item 2 de 3/i);
    expect(screen).toMatch(/Dados: (No rumo|Em risco|Fora do rumo)/);
    expect(screen).toContain('Assumidos nesta reunião');
    expect(screen).toContain(
      `prazo ${format(parseISO(addDaysToDate(TODAY, 14)), 'EEE d MMM', { locale: ptBR })}`,
    );
    expect(englishLeftovers(screen, 'pt-BR')).toEqual([]);
    await settle(display.page);
    await screenshot(display.page, 'i18n-screen-item-pt-1920');
    expect(await screenProblems(display.page, 28, data())).toEqual([]);
    await display.page.setViewportSize(VIEWPORTS.laptop);
    await settle(display.page);
    await screenshot(display.page, 'i18n-screen-item-pt-1366');
    expect(await screenProblems(display.page, 19, data())).toEqual([]);
    await display.page.setViewportSize(VIEWPORTS.desktop);
  });

  test('the big screen reloaded offline stays in Portuguese (its worker kept the catalogue)', async () => {
    await expect
      .poll(() => display.page.evaluate(() => navigator.serviceWorker.controller !== null), POLL)
      .toBe(true);
    // Every app file the page loaded (the lazy pt-BR catalogue among them) is in the worker's cache.
    await expect
      .poll(
        () =>
          display.page.evaluate(async () => {
            const files = performance
              .getEntriesByType('resource')
              .map((entry) => entry.name)
              .filter((name) => new URL(name).pathname.startsWith('/assets/'));
            const missing = [];
            for (const file of files) if (!(await caches.match(file))) missing.push(file);
            return missing;
          }),
        POLL,
      )
      .toEqual([]);
    await display.context.setOffline(true);
    await display.page.reload();
    await expect
      .poll(() => display.page.getByTestId('screen-item-title').textContent(), POLL)
      .toBe(goal.title);
    await display.page.getByTestId('screen-reconnecting').waitFor();
    const screen = await bodyText(display.page);
    expect(screen).toContain('Reconectando');
    expect(screen).toContain('Apresentado por');
    expect(englishLeftovers(screen, 'pt-BR')).toEqual([]);
    await display.context.setOffline(false);
    await expect.poll(() => display.page.getByTestId('screen-reconnecting').count(), POLL).toBe(0);
  });

  test('the big screen in Spanish', async () => {
    await spanish.page.goto(`/meetings/${meetingId}/screen`);
    await expect
      .poll(() => spanish.page.getByTestId('screen-item-title').textContent(), POLL)
      .toBe(goal.title);
    await spanish.page.getByTestId('screen-focus').waitFor();
    await expect.poll(() => spanish.page.getByTestId('screen-commitment').count(), POLL).toBe(1);
    const screen = await bodyText(spanish.page);
    expect(screen).toContain('En curso');
    expect(screen).toMatch(/Punto 2 de 3/i);
    expect(screen).toContain('Presentado por');
    expect(screen).toMatch(/Datos: (En curso|En riesgo|Fuera de curso)/);
    expect(screen).toContain('Asumidos en esta reunión');
    expect(screen).toContain(
      `plazo ${format(parseISO(addDaysToDate(TODAY, 14)), 'EEE d MMM', { locale: esLocale })}`,
    );
    expect(englishLeftovers(screen, 'es')).toEqual([]);
    await settle(spanish.page);
    await screenshot(spanish.page, 'i18n-screen-item-es-1920');
    expect(await screenProblems(spanish.page, 28, data())).toEqual([]);
  });

  test('at the close: the summary on both screens and the console, in their languages', async () => {
    await call('POST', `/meetings/${meetingId}/close`, {});
    await expect.poll(() => phaseOf(display.page), POLL).toBe('closed');
    await display.page.getByText('A reunião foi encerrada').waitFor();
    const screen = await bodyText(display.page);
    expect(screen).toContain('Compromissos assumidos');
    expect(screen).toMatch(/Encerrada às \d\d:\d\d, após \d+ min/);
    expect(screen).toContain('2 de 3 itens da pauta discutidos');
    expect(englishLeftovers(screen, 'pt-BR')).toEqual([]);
    await settle(display.page);
    await screenshot(display.page, 'i18n-screen-closed-pt-1920');
    expect(await screenProblems(display.page, 28, data())).toEqual([]);

    await spanish.page.getByText('La reunión se ha cerrado').waitFor();
    expect(englishLeftovers(await bodyText(spanish.page), 'es')).toEqual([]);

    await expect.poll(() => chair.page.getByTestId('phase-badge').textContent(), POLL).toBe('Encerrada');
    expect(await chair.page.getByTestId('closed-at').textContent()).toMatch(/^Encerrada às \d\d:\d\d$/);
    expect(await chair.page.getByTestId('console-closed-summary').textContent()).toMatch(
      /2 de 3 itens tratados · 1 compromisso assumido/,
    );
    await chair.page.getByRole('link', { name: 'Abrir a ata' }).waitFor();
    expect(englishLeftovers(await bodyText(chair.page), 'pt-BR')).toEqual([]);
    await screenshot(chair.page, 'i18n-console-closed-pt-1920');

    // The console's language switch: the whole console changes at once, and back.
    const languageSwitch = chair.page.locator('.console__bar').getByTestId('language-switch');
    await languageSwitch.selectOption('es');
    await expect.poll(() => chair.page.getByTestId('phase-badge').textContent(), POLL).toBe('Cerrada');
    await chair.page.getByText('Consola de la presidencia').waitFor();
    expect(await textOf(chair.page, 'console-closed-summary')).toContain('1 compromiso asumido');
    expect(englishLeftovers(await bodyText(chair.page), 'es')).toEqual([]);
    await languageSwitch.selectOption('pt-BR');
    await chair.page.getByText('Console da presidência').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
