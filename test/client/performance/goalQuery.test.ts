/**
 * The objective page's filter and sort as pure functions: the URL round-trips (defaults left out,
 * unknown values ignored), each filter keeps exactly its goals, the status counts follow the other
 * filters, and each sort orders as named (status worst first, staleness most late first).
 */
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_QUERY,
  filterAndSortGoals,
  type GoalQuery,
  type GoalWithAgency,
  goalQueryParams,
  groupByAgency,
  parseGoalQuery,
  statusCountsFor,
} from '../../../client/src/pages/performance/goalQuery.ts';
import type { Agency, GoalSummary, IndicatorSummary, Status } from '../../../shared/performance.ts';

const SDS: Agency = { id: 'ag-sds', code: 'SDS', name: 'Social Defence' };
const SES: Agency = { id: 'ag-ses', code: 'SES', name: 'Health' };

function indicator(id: string, stale: boolean): IndicatorSummary {
  return {
    id,
    name: id,
    unit: '%',
    direction: 'up',
    frequency: 'monthly',
    computed: { status: 'on_track', latest: null, planned: null, shortfall: null },
    sparkline: [],
    stale,
  };
}

function goal(
  id: string,
  agency: Agency,
  status: Status,
  options: { disagrees?: boolean; late?: number; of?: number } = {},
): GoalWithAgency {
  const late = options.late ?? 0;
  const total = options.of ?? Math.max(1, late);
  const summary: GoalSummary = {
    id,
    objectiveId: 'obj',
    agencyId: agency.id,
    title: id,
    description: '',
    ownerName: 'Owner',
    ownerRating: null,
    computedStatus: status,
    ratingDisagrees: options.disagrees ?? false,
    indicators: Array.from({ length: total }, (_, i) => indicator(`${id}-${i}`, i < late)),
  };
  return { goal: summary, agency };
}

const GOALS: GoalWithAgency[] = [
  goal('d-road', SDS, 'on_track', { late: 1, of: 4 }),
  goal('a-fire', SDS, 'off_track', { disagrees: true }),
  goal('c-clinic', SES, 'at_risk', { late: 2, of: 2 }),
  goal('b-vaccine', SES, 'no_data', { late: 1, of: 1 }),
  goal('e-beds', SES, 'off_track'),
];

const ids = (entries: GoalWithAgency[]) => entries.map((entry) => entry.goal.id);
const query = (change: Partial<GoalQuery>): GoalQuery => ({ ...DEFAULT_QUERY, ...change });

describe('goal query in the URL', () => {
  test('the default query is the plain address', () => {
    expect(goalQueryParams(DEFAULT_QUERY).toString()).toBe('');
    expect(parseGoalQuery(new URLSearchParams(''))).toEqual(DEFAULT_QUERY);
  });

  test('a full query round-trips', () => {
    const full = query({
      statuses: ['at_risk', 'off_track'],
      agencyId: SES.id,
      onlyDisagreements: true,
      sort: 'staleness',
    });
    const params = goalQueryParams(full);
    expect(params.toString()).toBe(
      'status=at_risk&status=off_track&agency=ag-ses&disagrees=1&sort=staleness',
    );
    expect(parseGoalQuery(new URLSearchParams(params.toString()))).toEqual(full);
  });

  test('unknown statuses and sorts in a hand-edited link are ignored', () => {
    expect(parseGoalQuery(new URLSearchParams('status=purple&status=off_track&sort=colour'))).toEqual(
      query({ statuses: ['off_track'] }),
    );
  });
});

describe('filtering', () => {
  test.each([
    ['one status', query({ statuses: ['off_track'] }), ['e-beds', 'a-fire']],
    ['two statuses', query({ statuses: ['no_data', 'at_risk'] }), ['c-clinic', 'b-vaccine']],
    ['an agency', query({ agencyId: SDS.id }), ['a-fire', 'd-road']],
    ['disagreements', query({ onlyDisagreements: true }), ['a-fire']],
    ['agency and status together', query({ agencyId: SES.id, statuses: ['off_track'] }), ['e-beds']],
    ['nothing matches', query({ agencyId: SES.id, onlyDisagreements: true }), []],
  ])('%s', (_name, q, expected) => {
    expect(ids(filterAndSortGoals(GOALS, q))).toEqual(expected);
  });

  test('status counts follow the agency and disagreement filters but not the status one', () => {
    expect(statusCountsFor(GOALS, query({ agencyId: SES.id, statuses: ['on_track'] }))).toEqual({
      on_track: 0,
      at_risk: 1,
      off_track: 1,
      no_data: 1,
    });
    expect(statusCountsFor(GOALS, DEFAULT_QUERY)).toEqual({
      on_track: 1,
      at_risk: 1,
      off_track: 2,
      no_data: 1,
    });
  });
});

describe('sorting', () => {
  test.each([
    ['agency, worst first within it', 'agency', ['e-beds', 'c-clinic', 'b-vaccine', 'a-fire', 'd-road']],
    ['status, worst first', 'status', ['e-beds', 'a-fire', 'c-clinic', 'b-vaccine', 'd-road']],
    ['name', 'name', ['a-fire', 'b-vaccine', 'c-clinic', 'd-road', 'e-beds']],
    ['staleness, most late first', 'staleness', ['c-clinic', 'b-vaccine', 'd-road', 'a-fire', 'e-beds']],
  ] as const)('%s', (_name, sort, expected) => {
    expect(ids(filterAndSortGoals(GOALS, query({ sort })))).toEqual(expected);
  });

  test('the agency view groups consecutive goals of one agency', () => {
    const groups = groupByAgency(filterAndSortGoals(GOALS, DEFAULT_QUERY));
    expect(groups.map((group) => [group.agency.code, group.goals.length])).toEqual([
      ['SES', 3],
      ['SDS', 2],
    ]);
  });
});
