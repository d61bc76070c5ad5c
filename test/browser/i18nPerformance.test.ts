/**
 * The performance pages and their charts in Portuguese and Spanish, in a real browser against a real
 * server: the objectives, an objective's goals, an indicator (chart, table, forms, changes), readiness
 * and the CSV import read in the person's language with no English left from the catalogues; values
 * read "61,5" and are typed so, dates read the Portuguese way. Needs the built client (`npx vite
 * build`, or TEST_CLIENT_DIR). A screenshot at 1366×768 goes to /tmp/shots/i18n-performance-*.png.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Language } from '../../shared/languages.ts';
import { latestDuePeriod, periodAtIndex, periodIndex } from '../../shared/periods.ts';
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
import { dataPointsCsv, seedSmallObjective } from './fixtures/performanceSeed.ts';

const POLL = { timeout: 20_000, interval: 100 };

describe('performance pages in Portuguese and Spanish', () => {
  let server: TestServer;
  let browser: Browser;
  const people: Person[] = [];
  const today = new Date().toISOString().slice(0, 10);
  const due = latestDuePeriod(today, 'weekly');
  const weeksBefore = (count: number) => periodAtIndex(periodIndex(due, 'weekly') - count, 'weekly');

  beforeAll(async () => {
    server = await startTestServer({ deps: { clientDir: BUILT_CLIENT } });
    const { token } = await server.signIn('Seed Analyst', 'analyst');
    await seedSmallObjective(server.url, token, today);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const person of people) await person.context.close();
    await browser?.close();
    await server?.close();
  });

  async function personIn(language: Exclude<Language, 'en'>, name: string): Promise<Page> {
    const opened = await openPerson(browser, server.url, name, 'analyst', VIEWPORTS.laptop);
    await readIn(opened.context, language);
    people.push(opened);
    return opened.page;
  }

  /** The page's text once `ready` shows, with no catalogue English left on it. */
  async function noEnglishLeft(page: Page, ready: Locator, language: Exclude<Language, 'en'>) {
    await ready.waitFor({ timeout: POLL.timeout });
    const text = (await page.textContent('body')) ?? '';
    expect(englishLeftovers(text, language)).toEqual([]);
    return text;
  }

  const actualCell = (page: Page, period: string) =>
    page.getByTestId('indicator-data-table').locator(`tr[data-period="${period}"] td[data-column="actual"]`);

  test('objectives, an objective and its readiness read in Portuguese', async () => {
    const page = await personIn('pt-BR', 'Ana Lima');
    await page.goto(`${server.url}/objectives`);
    // The cards' figures arrive after the heading: wait for them before reading the page.
    const overview = await noEnglishLeft(page, page.getByText('Metas por órgão').first(), 'pt-BR');
    expect(overview).toContain('Metas por órgão');
    expect(overview).toContain('Prontidão dos dados');
    expect(overview).toMatch(/2 metas · 2 órgãos/);
    expect(overview).toContain('No rumo');

    await page.getByRole('link', { name: 'Metas por órgão' }).click();
    const objective = await noEnglishLeft(page, page.getByTestId('goal-filters'), 'pt-BR');
    expect(objective).toContain('Responsável: Marta Souza');
    expect(objective).toContain('Ordenar por');
    expect(objective).toContain('Todas as 2 metas');
    expect(await page.getByLabel('Ordenar por').locator('option').allTextContents()).toEqual([
      'Órgão',
      'Situação, piores primeiro',
      'Nome',
      'Dados atrasados primeiro',
    ]);
    // Filtering by a status keeps its words in Portuguese too.
    await page.getByRole('checkbox', { name: /Em risco/ }).check();
    await expect
      .poll(() => page.getByTestId('goal-count').textContent(), POLL)
      .toBe('Mostrando 0 de 2 metas');
    await noEnglishLeft(page, page.getByRole('button', { name: 'Limpar filtros' }).first(), 'pt-BR');

    await page.goto(`${server.url}/objectives/obj-security/readiness`);
    const readiness = await noEnglishLeft(page, page.getByTestId('missing-count'), 'pt-BR');
    expect(readiness).toContain('Prontidão dos dados: Citizen security');
    expect(readiness).toContain('Por responsável');
    expect(readiness).toContain('1 indicador sem dados');
  });

  test('an indicator in Portuguese: chart, table, a value typed with a decimal comma, the change dated', async () => {
    const page = await personIn('pt-BR', 'Bruno Costa');
    await page.goto(`${server.url}/indicators/ind-burglaries`);
    const before = await noEnglishLeft(
      page,
      page.getByRole('heading', { name: 'Lançar ou corrigir um valor' }),
      'pt-BR',
    );
    expect(before).toContain('Quanto menor, melhor');
    expect(before).toContain('Trajetória (planejado)');
    expect(before).toContain('Avaliação do responsável');
    expect(await page.getByTestId('indicator-status').textContent()).toContain('Dados: No rumo');

    await page.getByLabel('Período (semana ISO)').fill(weeksBefore(2));
    await page.getByLabel('Valor (cases)').fill('sessenta');
    await page.getByRole('button', { name: 'Corrigir valor' }).click();
    expect(await page.getByText('Informe um número, p. ex. 1234,5').count()).toBe(1);
    await page.getByLabel('Valor (cases)').fill('61,5');
    await page.getByRole('button', { name: 'Corrigir valor' }).click();
    await expect.poll(() => actualCell(page, weeksBefore(2)).textContent(), POLL).toBe('61,5 cases');

    // The correction is listed in Portuguese, dated the Portuguese way ("5 de mar. de 2026, 14:30").
    const change = page.getByTestId('changes').locator('tbody tr').first();
    await expect
      .poll(() => change.textContent(), POLL)
      .toMatch(/Corrigido semana \d+ de \d{4}: 60 cases → 61,5 cases/);
    expect(await change.locator('time').textContent()).toMatch(
      /^\d{1,2} de [a-zç]+\.? de \d{4}, \d{2}:\d{2}$/,
    );
    await page.getByRole('heading', { name: 'Valores' }).scrollIntoViewIfNeeded();
    await noEnglishLeft(page, change, 'pt-BR');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'i18n-performance-indicator-pt-1366');

    // The delete confirmation names the value and the period in Portuguese.
    await page.getByRole('button', { name: 'Excluir valor…' }).click();
    const confirmation = page.getByRole('alertdialog');
    expect(await confirmation.textContent()).toMatch(/Excluir 60 cases de semana \d+ de \d{4}/);
    await confirmation.getByRole('button', { name: 'Cancelar' }).click();
  });

  test('a CSV with bad rows is refused in Portuguese, with each row and nothing changed', async () => {
    const page = await personIn('pt-BR', 'Carla Dias');
    await page.goto(`${server.url}/data/import`);
    await noEnglishLeft(page, page.getByRole('heading', { name: 'Importar dados' }), 'pt-BR');
    await page.getByLabel('Valores', { exact: true }).check();
    const csv = dataPointsCsv([
      ['ind-burglaries', weeksBefore(1), 999, ''],
      ['ind-burglaries', '2026-13', 50, ''],
      ['no-such-indicator', due, 5, ''],
    ]);
    await page
      .getByLabel('Arquivo CSV')
      .setInputFiles({ name: 'ruim.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('ruim.csv foi rejeitado: 2 linhas inválidas');
    expect(text).toContain('Nada foi alterado.');
    expect(await result.locator('tr[data-row="3"]').count()).toBe(1);
    expect(await result.locator('tr[data-row="4"]').count()).toBe(1);
    await noEnglishLeft(page, result, 'pt-BR');
  });

  test('an indicator and the objectives in Spanish', async () => {
    const page = await personIn('es', 'Diego Rojas');
    await page.goto(`${server.url}/indicators/ind-response`);
    const indicator = await noEnglishLeft(
      page,
      page.getByRole('heading', { name: 'Ingresar o corregir un valor' }),
      'es',
    );
    expect(indicator).toContain('Cuanto más alto, mejor');
    expect(indicator).toContain('Variación desde');
    expect(indicator).toContain('Calificación del responsable');
    // A monthly period reads in Spanish ("marzo de 2026").
    expect(indicator).toMatch(
      /(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}/,
    );

    await page.goto(`${server.url}/objectives`);
    const overview = await noEnglishLeft(page, page.getByText('Metas por organismo').first(), 'es');
    expect(overview).toContain('Metas por organismo');
    expect(overview).toContain('En curso');
  });
});
