/**
 * The overrun budget (shared/overrunBudget.ts) in the chair's words: "4 min over · to end on time
 * the next three items get 8, 9, 9 min · expected end 11:42", "on time", or "cannot end on time".
 */
import type { OverrunBudget } from '../../../../shared/overrunBudget.ts';

const MINUTE_MS = 60_000;
const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const countWord = (count: number): string => COUNT_WORDS[count] ?? String(count);

export type BudgetTone = 'ok' | 'over' | 'late';

export interface BudgetText {
  tone: BudgetTone;
  /** "4 min over", "on time", "2 min ahead". */
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
    return { tone: 'ok', headline: ahead > 0 ? `on time (${ahead} min ahead)` : 'on time', plan: null };
  }
  const headline = `${over} min over`;
  if (items.length === 0)
    return { tone: 'late', headline, plan: 'this is the last item: the meeting ends late' };
  if (!budget.canEndOnTime)
    return {
      tone: 'late',
      headline,
      plan: `cannot end on time: even at 1 min each the ${items.length === 1 ? 'last item does' : `${countWord(items.length)} items left do`} not absorb it`,
    };
  const minutes = items.map((item) => item.budgetMinutes).join(', ');
  const which = items.length === 1 ? 'the last item gets' : `the next ${countWord(items.length)} items get`;
  return { tone: 'over', headline, plan: `to end on time ${which} ${minutes} min` };
}
