/** Where an analyst lands: the meetings coming up, and the way to the data. */
import { Link, useLoaderData } from 'react-router';
import { listMeetings, type Meeting } from '../../api/meetings.ts';
import { useStore } from '../../store/index.ts';
import { MeetingTable } from '../meetings/MeetingTable.tsx';
import { todayIso } from '../meetings/meetingDates.ts';
import { performanceNav } from '../performance/routes.tsx';
import '../meetings/meetings.css';

export async function homeLoader(): Promise<Meeting[]> {
  const today = todayIso();
  const meetings = await listMeetings();
  // Soonest first: the meeting to prepare next is at the top.
  return meetings
    .filter((meeting) => meeting.scheduledFor >= today)
    .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor));
}

export function HomePage() {
  const upcoming = useLoaderData<typeof homeLoader>();
  const principal = useStore((state) => state.principal);
  const firstName = principal?.name.split(/\s+/)[0] ?? '';
  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Good to see you{firstName ? `, ${firstName}` : ''}</h1>
          <p className="page__subtitle">Meetings coming up, and the data they will review.</p>
        </div>
        <Link className="button" to="/meetings">
          All meetings
        </Link>
      </header>
      <div className="split">
        <section className="card split__main" aria-labelledby="upcoming-title">
          <h2 className="card__title" id="upcoming-title">
            Upcoming meetings <span className="count">{upcoming.length}</span>
          </h2>
          <MeetingTable
            meetings={upcoming}
            emptyText="No meetings are scheduled. Create one from the Meetings page."
          />
        </section>
        <aside className="split__side">
          <section className="card" aria-labelledby="data-title">
            <h2 className="card__title" id="data-title">
              Performance data
            </h2>
            {performanceNav.length > 0 ? (
              <ul className="linklist">
                {performanceNav.map((item) => (
                  <li key={item.to}>
                    <Link to={item.to}>{item.label}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Objectives, goals and indicators will appear here.</p>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
