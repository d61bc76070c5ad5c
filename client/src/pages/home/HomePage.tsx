/**
 * Where an analyst lands: the meetings coming up, and the objectives whose data needs attention
 * before those meetings (most goals off track first, with late data and rating disagreements).
 */
import { Link, useLoaderData } from 'react-router';
import type { ObjectiveOverview } from '../../../../shared/performance.ts';
import { listMeetings, type Meeting } from '../../api/meetings.ts';
import { performanceApi } from '../../api/performance.ts';
import { useStore } from '../../store/index.ts';
import { MeetingTable } from '../meetings/MeetingTable.tsx';
import { todayIso } from '../meetings/meetingDates.ts';
import { StatusBar } from '../performance/StatusBar.tsx';
import '../meetings/meetings.css';
import '../performance/performance.css';
import './home.css';

const ATTENTION_LIMIT = 5;

interface HomeData {
  upcoming: Meeting[];
  /** Null when the performance data could not be loaded: the meetings still show. */
  attention: ObjectiveOverview[] | null;
}

const needsAttention = (a: ObjectiveOverview, b: ObjectiveOverview) =>
  b.statusCounts.off_track - a.statusCounts.off_track || b.staleIndicatorCount - a.staleIndicatorCount;

export async function homeLoader(): Promise<HomeData> {
  const today = todayIso();
  const [meetings, objectives] = await Promise.all([
    listMeetings(),
    performanceApi.objectives().then(
      (response) => response.objectives,
      () => null,
    ),
  ]);
  return {
    // Soonest first: the meeting to prepare next is at the top.
    upcoming: meetings
      .filter((meeting) => meeting.scheduledFor >= today)
      .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor)),
    attention: objectives ? [...objectives].sort(needsAttention).slice(0, ATTENTION_LIMIT) : null,
  };
}

export function HomePage() {
  const { upcoming, attention } = useLoaderData<typeof homeLoader>();
  const principal = useStore((state) => state.principal);
  const firstName = principal?.name.split(/\s+/)[0] ?? '';
  const isAnalyst = principal?.role === 'analyst';
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
            emptyText={
              isAnalyst
                ? 'No meetings are scheduled. Create one from the Meetings page.'
                : 'No meetings are scheduled.'
            }
          />
        </section>
        <aside className="split__side">
          <section className="card" aria-labelledby="attention-title">
            <h2 className="card__title" id="attention-title">
              Objectives needing attention
            </h2>
            {attention === null ? (
              <p className="muted">The performance data could not be loaded.</p>
            ) : attention.length === 0 ? (
              <p className="muted">
                No objectives yet.{' '}
                {isAnalyst ? (
                  <>
                    <Link to="/data/import">Import indicators</Link> to start.
                  </>
                ) : (
                  'An analyst imports the indicators.'
                )}
              </p>
            ) : (
              <ul className="attention-list">
                {attention.map((objective) => (
                  <li key={objective.id}>
                    <Link className="attention-list__name" to={`/objectives/${objective.id}`}>
                      {objective.name}
                    </Link>
                    <StatusBar counts={objective.statusCounts} />
                    <p className="attention-list__facts">
                      <Link to={`/objectives/${objective.id}/readiness`}>
                        {objective.staleIndicatorCount} late indicator
                        {objective.staleIndicatorCount === 1 ? '' : 's'}
                      </Link>
                      {' · '}
                      {objective.disagreementCount} rating{objective.disagreementCount === 1 ? '' : 's'} ≠
                      data
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <p className="attention-list__all">
              <Link to="/objectives">All objectives</Link>
            </p>
          </section>
        </aside>
      </div>
    </div>
  );
}
