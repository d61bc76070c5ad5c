/**
 * Values, changes and period labels follow the reader's language, read at call time: "1.234,5" and
 * "+1,5 p.p." in Portuguese, month names from the date-fns locale, weeks as "semana 7 de 2026".
 */
import { afterAll, describe, expect, test } from 'vitest';
import { directionLabel, formatDelta, formatValue } from '../../../client/src/charts/format.ts';
import { longPeriodLabel, periodProblem, shortPeriodLabel } from '../../../client/src/charts/periods.ts';
import { SINCE_SPAN_LABELS } from '../../../client/src/charts/sinceSpan.ts';
import { statusLabel } from '../../../client/src/charts/statusText.ts';
import { applyLanguage } from '../../../client/src/i18n/i18n.ts';

afterAll(() => applyLanguage('en'));

describe('in English (the default)', () => {
  test('labels read as before', () => {
    expect(shortPeriodLabel('2026-W07')).toBe('W07 ’26');
    expect(shortPeriodLabel('2026-09')).toBe('Sep ’26');
    expect(longPeriodLabel('2026-W07')).toBe('week 7, 2026');
    expect(longPeriodLabel('2026-03')).toBe('March 2026');
    expect(periodProblem('2026-3', 'monthly')).toBe('Use the monthly format YYYY-MM (e.g. 2026-02)');
    expect(statusLabel('off_track')).toBe('Off track');
    expect(directionLabel('down')).toBe('Lower is better');
    expect(SINCE_SPAN_LABELS.quarter).toBe('Quarter');
    expect(formatValue(1234.5, 'cases')).toBe('1,234.5 cases');
  });
});

describe('in Portuguese', () => {
  test('numbers, changes, periods and words', async () => {
    await applyLanguage('pt-BR');
    expect(formatValue(1234.5, 'casos')).toBe('1.234,5 casos');
    expect(formatValue(31.5, '%')).toBe('31,5%');
    expect(formatDelta(1.5, '%')).toBe('+1,5 p.p.');
    expect(formatDelta(-12345.25, 'casos')).toBe('−12.345,25 casos');
    expect(shortPeriodLabel('2026-W07')).toBe('S07 ’26');
    expect(shortPeriodLabel('2026-09')).toBe('set ’26');
    expect(longPeriodLabel('2026-W07')).toBe('semana 7 de 2026');
    expect(longPeriodLabel('2026-03')).toBe('março de 2026');
    expect(statusLabel('off_track')).toBe('Fora do rumo');
    expect(directionLabel('up')).toBe('Quanto maior, melhor');
    expect(SINCE_SPAN_LABELS.quarter).toBe('Trimestre');
  });
});

describe('in Spanish', () => {
  test('numbers, periods and words', async () => {
    await applyLanguage('es');
    expect(formatValue(12345.5, 'casos')).toBe('12.345,5 casos');
    expect(longPeriodLabel('2026-03')).toBe('marzo de 2026');
    expect(statusLabel('on_track')).toBe('En curso');
    expect(periodProblem('2026-7', 'weekly')).toBe(
      'Use el formato semanal AAAA-Www (semana ISO, p. ej., 2026-W07)',
    );
  });
});
