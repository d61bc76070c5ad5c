/** The overrun budget under the timer: how far behind, what the items to come get, the expected end. */
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import type { MeetingLiveState } from '../../../../shared/meetingLive.ts';
import { overrunBudget } from '../../../../shared/overrunBudget.ts';
import { formatClockTime } from '../room/roomFormat.ts';
import { useNow } from '../room/useNow.ts';
import { budgetText } from './budgetText.ts';

const TEXT = {
  expectedEnd: (time: string) => `expected end ${time}`,
  plannedEnd: (time: string) => `planned ${time}`,
};

export function BudgetLine({ items, live }: { items: AgendaItem[]; live: MeetingLiveState }) {
  // Minutes move slowly; a second is plenty and keeps the line in step with the timer.
  const now = useNow(true, 1000);
  const budget = overrunBudget(items, live, now);
  if (!budget) return null;
  const text = budgetText(budget);
  return (
    <p className={`console-budget console-budget--${text.tone}`} data-testid="overrun-budget">
      <strong className="console-budget__headline">{text.headline}</strong>
      {text.plan && <span> · {text.plan}</span>}
      <span>
        {' '}
        · {TEXT.expectedEnd(formatClockTime(budget.expectedEndAt))}
        {text.tone !== 'ok' && (
          <span className="console-budget__planned">
            {' '}
            ({TEXT.plannedEnd(formatClockTime(budget.plannedEndAt))})
          </span>
        )}
      </span>
    </p>
  );
}
