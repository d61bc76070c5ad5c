/**
 * `/objectives/:objectiveId/series`: an objective's meeting series. Its cadence in words, when the
 * objective was last reviewed, the next meeting, every meeting with its phase, the cadence form
 * (analysts; read-only for viewers) and "Create next meeting" (analysts).
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, type LoaderFunctionArgs, useParams } from 'react-router';
import type { Agency } from '../../../../shared/performance.ts';
import { ApiError } from '../../api/http.ts';
import { listPresenterAgencies, type Meeting } from '../../api/meetings.ts';
import { preload } from '../../api/resources.ts';
import { createNextMeeting, getSeriesOverview, type SeriesOverview } from '../../api/series.ts';
import { useResource } from '../../api/useResource.ts';
import { NotReady } from '../../components/PageStates.tsx';
import { errorText } from '../../i18n/errorText.ts';
import { useStore } from '../../store/index.ts';
import { MeetingCells } from './MeetingTable.tsx';
import { formatMeetingDate, relativeMeetingDay, todayIso } from './meetingDates.ts';
import { SeriesDetails, SeriesForm } from './SeriesForm.tsx';
import { cadenceText } from './seriesText.ts';
import './meetings.css';
import './series.css';

/** The page's data: the series, and the agencies that name its usual presenters. */
const seriesResource = (objectiveId: string) =>
  [
    `series:${objectiveId}`,
    async (): Promise<{ overview: SeriesOverview; agencies: Agency[] }> => {
      const [overview, agencies] = await Promise.all([
        getSeriesOverview(objectiveId),
        // Agency names only label the usual agencies: without them the page still works.
        listPresenterAgencies().catch((): Agency[] => []),
      ]);
      return { overview, agencies };
    },
  ] as const;

/** Starts the page's requests (the page reads them). */
export function seriesLoader({ params }: LoaderFunctionArgs) {
  preload(...seriesResource(params.objectiveId ?? ''));
  return null;
}

function PhaseBadge({ phase }: { phase: Meeting['phase'] }) {
  const { t } = useTranslation('meetings');
  return <span className={`phase phase--${phase}`}>{t(`phase.${phase}`)}</span>;
}

type CreateResult =
  | { kind: 'created'; meeting: Meeting }
  | { kind: 'error'; message: string; draftExists: boolean }
  | null;

export function SeriesPage() {
  const loaded = useResource(...seriesResource(useParams().objectiveId ?? ''));
  const { t } = useTranslation('meetings');
  if (loaded.state !== 'ready')
    return (
      <div className="page series">
        <NotReady resource={loaded} what={t('what.series')} />
      </div>
    );
  return <Series {...loaded.data} reload={loaded.reload} />;
}

