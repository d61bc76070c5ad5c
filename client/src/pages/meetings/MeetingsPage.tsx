/** All meetings, newest first, and (for analysts) the form that creates one. */
import { useLoaderData } from 'react-router';
import { listMeetings, type Meeting } from '../../api/meetings.ts';
import { performanceApi } from '../../api/performance.ts';
import { useStore } from '../../store/index.ts';
import { MeetingCreateForm, type ObjectiveChoice } from './MeetingCreateForm.tsx';
import { MeetingTable } from './MeetingTable.tsx';
import './meetings.css';

export async function meetingsLoader(): Promise<{ meetings: Meeting[]; objectives: ObjectiveChoice[] }> {
  const [meetings, objectives] = await Promise.all([
    listMeetings(),
    // Linking a meeting to an objective is optional: without the data API the form still works.
    performanceApi
      .objectives()
      .then(({ objectives }) => objectives.map(({ id, name }) => ({ id, name })))
      .catch(() => []),
  ]);
  return { meetings, objectives };
}

export function MeetingsPage() {
  const { meetings, objectives } = useLoaderData<typeof meetingsLoader>();
  const canCreate = useStore((state) => state.principal?.role === 'analyst');
  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Meetings</h1>
          <p className="page__subtitle">
            Each meeting reviews one strategic objective with the agencies that deliver it.
          </p>
        </div>
      </header>
      <div className="split">
        <section className="card split__main" aria-labelledby="meeting-list-title">
          <h2 className="card__title" id="meeting-list-title">
            All meetings <span className="count">{meetings.length}</span>
          </h2>
          <MeetingTable meetings={meetings} />
        </section>
        <aside className="split__side">
          {canCreate ? (
            <MeetingCreateForm objectives={objectives} />
          ) : (
            <section className="card card--muted">
              <h2 className="card__title">New meeting</h2>
              <p className="muted">
                Viewers can read every meeting. Analysts create meetings and build their agendas.
              </p>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
