/** The overrun budget under the timer: how far behind, what the items to come get, the expected end. */
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import type { MeetingLiveState } from '../../../../shared/meetingLive.ts';
import { overrunBudget } from '../../../../shared/overrunBudget.ts';
import { formatClockTime } from '../room/roomFormat.ts';
import { useNow } from '../room/useNow.ts';
import { budgetText } from './budgetText.ts';

export function BudgetLine({ items, live }: { items: AgendaItem[]; live: MeetingLiveState }) {
  const { t } = useTranslation('console');
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
        · {t('budget.expectedEnd', { time: formatClockTime(budget.expectedEndAt) })}
        {text.tone !== 'ok' && (
          <span className="console-budget__planned">
            {' '}
            ({t('budget.plannedEnd', { time: formatClockTime(budget.plannedEndAt) })})
          </span>
        )}
      </span>
    </p>
  );
}
