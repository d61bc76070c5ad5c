/**
 * The overrun budget (shared/overrunBudget.ts) in the chair's words: "4 min over · to end on time
 * the next three items get 8, 9, 9 min · expected end 11:42", "on time", or "cannot end on time".
 * Read in the reader's language when called (a language change shows at the next second's redraw).
 */
import type { OverrunBudget } from '../../../../shared/overrunBudget.ts';
import { i18next } from '../../i18n/i18n.ts';

const MINUTE_MS = 60_000;
/** Counts written as words; beyond ten, the number itself. */
const COUNT_WORDS = {
  2: 'two',
  3: 'three',
  4: 'four',
  5: 'five',
  6: 'six',
  7: 'seven',
  8: 'eight',
  9: 'nine',
  10: 'ten',
} as const;
const countWord = (count: number): string => {
  const word = COUNT_WORDS[count as keyof typeof COUNT_WORDS];
  return word ? i18next.t(`console:budget.numbers.${word}`) : String(count);
};

export type BudgetTone = 'ok' | 'over' | 'late';

export interface BudgetText {
  tone: BudgetTone;
  /** "4 min over", "on time", "on time (2 min ahead)". */
  headline: string;
  /** What the items still to come get, or why they cannot absorb it; null when nothing to say. */
  plan: string | null;
}

/** Whole minutes behind (rounded up: 10 s over already costs a minute of someone's slot). */
export const minutesOver = (overMs: number): number => Math.ceil(overMs / MINUTE_MS);

export function budgetText(budget: OverrunBudget): BudgetText {
  const over = minutesOver(budget.overMs);
  const items = budget.upcoming;
  if (over <= 0) {
    const ahead = Math.floor(-budget.overMs / MINUTE_MS);
    return {
      tone: 'ok',
      headline:
        ahead > 0
          ? i18next.t('console:budget.onTimeAhead', { minutes: ahead })
          : i18next.t('console:budget.onTime'),
      plan: null,
    };
  }
  const headline = i18next.t('console:budget.over', { minutes: over });
  if (items.length === 0) return { tone: 'late', headline, plan: i18next.t('console:budget.lastItem') };
  const number = countWord(items.length);
  if (!budget.canEndOnTime)
    return {
      tone: 'late',
      headline,
      plan:
        items.length === 1
          ? i18next.t('console:budget.cannotLast')
          : i18next.t('console:budget.cannotMany', { number }),
    };
  const minutes = items.map((item) => item.budgetMinutes).join(', ');
  return {
    tone: 'over',
    headline,
    plan:
      items.length === 1
        ? i18next.t('console:budget.planLast', { minutes })
        : i18next.t('console:budget.planNext', { number, minutes }),
  };
}
