/**
 * Where an analyst lands: the meetings coming up, and the objectives whose data needs attention
 * before those meetings (most goals off track first, with late data and rating disagreements).
 */
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ObjectiveOverview } from '../../../../shared/performance.ts';
import { listMeetings, type Meeting } from '../../api/meetings.ts';
import { performanceApi } from '../../api/performance.ts';
import { preload } from '../../api/resources.ts';
import { useResource } from '../../api/useResource.ts';
import { NotReady } from '../../components/PageStates.tsx';
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

async function loadHome(): Promise<HomeData> {
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

const HOME = 'home';

/** Starts the page's requests while the router settles the session (the page reads them). */
export function homeLoader() {
  preload(HOME, loadHome);
  return null;
}

export function HomePage() {
  const home = useResource(HOME, loadHome);
  const principal = useStore((state) => state.principal);
  const firstName = principal?.name.split(/\s+/)[0] ?? '';
  const isAnalyst = principal?.role === 'analyst';
  const { t } = useTranslation(['home', 'meetings']);
  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">
            {firstName ? t('greetingNamed', { name: firstName }) : t('greeting')}
          </h1>
          <p className="page__subtitle">{t('subtitle')}</p>
        </div>
        <Link className="button" to="/meetings">
          {t('allMeetings')}
        </Link>
      </header>
      {home.state !== 'ready' ? (
        <NotReady resource={home} what={t('meetings:what.meetings')} />
      ) : (
        <HomeLists {...home.data} isAnalyst={isAnalyst} />
      )}
    </div>
  );
}

function HomeLists({ upcoming, attention, isAnalyst }: HomeData & { isAnalyst: boolean }) {
  const { t } = useTranslation('home');
  return (
    <div className="split">
      <section className="card split__main" aria-labelledby="upcoming-title">
        <h2 className="card__title" id="upcoming-title">
          {t('upcoming')} <span className="count">{upcoming.length}</span>
        </h2>
        <MeetingTable meetings={upcoming} emptyText={isAnalyst ? t('noMeetingsAnalyst') : t('noMeetings')} />
      </section>
      <aside className="split__side">
        <section className="card" aria-labelledby="attention-title">
          <h2 className="card__title" id="attention-title">
            {t('attention')}
          </h2>
          {attention === null ? (
            <p className="muted">{t('attentionFailed')}</p>
          ) : attention.length === 0 ? (
            <p className="muted">
              {t('noObjectives')}{' '}
              {isAnalyst ? (
                <Trans t={t} i18nKey="importToStart" components={{ link: <Link to="/data/import" /> }} />
              ) : (
                t('analystImports')
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
                      {t('lateIndicators', { count: objective.staleIndicatorCount })}
                    </Link>
                    {' · '}
                    {t('disagreements', { count: objective.disagreementCount })}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p className="attention-list__all">
            <Link to="/objectives">{t('allObjectives')}</Link>
          </p>
        </section>
      </aside>
    </div>
  );
}
