/**
 * The meetings area read in Portuguese and in Spanish, against a real server with the demo
 * government and its demo series: an analyst in Recife opens the home page, the meetings list (a
 * missing title and a server refusal in Portuguese), a series page (the cadence in words, a refused
 * duration) and the agenda preparation (item editor, indicator picker, a refused time box, remove and
 * undo); a colleague in Santiago prepares the same agenda in Spanish. No English is left on any page,
 * and dates read the local way ("qui 3 dez 2026", "In 3 days" → "Em 3 dias").
 * Build first (`npx vite build`, or TEST_CLIENT_DIR). Screenshots: /tmp/shots/i18n-meetings-*.png.
 */
import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { es, ptBR } from 'date-fns/locale';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { nextWeekday } from '../../server/demo/meetings.ts';
import { insertDemoData } from '../../server/demo/seed.ts';
import { seedDemoMeetings } from '../../server/demo/seedMeetings.ts';
import { createKyselyDocStore } from '../../server/docs/kyselyDocStore.ts';
import { FOLLOW_UP_ITEM_TITLE } from '../../shared/meetingDoc.ts';
import { todayDate } from '../../shared/periods.ts';
import type { SeriesOverview } from '../../shared/series.ts';
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

const POLL = { timeout: 20_000, interval: 100 };
/** The server computes statuses as of its today; the demo must be generated for the same day. */
const TODAY = todayDate();
const OBJECTIVE = 'obj-01';
const NEXT_DAY = nextWeekday(TODAY);
const MEETING_ID = `demo-${OBJECTIVE}-${NEXT_DAY}`;
const PREP_URL = `/meetings/${MEETING_ID}/prep`;

// biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, hidden text excluded.
const bodyText = (page: Page) => page.innerText('body');
/**
 * The page's text without its data: the follow-up item's title is written into the agenda by the
 * server (in English, like every title a person types in theirs), so it is not the page's English.
 */
const pageText = async (page: Page) => (await bodyText(page)).replaceAll(FOLLOW_UP_ITEM_TITLE, '');
/** A meeting date as a Portuguese or Spanish reader sees it ("qui 3 dez 2026", "jue 3 dic 2026"). */
const dateIn = (day: string, locale: typeof ptBR) => format(parseISO(day), 'EEE d MMM yyyy', { locale });
/** "Amanhã" / "Em 3 dias", "Mañana" / "En 3 días". */
function relativeIn(day: string, language: 'pt-BR' | 'es'): string {
  const days = differenceInCalendarDays(parseISO(day), new Date());
  if (days === 1) return language === 'es' ? 'Mañana' : 'Amanhã';
  return language === 'es' ? `En ${days} días` : `Em ${days} dias`;
}

