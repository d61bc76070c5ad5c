/** Before the start: the objective, the meeting's day and its agenda with each item's time box. */
import { format, parseISO } from 'date-fns';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { followUp } from '../../../../shared/followUp.ts';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import type { Meeting } from '../../api/meetings.ts';
import { agendaItemTitle } from '../../i18n/agendaText.ts';
import { dateLocale } from '../../i18n/locale.ts';
import { minutesText } from '../room/roomFormat.ts';
import { FitList } from './FitList.tsx';
import { preloadScreenChart } from './FocusIndicator.tsx';
import type { ScreenLedger } from './screenLedger.ts';
import type { ScreenNames } from './screenNames.ts';

interface DraftViewProps {
  meeting: Meeting;
  items: AgendaItem[];
  names: ScreenNames;
  ledger: ScreenLedger;
}

export function DraftView({ meeting, items, names, ledger }: DraftViewProps) {
  const { t } = useTranslation('screen');
  // Before the start the screen is idle: the first item's chart then appears with its title.
  useEffect(preloadScreenChart, []);
  const total = items.reduce((sum, item) => sum + item.timeboxMinutes, 0);
  const open = useMemo(
    () => followUp(ledger.ledger, { id: meeting.id, startedAt: null }, Date.now()).length,
    [ledger, meeting.id],
  );
  const day = parseISO(meeting.scheduledFor);
  return (
    <div className="screen-draft">
      <section className="screen-draft__intro">
        <p className="screen-eyebrow">{t('draft.startsSoon')}</p>
        <h1 className="screen-draft__objective">{names.objective?.objective.name ?? meeting.title}</h1>
        {names.objective?.objective.description && (
          <p className="screen-draft__description">{names.objective.objective.description}</p>
        )}
        <p className="screen-draft__when">
          {meeting.title} · {format(day, 'EEEE d MMMM yyyy', { locale: dateLocale() })}
        </p>
        {open > 0 && <p className="screen-draft__follow">{t('draft.followUp', { count: open })}</p>}
      </section>
      <section className="screen-draft__agenda" aria-labelledby="screen-agenda-title">
        <h2 className="screen-section-title" id="screen-agenda-title">
          {t('draft.agenda')} <span className="screen-muted">· {t('draft.total', { minutes: total })}</span>
        </h2>
        {items.length === 0 ? (
          <p className="screen-muted">{t('draft.empty')}</p>
        ) : (
          <FitList
            className="screen-agenda"
            items={items}
            keyOf={(item) => item.id}
            more={(number) => t('more', { number })}
            render={(item) => (
              <div className="screen-agenda__row" data-testid="screen-agenda-item">
                <span className="screen-agenda__number">{items.indexOf(item) + 1}</span>
                <span className="screen-agenda__title">
                  {agendaItemTitle(item.title)}
                  {item.presenterAgency && (
                    <span className="screen-agenda__presenter">{names.agency(item.presenterAgency)}</span>
                  )}
                </span>
                <span className="screen-agenda__minutes">{minutesText(item.timeboxMinutes)}</span>
              </div>
            )}
          />
        )}
      </section>
    </div>
  );
}
