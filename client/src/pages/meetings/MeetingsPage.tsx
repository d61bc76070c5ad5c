/** All meetings, newest first, and (for analysts) the form that creates one. */
import { useTranslation } from 'react-i18next';
import { listMeetings, type Meeting } from '../../api/meetings.ts';
import { performanceApi } from '../../api/performance.ts';
import { preload } from '../../api/resources.ts';
import { useResource } from '../../api/useResource.ts';
import { NotReady } from '../../components/PageStates.tsx';
import { useStore } from '../../store/index.ts';
import { MeetingCreateForm, type ObjectiveChoice } from './MeetingCreateForm.tsx';
import { MeetingTable } from './MeetingTable.tsx';
import './meetings.css';

async function loadMeetings(): Promise<{ meetings: Meeting[]; objectives: ObjectiveChoice[] }> {
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

const MEETINGS = 'meetings';

/** Starts the page's requests while the router settles the session (the page reads them). */
export function meetingsLoader() {
  preload(MEETINGS, loadMeetings);
  return null;
}

export function MeetingsPage() {
  const list = useResource(MEETINGS, loadMeetings);
  const { t } = useTranslation('meetings');
  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('list.title')}</h1>
          <p className="page__subtitle">{t('list.subtitle')}</p>
        </div>
      </header>
      {list.state === 'ready' ? (
        <MeetingLists {...list.data} />
      ) : (
        <NotReady resource={list} what={t('what.meetings')} />
      )}
    </div>
  );
}

function MeetingLists({ meetings, objectives }: { meetings: Meeting[]; objectives: ObjectiveChoice[] }) {
  const canCreate = useStore((state) => state.principal?.role === 'analyst');
  const { t } = useTranslation('meetings');
  return (
    <div className="split">
      <section className="card split__main" aria-labelledby="meeting-list-title">
        <h2 className="card__title" id="meeting-list-title">
          {t('list.all')} <span className="count">{meetings.length}</span>
        </h2>
        <MeetingTable meetings={meetings} />
      </section>
      <aside className="split__side">
        {canCreate ? (
          <MeetingCreateForm objectives={objectives} />
        ) : (
          <section className="card card--muted">
            <h2 className="card__title">{t('list.newMeeting')}</h2>
            <p className="muted">{t('list.viewerNote')}</p>
          </section>
        )}
      </aside>
    </div>
  );
}