/** The Portuguese texts of server errors, as patterns ("{{field}}" matches anything). */
const PORTUGUESE_ERRORS = [...flatten(CATALOGUES['pt-BR'])]
  .filter(([key]) => key.startsWith('errors:'))
  .map(([, text]) => {
    const pieces = text.split(/\{\{[^}]*\}\}/).map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${pieces.join('.+')}$`);
  });

describe('the meetings area in Portuguese and Spanish', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Person;
  let sofia: Person;
  let overview: SeriesOverview;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const db = openDatabase(server.database.config);
    await insertDemoData(db, generateDemoData({ asOf: TODAY, seed: 1, objectives: 2 }));
    await seedDemoMeetings(db, createKyselyDocStore(db), { asOf: TODAY, seed: 1 });
    await db.close();
    const { token } = await server.signIn('Reader Bot', 'viewer');
    const response = await fetch(`${server.url}/api/objectives/${OBJECTIVE}/series`, {
      headers: { authorization: `Bearer ${token}` },
    });
    overview = (await response.json()) as SeriesOverview;

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

  test('pt-BR, home: the coming meetings and the objectives needing attention', async () => {
    const { page } = ana;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Que bom ver você, Ana' }).waitFor({ timeout: POLL.timeout });
    const upcoming = page.getByRole('region', { name: /^Próximas reuniões/ });
    await expect.poll(() => upcoming.getByRole('row').count(), POLL).toBeGreaterThan(1);
    expect(await upcoming.textContent()).toContain(dateIn(NEXT_DAY, ptBR));
    expect(await upcoming.textContent()).toContain(relativeIn(NEXT_DAY, 'pt-BR'));
    const attention = page.getByRole('region', { name: 'Objetivos que precisam de atenção' });
    expect(await attention.textContent()).toMatch(/\d+ indicador(es)? atrasados?/);
    expect(await attention.textContent()).toMatch(/\d+ avaliaç(ão|ões) ≠ dados/);
    expect(englishLeftovers(await pageText(page), 'pt-BR')).toEqual([]);
  });

  test('pt-BR, meetings list: dates the Brazilian way, the create form and its refusals', async () => {
    const { page } = ana;
    await page.goto('/meetings');
    await page.getByRole('heading', { name: 'Reuniões', exact: true }).waitFor({ timeout: POLL.timeout });
    const list = page.getByRole('region', { name: /^Todas as reuniões/ });
    const text = (await list.textContent()) ?? '';
    expect(text).toContain(dateIn(NEXT_DAY, ptBR));
    // Last week's meeting: "Há 7 dias" (or so, by the weekday the series meets).
    expect(text).toMatch(/Há \d+ dias/);
    expect(await list.getByRole('link', { name: /^Abrir a reunião “/ }).count()).toBeGreaterThan(0);

    const form = page.getByRole('region', { name: 'Nova reunião' });
    await form.getByRole('button', { name: 'Criar e preparar a pauta' }).click();
    await form.getByText('Dê um título à reunião, p. ex. o objetivo que ela analisa').waitFor();

    // The series already meets on that day: the server's refusal, under the date, in Portuguese.
    await form.getByLabel('Objetivo').selectOption(OBJECTIVE);
    expect(await form.getByLabel('Título').inputValue()).toBe(`${overview.objective.name} — reunião semanal`);
    expect(await form.getByRole('radio').count()).toBe(3);
    expect(await form.textContent()).toContain('A pauta da última reunião');
    await form.getByLabel('Data').fill(NEXT_DAY);
    await form.getByRole('button', { name: 'Criar e preparar a pauta' }).click();
    const refusal = form.locator('.field__error');
    await refusal.waitFor({ timeout: POLL.timeout });
    const refusalText = (await refusal.textContent()) ?? '';
    expect(
      PORTUGUESE_ERRORS.some((pattern) => pattern.test(refusalText)),
      refusalText,
    ).toBe(true);
    // It stands by the date it is about.
    expect(await form.getByLabel('Data').getAttribute('aria-invalid')).toBe('true');
    expect(englishLeftovers(await pageText(page), 'pt-BR')).toEqual([]);
    await screenshot(page, 'i18n-meetings-list-pt-BR-1366');
  });

  test('pt-BR, the series page: cadence in words, phases, dates, a refused duration', async () => {
    const { page } = ana;
    await page.goto(`/objectives/${OBJECTIVE}/series`);
    await page
      .getByRole('heading', { name: `${overview.objective.name}: série de reuniões` })
      .waitFor({ timeout: POLL.timeout });
    const { series, lastReviewedOn } = overview;
    expect(await page.getByTestId('series-cadence').textContent()).toMatch(
      new RegExp(`^Tod[ao] [a-zçá-]+, às ${series.startTime}, \\d+ h`),
    );
    expect(await page.getByTestId('series-next').textContent()).toContain(dateIn(NEXT_DAY, ptBR));
    expect(await page.getByTestId('series-next').textContent()).toContain('Rascunho');
    const lastReviewed = (await page.locator('.series-fact').first().textContent()) ?? '';
    expect(lastReviewed).toContain('Última revisão');
    expect(lastReviewed).toContain(dateIn(lastReviewedOn ?? '', ptBR));
    expect(await page.getByTestId('series-past-table').textContent()).toContain('Encerrada');

    const form = page.getByRole('form', { name: 'Periodicidade' });
    expect(await form.getByLabel('Repetição').locator('option').allTextContents()).toEqual([
      'Toda semana',
      'A cada algumas semanas',
      'Todo mês',
    ]);
    expect(await form.getByLabel('Dia').locator('option').allTextContents()).toContain('Quinta-feira');
    await form.getByLabel('Duração (minutos)').fill('5');
    await form.getByRole('button', { name: 'Salvar periodicidade' }).click();
    await form.getByText('Informe um número inteiro de minutos de 15 a 480').waitFor();
    expect(englishLeftovers(await pageText(page), 'pt-BR')).toEqual([]);
    await screenshot(page, 'i18n-meetings-series-pt-BR-1366');
  });

  test('pt-BR, preparing the agenda: list, editor, picker, a refused time box, remove and undo', async () => {
    const { page } = ana;
    await page.goto(PREP_URL);
    await expect.poll(() => page.getByTestId('agenda-row').count(), POLL).toBeGreaterThan(1);
    const subtitle = (await page.locator('.page__subtitle').textContent()) ?? '';
    expect(subtitle).toContain(dateIn(NEXT_DAY, ptBR));
    expect(subtitle).toContain(relativeIn(NEXT_DAY, 'pt-BR'));
    expect(await page.getByRole('navigation', { name: 'Trilha de navegação' }).textContent()).toContain(
      'Preparação',
    );
    await page.getByRole('link', { name: 'Conduzir a reunião' }).waitFor();
    expect(await page.getByTestId('agenda-total').textContent()).toMatch(/^\d+ min$/);
    const agenda = (await page.getByRole('region', { name: 'Pauta', exact: true }).textContent()) ?? '';
    expect(agenda).toMatch(/\d+ itens · típico 60–120 min/);
    expect(agenda).toContain('Revisão de meta');
    await expect
      .poll(() => page.getByTestId('readiness-hint').textContent(), POLL)
      .toMatch(/(indicadores da pauta|indicador na pauta).*Prontidão dos dados$/);

    // The goal review with indicators: its editor in Portuguese, and the picker.
    await page.getByTestId('agenda-row-select').filter({ hasText: 'indicador' }).first().click();
    const editor = page.getByTestId('item-editor');
    expect(await editor.getByRole('heading', { level: 2 }).textContent()).toMatch(/^Item \d+/);
    expect(await editor.getByLabel('Tipo').locator('option').allTextContents()).toEqual([
      'Revisão de acompanhamento',
      'Revisão de meta',
      'Resolução de problemas',
      'Decisão',
    ]);
    await editor.getByLabel('Órgão apresentador').waitFor();
    await editor.getByText('Indicadores a mostrar').waitFor();
    await editor.getByRole('button', { name: 'Escolher indicadores' }).click();
    const picker = page.getByTestId('indicator-picker');
    expect(await picker.getByRole('searchbox').getAttribute('placeholder')).toBe(
      'Filtrar por meta, indicador ou órgão',
    );
    expect(await picker.textContent()).toMatch(/\d+ de \d+ selecionados/);
    expect(await picker.textContent()).toContain('Só fora do rumo ou em risco');

    const timebox = editor.getByLabel('Tempo previsto');
    await timebox.fill('0');
    await timebox.press('Enter');
    await editor.getByText('O tempo previsto deve ser um número inteiro de minutos de 1 a 180').waitFor();
    await expect.poll(async () => englishLeftovers(await pageText(page), 'pt-BR'), POLL).toEqual([]);
    await screenshot(page, 'i18n-meetings-prep-pt-BR-1366');
    await timebox.press('Escape');

    const rows = await page.getByTestId('agenda-row').count();
    const title = (await editor.getByLabel('Título').inputValue()) ?? '';
    await editor.getByRole('button', { name: 'Remover item' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `“${title}” removido` })
      .waitFor();
    await page.getByRole('button', { name: 'Desfazer' }).click();
    await expect.poll(() => page.getByTestId('agenda-row').count(), POLL).toBe(rows);
  });

  test('es, preparing the same agenda in Spanish', async () => {
    const { page } = sofia;
    await page.goto(PREP_URL);
    await expect.poll(() => page.getByTestId('agenda-row').count(), POLL).toBeGreaterThan(1);
    const subtitle = (await page.locator('.page__subtitle').textContent()) ?? '';
    expect(subtitle).toContain(dateIn(NEXT_DAY, es));
    expect(subtitle).toContain(relativeIn(NEXT_DAY, 'es'));
    await page.getByRole('link', { name: 'Conducir la reunión' }).waitFor();
    const agenda = (await page.getByRole('region', { name: 'Agenda', exact: true }).textContent()) ?? '';
    expect(agenda).toMatch(/\d+ puntos · típico 60–120 min/);
    expect(agenda).toContain('Revisión de meta');
    const editor = page.getByTestId('item-editor');
    expect(await editor.getByRole('heading', { level: 2 }).textContent()).toMatch(/^Punto 1/);
    await editor.getByLabel('Tiempo asignado').waitFor();
    await editor.getByLabel('Organismo presentador').waitFor();
    await editor.getByRole('button', { name: 'Quitar punto' }).waitFor();
    await page.getByLabel('Nuevo punto de la agenda').waitFor();
    await expect.poll(() => page.getByTestId('readiness-hint').textContent(), POLL).toMatch(/agenda/);
    await expect.poll(async () => englishLeftovers(await pageText(page), 'es'), POLL).toEqual([]);
    await screenshot(page, 'i18n-meetings-prep-es-1920');
    expect(pageErrors).toEqual([]);
  });
});
