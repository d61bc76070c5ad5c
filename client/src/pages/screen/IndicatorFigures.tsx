/**
 * An indicator's numbers as the screen shows them: the latest value against the trajectory and the
 * target, a change, and the status from the data beside the owner's rating, flagged when they
 * disagree. Words and shapes carry every meaning; colour only repeats it.
 */
import type { ChangeSince } from '../../charts/chartData.ts';
import { formatDelta, formatValue } from '../../charts/format.ts';
import { longPeriodLabel } from '../../charts/periods.ts';
import { StatusBadge } from '../../charts/StatusBadge.tsx';
import type { ScreenIndicator } from './screenIndicator.ts';

const TEXT = {
  latest: 'Latest',
  noData: 'No data',
  trajectory: 'Trajectory',
  target: (date: string) => `Target ${date}`,
  data: 'Data',
  owner: 'Owner',
  notRated: 'Owner: not rated',
  disagrees: 'Rating disagrees with the data',
  meaning: { better: 'better', worse: 'worse', same: 'no change' },
};

export function Figures({ view, size }: { view: ScreenIndicator; size: 'large' | 'tile' }) {
  const { indicator } = view.detail;
  const value = (number: number) => formatValue(number, indicator.unit);
  const target = TEXT.target(indicator.targetDate.slice(0, 7));
  const latest = (
    <div className="screen-figure screen-figure--latest">
      <dt>{view.latest ? `${TEXT.latest} · ${longPeriodLabel(view.latest.period)}` : TEXT.latest}</dt>
      <dd data-testid="screen-latest">{view.latest ? value(view.latest.value) : TEXT.noData}</dd>
    </div>
  );
  if (size === 'tile')
    return (
      <p className="screen-figures--tile">
        <strong data-testid="screen-latest">{view.latest ? value(view.latest.value) : TEXT.noData}</strong>
        {view.planned !== null && (
          <span className="screen-muted">
            {' '}
            / {TEXT.trajectory.toLowerCase()} {value(view.planned)}
          </span>
        )}
      </p>
    );
  return (
    <dl className="screen-figures screen-figures--large">
      {latest}
      {view.planned !== null && (
        <div className="screen-figure">
          <dt>{TEXT.trajectory}</dt>
          <dd>{value(view.planned)}</dd>
        </div>
      )}
      <div className="screen-figure">
        <dt>{target}</dt>
        <dd>{value(indicator.targetValue)}</dd>
      </div>
    </dl>
  );
}

export function Change({ change, unit, label }: { change: ChangeSince | null; unit: string; label: string }) {
  if (!change) return null;
  return (
    <p className="screen-change" data-meaning={change.meaning}>
      <span className="screen-change__arrow" aria-hidden="true">
        {change.delta > 0 ? '▲' : change.delta < 0 ? '▼' : '■'}
      </span>
      <strong>{formatDelta(change.delta, unit)}</strong> <span>({TEXT.meaning[change.meaning]})</span>{' '}
      <span className="screen-change__since">{label}</span>
    </p>
  );
}

export function Statuses({ view }: { view: ScreenIndicator }) {
  return (
    <p className="screen-statuses">
      <StatusBadge status={view.status} prefix={TEXT.data} size="large" />
      {view.rating ? (
        <StatusBadge status={view.rating} prefix={TEXT.owner} size="large" />
      ) : (
        <span className="screen-muted">{TEXT.notRated}</span>
      )}
      {view.disagrees && (
        <span className="screen-flag" data-testid="screen-disagrees">
          ⚑ {TEXT.disagrees}
        </span>
      )}
    </p>
  );
}
