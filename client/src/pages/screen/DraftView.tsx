/** Before the start: the objective, the meeting's day and its agenda with each item's time box. */
import { format, parseISO } from 'date-fns';
import { useEffect, useMemo } from 'react';
import { followUp } from '../../../../shared/followUp.ts';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import type { Meeting } from '../../api/meetings.ts';
import { FitList } from './FitList.tsx';
import { preloadScreenChart } from './FocusIndicator.tsx';
import type { ScreenLedger } from './screenLedger.ts';
import type { ScreenNames } from './screenNames.ts';

const TEXT = {
  startsSoon: 'The meeting will start shortly',
  agenda: 'Agenda',
  total: (minutes: number) => `${minutes} min in all`,
  minutes: (minutes: number) => `${minutes} min`,
  empty: 'The agenda is empty.',
  followUp: (count: number) =>
    count === 1 ? '1 open commitment to follow up' : `${count} open commitments to follow up`,
  more: (count: number) => `+${count} more`,
};

interface DraftViewProps {
  meeting: Meeting;
  items: AgendaItem[];
  names: ScreenNames;
  ledger: ScreenLedger;
}

export function DraftView({ meeting, items, names, ledger }: DraftViewProps) {
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
        <p className="screen-eyebrow">{TEXT.startsSoon}</p>
        <h1 className="screen-draft__objective">{names.objective?.objective.name ?? meeting.title}</h1>
        {names.objective?.objective.description && (
          <p className="screen-draft__description">{names.objective.objective.description}</p>
        )}
        <p className="screen-draft__when">
          {meeting.title} · {format(day, 'EEEE d MMMM yyyy')}
        </p>
        {open > 0 && <p className="screen-draft__follow">{TEXT.followUp(open)}</p>}
      </section>
      <section className="screen-draft__agenda" aria-labelledby="screen-agenda-title">
        <h2 className="screen-section-title" id="screen-agenda-title">
          {TEXT.agenda} <span className="screen-muted">· {TEXT.total(total)}</span>
        </h2>
        {items.length === 0 ? (
          <p className="screen-muted">{TEXT.empty}</p>
        ) : (
          <FitList
            className="screen-agenda"
            items={items}
            keyOf={(item) => item.id}
            more={TEXT.more}
            render={(item) => (
              <div className="screen-agenda__row" data-testid="screen-agenda-item">
                <span className="screen-agenda__number">{items.indexOf(item) + 1}</span>
                <span className="screen-agenda__title">
                  {item.title}
                  {item.presenterAgency && (
                    <span className="screen-agenda__presenter">{names.agency(item.presenterAgency)}</span>
                  )}
                </span>
                <span className="screen-agenda__minutes">{TEXT.minutes(item.timeboxMinutes)}</span>
              </div>
            )}
          />
        )}
      </section>
    </div>
  );
}
