/**
 * `/objectives/:objectiveId/series`: an objective's meeting series. Its cadence in words, when the
 * objective was last reviewed, the next meeting, every meeting with its phase, the cadence form
 * (analysts; read-only for viewers) and "Create next meeting" (analysts).
 */
import { useState } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData, useRevalidator } from 'react-router';
import type { Agency } from '../../../../shared/performance.ts';
import { describeCadence } from '../../../../shared/series.ts';
import { ApiError } from '../../api/http.ts';
import { listPresenterAgencies, type Meeting } from '../../api/meetings.ts';
import { createNextMeeting, getSeriesOverview, type SeriesOverview } from '../../api/series.ts';
import { useStore } from '../../store/index.ts';
import { MeetingCells } from './MeetingTable.tsx';
import { formatMeetingDate, relativeMeetingDay, todayIso } from './meetingDates.ts';
import { SeriesDetails, SeriesForm } from './SeriesForm.tsx';
import './meetings.css';
import './series.css';

export async function seriesLoader({
  params,
}: LoaderFunctionArgs): Promise<{ overview: SeriesOverview; agencies: Agency[] }> {
  const [overview, agencies] = await Promise.all([
    getSeriesOverview(params.objectiveId ?? ''),
    // Agency names only label the usual agencies: without them the page still works.
    listPresenterAgencies().catch((): Agency[] => []),
  ]);
  return { overview, agencies };
}

const PHASE_LABELS: Record<Meeting['phase'], string> = { draft: 'Draft', live: 'Live', closed: 'Closed' };

function PhaseBadge({ phase }: { phase: Meeting['phase'] }) {
  return <span className={`phase phase--${phase}`}>{PHASE_LABELS[phase]}</span>;
}

type CreateResult =
  | { kind: 'created'; meeting: Meeting }
  | { kind: 'error'; message: string; draftExists: boolean }
  | null;

export function SeriesPage() {
  const { overview, agencies } = useLoaderData<typeof seriesLoader>();
  const revalidator = useRevalidator();
  const isAnalyst = useStore((state) => state.principal?.role === 'analyst');
  const [result, setResult] = useState<CreateResult>(null);
  const [creating, setCreating] = useState(false);
  const { objective, series, meetings, nextMeeting, lastReviewedOn } = overview;
  const today = todayIso();
  const upcoming = meetings.filter((meeting) => meeting.scheduledFor >= today).reverse();
  const past = meetings.filter((meeting) => meeting.scheduledFor < today);

  const createNext = async (allowSecondDraft: boolean) => {
    setCreating(true);
    try {
      const meeting = await createNextMeeting(objective.id, { allowSecondDraft });
      setResult({ kind: 'created', meeting });
      await revalidator.revalidate();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      setResult({
        kind: 'error',
        message: apiError?.message ?? 'The meeting could not be created',
        draftExists:
          apiError?.code === 'invalid_state' && meetings.some((meeting) => meeting.phase === 'draft'),
      });
    } finally {
      setCreating(false);
    }
  };

  return (
    <div className="page series">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/objectives">Objectives</Link>
        <span aria-hidden="true">/</span>
        <Link to={`/objectives/${encodeURIComponent(objective.id)}`}>{objective.name}</Link>
      </nav>
      <header className="page__header">
        <div>
          <h1 className="page__title">{objective.name}: meeting series</h1>
          <p className="page__subtitle" data-testid="series-cadence">
            {describeCadence(series)}
          </p>
        </div>
        {isAnalyst && (
          <button
            className="button button--primary"
            type="button"
            disabled={creating}
            onClick={() => createNext(false)}
          >
            {creating ? 'Creating…' : 'Create next meeting'}
          </button>
        )}
      </header>
      {result?.kind === 'created' && (
        <div className="banner banner--info series__result" role="status">
          <span>
            Created the meeting of <strong>{formatMeetingDate(result.meeting.scheduledFor)}</strong>.
          </span>
          <Link to={`/meetings/${result.meeting.id}/prep`}>Prepare its agenda</Link>
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
              Create another draft anyway
            </button>
          )}
        </div>
      )}
      <section className="series__facts" aria-label="Summary">
        <div className="series-fact">
          <span className="series-fact__label">Last reviewed</span>
          {lastReviewedOn ? (
            <>
              <strong className="series-fact__value">{formatMeetingDate(lastReviewedOn)}</strong>
              <span className="series-fact__sub">{relativeMeetingDay(lastReviewedOn)}</span>
            </>
          ) : (
            <strong className="series-fact__value series-fact__value--none">Not reviewed yet</strong>
          )}
        </div>
        <div className="series-fact" data-testid="series-next">
          <span className="series-fact__label">Next meeting</span>
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
            <strong className="series-fact__value series-fact__value--none">None planned</strong>
          )}
        </div>
        <div className="series-fact">
          <span className="series-fact__label">Meetings held</span>
          <strong className="series-fact__value">
            {meetings.filter((meeting) => meeting.phase === 'closed').length}
          </strong>
          <span className="series-fact__sub">{meetings.length} in the series</span>
        </div>
      </section>
      <div className="split">
        <div className="split__main series__lists">
          <MeetingList title="Upcoming" meetings={upcoming} empty="No meeting planned yet." />
          <MeetingList title="Past" meetings={past} empty="No past meetings." />
        </div>
        <aside className="split__side">
          <section className="card" aria-labelledby="series-cadence-title">
            <h2 className="card__title" id="series-cadence-title">
              Cadence
            </h2>
            {isAnalyst ? (
              <SeriesForm
                objectiveId={objective.id}
                series={series}
                agencies={agencies}
                onSaved={() => revalidator.revalidate()}
              />
            ) : (
              <>
                <SeriesDetails series={series} agencies={agencies} />
                <p className="muted series__note">Analysts set the cadence and create meetings.</p>
              </>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}

function MeetingList({ title, meetings, empty }: { title: string; meetings: Meeting[]; empty: string }) {
  const id = `series-${title.toLowerCase()}`;
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
                Date
              </th>
              <th scope="col">Meeting</th>
              <th scope="col" className="table__action">
                Phase
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