function Series({
  overview,
  agencies,
  reload,
}: {
  overview: SeriesOverview;
  agencies: Agency[];
  /** Reads the series again after a write, keeping this one on screen meanwhile. */
  reload: () => void;
}) {
  const isAnalyst = useStore((state) => state.principal?.role === 'analyst');
  const [result, setResult] = useState<CreateResult>(null);
  const [creating, setCreating] = useState(false);
  const { t } = useTranslation('meetings');
  const { objective, series, meetings, nextMeeting, lastReviewedOn } = overview;
  const today = todayIso();
  const upcoming = meetings.filter((meeting) => meeting.scheduledFor >= today).reverse();
  const past = meetings.filter((meeting) => meeting.scheduledFor < today);

  const createNext = async (allowSecondDraft: boolean) => {
    setCreating(true);
    try {
      const meeting = await createNextMeeting(objective.id, { allowSecondDraft });
      setResult({ kind: 'created', meeting });
      reload();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      setResult({
        kind: 'error',
        message: apiError ? errorText(apiError) : t('create.failed'),
        draftExists:
          apiError?.code === 'invalid_state' && meetings.some((meeting) => meeting.phase === 'draft'),
      });
    } finally {
      setCreating(false);
    }
  };

  return (
    <div className="page series">
      <nav className="crumbs" aria-label={t('breadcrumb')}>
        <Link to="/objectives">{t('series.objectives')}</Link>
        <span aria-hidden="true">/</span>
        <Link to={`/objectives/${encodeURIComponent(objective.id)}`}>{objective.name}</Link>
      </nav>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('series.heading', { objective: objective.name })}</h1>
          <p className="page__subtitle" data-testid="series-cadence">
            {cadenceText(t, series)}
          </p>
        </div>
        {isAnalyst && (
          <button
            className="button button--primary"
            type="button"
            disabled={creating}
            onClick={() => createNext(false)}
          >
            {creating ? t('create.creating') : t('series.createNext')}
          </button>
        )}
      </header>
      {result?.kind === 'created' && (
        <div className="banner banner--info series__result" role="status">
          <span>
            <Trans
              t={t}
              i18nKey="series.created"
              values={{ date: formatMeetingDate(result.meeting.scheduledFor) }}
              components={{ strong: <strong /> }}
            />
          </span>
          <Link to={`/meetings/${result.meeting.id}/prep`}>{t('series.prepareIt')}</Link>
        </div>
      )}
      {result?.kind === 'error' && (
        <div className="banner banner--danger series__result" role="alert">
          <span>{result.message}</span>
          {result.draftExists && (
            <button
              className="button button--small"
              type="button"
              disabled={creating}
              onClick={() => createNext(true)}
            >
              {t('series.anotherDraft')}
            </button>
          )}
        </div>
      )}
      <section className="series__facts" aria-label={t('series.summary')}>
        <div className="series-fact">
          <span className="series-fact__label">{t('series.lastReviewed')}</span>
          {lastReviewedOn ? (
            <>
              <strong className="series-fact__value">{formatMeetingDate(lastReviewedOn)}</strong>
              <span className="series-fact__sub">{relativeMeetingDay(lastReviewedOn)}</span>
            </>
          ) : (
            <strong className="series-fact__value series-fact__value--none">{t('series.notReviewed')}</strong>
          )}
        </div>
        <div className="series-fact" data-testid="series-next">
          <span className="series-fact__label">{t('series.nextMeeting')}</span>
          {nextMeeting ? (
            <>
              <Link className="series-fact__value" to={`/meetings/${nextMeeting.id}/prep`}>
                {formatMeetingDate(nextMeeting.scheduledFor)}
              </Link>
              <span className="series-fact__sub">
                {relativeMeetingDay(nextMeeting.scheduledFor)} · {series.startTime} ·{' '}
                <PhaseBadge phase={nextMeeting.phase} />
              </span>
            </>
          ) : (
            <strong className="series-fact__value series-fact__value--none">{t('series.nonePlanned')}</strong>
          )}
        </div>
        <div className="series-fact">
          <span className="series-fact__label">{t('series.held')}</span>
          <strong className="series-fact__value">
            {meetings.filter((meeting) => meeting.phase === 'closed').length}
          </strong>
          <span className="series-fact__sub">{t('series.inSeries', { total: meetings.length })}</span>
        </div>
      </section>
      <div className="split">
        <div className="split__main series__lists">
          <MeetingList
            id="series-upcoming"
            title={t('series.upcoming')}
            meetings={upcoming}
            empty={t('series.noUpcoming')}
          />
          <MeetingList id="series-past" title={t('series.past')} meetings={past} empty={t('series.noPast')} />
        </div>
        <aside className="split__side">
          <section className="card" aria-labelledby="series-cadence-title">
            <h2 className="card__title" id="series-cadence-title">
              {t('series.cadence')}
            </h2>
            {isAnalyst ? (
              <SeriesForm objectiveId={objective.id} series={series} agencies={agencies} onSaved={reload} />
            ) : (
              <>
                <SeriesDetails series={series} agencies={agencies} />
                <p className="muted series__note">{t('series.viewerNote')}</p>
              </>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}

function MeetingList({
  id,
  title,
  meetings,
  empty,
}: {
  id: string;
  title: string;
  meetings: Meeting[];
  empty: string;
}) {
  const { t } = useTranslation('meetings');
  return (
    <section className="card" aria-labelledby={id}>
      <h2 className="card__title" id={id}>
        {title} <span className="count">{meetings.length}</span>
      </h2>
      {meetings.length === 0 ? (
        <p className="muted empty-inline">{empty}</p>
      ) : (
        <table className="table" data-testid={`${id}-table`}>
          <thead>
            <tr>
              <th scope="col" className="table__date">
                {t('table.date')}
              </th>
              <th scope="col">{t('table.meeting')}</th>
              <th scope="col" className="table__action">
                {t('table.phase')}
              </th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((meeting) => (
              <tr key={meeting.id} data-testid="series-meeting">
                <MeetingCells meeting={meeting} />
                <td className="table__action">
                  <PhaseBadge phase={meeting.phase} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
