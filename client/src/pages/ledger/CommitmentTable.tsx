/**
 * The ledger table: one row per commitment, sortable by the headers that are buttons, each row
 * opening onto its history below it. Overdue, escalated and often-carried commitments are marked
 * by words and icons as well as colour.
 */
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentSort, SortDirection } from '../../../../shared/commitmentRows.ts';
import type { CommitmentRow } from '../../api/commitments.ts';
import { CommitmentHistory } from './CommitmentHistory.tsx';
import { formatDay } from './historyWords.ts';

/** Carried through this many meetings, a commitment is flagged as stuck. */
export const STUCK_AFTER = 3;

interface Props {
  rows: CommitmentRow[];
  sort: { sort: CommitmentSort; dir: SortDirection };
  onSort: (sort: CommitmentSort) => void;
  agencyNames: ReadonlyMap<string, string>;
}

const COLUMNS = 7;

export function CommitmentTable({ rows, sort, onSort, agencyNames }: Props) {
  const { t } = useTranslation('ledger');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const header = (label: string, key: CommitmentSort | null, className?: string) => {
    const active = key !== null && sort.sort === key;
    return (
      <th
        scope="col"
        className={className}
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        {key === null ? (
          <span className="ledger-sort ledger-sort--static">{label}</span>
        ) : (
          <button type="button" className="ledger-sort" onClick={() => onSort(key)} data-active={active}>
            {label}
            <span className="ledger-sort__arrow" aria-hidden="true">
              {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
            </span>
          </button>
        )}
      </th>
    );
  };

  return (
    <table className="table ledger-table">
      <caption className="visually-hidden">{t('table.caption')}</caption>
      <thead>
        <tr>
          {header(t('table.commitment'), null, 'ledger-table__text')}
          {header(t('table.owner'), 'agency')}
          {header(t('table.due'), 'due', 'ledger-table__due')}
          {header(t('table.status'), 'status')}
          {header(t('table.carried'), 'carried', 'ledger-table__number')}
          {header(t('table.objective'), null)}
          {header(t('table.madeIn'), 'created', 'ledger-table__made')}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const expanded = open.has(row.id);
          const historyId = `history-${row.id}`;
          return (
            <Fragment key={row.id}>
              <tr
                className={`ledger-row${row.overdue ? ' is-overdue' : ''}${expanded ? ' is-open' : ''}`}
                data-testid="ledger-row"
                data-commitment-id={row.id}
              >
                <td className="ledger-table__text">
                  <button
                    type="button"
                    className="ledger-expand"
                    aria-expanded={expanded}
                    aria-controls={expanded ? historyId : undefined}
                    onClick={() => toggle(row.id)}
                  >
                    <span className="ledger-expand__icon" aria-hidden="true">
                      ▸
                    </span>
                    <span className="ledger-expand__text">{row.text}</span>
                    <span className="visually-hidden">
                      {expanded ? t('table.hideHistory') : t('table.showHistory')}
                    </span>
                  </button>
                  {row.goalTitle && (
                    <span className="table__sub ledger-goal">{t('table.goal', { goal: row.goalTitle })}</span>
                  )}
                </td>
                <td>
                  <span className="ledger-agency" title={row.ownerAgencyName ?? undefined}>
                    {row.ownerAgencyName ?? row.ownerAgencyId}
                  </span>
                  <span className="table__sub">{row.ownerPerson || t('table.noOneNamed')}</span>
                </td>
                <td className="ledger-table__due">
                  <time dateTime={row.dueDate}>{formatDay(row.dueDate)}</time>
                  {row.overdue && (
                    <span className="ledger-overdue" data-testid="overdue">
                      <span aria-hidden="true">⚠ </span>
                      {t('table.overdueBy', { count: row.daysOverdue })}
                    </span>
                  )}
                </td>
                <td>
                  <span className={`ledger-status ledger-status--${row.status}`}>
                    {t(`status.${row.status}`)}
                  </span>
                  {row.escalated && (
                    <span className="table__sub ledger-escalated">{t('table.escalated')}</span>
                  )}
                </td>
                <td className="ledger-table__number">
                  <CarriedCount count={row.timesCarried} />
                </td>
                <td>{row.objectiveName ?? row.objectiveId}</td>
                <td className="ledger-table__made">
                  {row.madeInMeetingDate ? (
                    <>
                      <span className="table__sub">{t('table.meetingOf')}</span>
                      <time dateTime={row.madeInMeetingDate}>{formatDay(row.madeInMeetingDate)}</time>
                    </>
                  ) : (
                    <span className="muted">{t('table.betweenMeetings')}</span>
                  )}
                </td>
              </tr>
              {expanded && (
                <tr className="ledger-history-row" id={historyId}>
                  <td colSpan={COLUMNS}>
                    <CommitmentHistory
                      objectiveId={row.objectiveId}
                      commitmentId={row.id}
                      agencyNames={agencyNames}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

function CarriedCount({ count }: { count: number }) {
  const { t } = useTranslation('ledger');
  const stuck = count >= STUCK_AFTER;
  return (
    <span
      className={`ledger-carried${stuck ? ' is-stuck' : ''}`}
      title={t('table.carriedThrough', { count })}
    >
      {count}
      {stuck && <span className="visually-hidden"> {t('table.stuck', { times: STUCK_AFTER })}</span>}
    </span>
  );
}
