/**
 * The demo government, generated deterministically from a seed and a date: the same `seed` and
 * `asOf` always give the same rows (tests and benchmarks rely on it). Each goal is given a
 * *profile* first (on track, at risk, off track, or too new to report) and its indicators' values
 * are drawn around the plan so that the data lands in that profile at the latest period, with
 * trends, noise, stale series, explicit trajectories and owner ratings that sometimes disagree.
 */
import type { Insertable } from 'kysely';
import type { Frequency, RatedStatus } from '../../shared/performance.ts';
import {
  addDaysToDate,
  latestDuePeriod,
  periodAtIndex,
  periodEndDate,
  periodIndex,
  periodOfDate,
  periodStartDate,
} from '../../shared/periods.ts';
import { planFor } from '../../shared/status.ts';
import type {
  AgenciesTable,
  DataPointsTable,
  GoalsTable,
  IndicatorsTable,
  IndicatorTrajectoryTable,
  ObjectivesTable,
} from '../db/schemas/performance.ts';
import {
  DEMO_AGENCIES,
  DEMO_OBJECTIVES,
  FIRST_NAMES,
  type IndicatorTemplate,
  RATING_COMMENTS,
  REGIONS,
  SURNAMES,
  type SubjectTemplate,
} from './catalog.ts';
import { mulberry32, type Random } from './random.ts';

export interface DemoRating {
  goal_id: string;
  status: RatedStatus;
  comment: string;
  rated_at: string;
  rated_by: string;
}

export interface DemoData {
  agencies: AgenciesTable[];
  objectives: ObjectivesTable[];
  goals: GoalsTable[];
  /** Insert rows: columns with a database default (whether negatives are allowed: no) are left to it. */
  indicators: Insertable<IndicatorsTable>[];
  trajectories: IndicatorTrajectoryTable[];
  points: DataPointsTable[];
  ratings: DemoRating[];
}

export interface DemoOptions {
  /** The day the data is current at: series end at the last period due before it. */
  asOf: string;
  seed?: number;
  /** Keep only the first N objectives (a small slice for tests). */
  objectives?: number;
}

type Profile = 'on_track' | 'at_risk' | 'off_track' | 'new';

/** 1–4 indicators a goal, most goals with 2–3. */
const INDICATORS_PER_GOAL = [1, 2, 2, 3, 3, 3, 4, 4];
const POINTS_PER_SERIES: Record<Frequency, number> = { weekly: 52, monthly: 24 };
const DEMO_ENTERED_BY = 'Results Center (demo)';

/** The shortfall (fraction of the planned change) the latest value should show, per status. */
function finalShortfall(random: Random, status: RatedStatus, atRisk: number, offTrack: number): number {
  if (status === 'on_track')
    return random.chance(0.6) ? -random.float(0.01, 0.12) : random.float(0, atRisk / 2);
  // Well inside the band, so rounding the value to the unit's decimals cannot move it out.
  if (status === 'at_risk')
    return random.float(atRisk + (offTrack - atRisk) * 0.3, atRisk + (offTrack - atRisk) * 0.7);
  return random.float(offTrack + 0.07, offTrack + 0.45);
}

function pickProfile(random: Random): Profile {
  const roll = random.next();
  if (roll < 0.42) return 'on_track';
  if (roll < 0.7) return 'at_risk';
  if (roll < 0.98) return 'off_track';
  return 'new';
}

/** The status each indicator of a goal should show so that the goal lands in its profile. */
function indicatorStatuses(random: Random, profile: RatedStatus, count: number): RatedStatus[] {
  const statuses: RatedStatus[] = [];
  for (let i = 0; i < count; i++) {
    if (profile === 'on_track') statuses.push('on_track');
    else if (profile === 'at_risk') statuses.push(random.chance(0.6) ? 'on_track' : 'at_risk');
    else statuses.push(random.pick(['on_track', 'at_risk', 'off_track'] as const));
  }
  // The goal's worst indicator sets its status: make sure one indicator is exactly the profile.
  statuses[random.int(0, count - 1)] = profile;
  return statuses;
}

/**
 * A goal's indicators: its subject's main one, then others of the same subject in a random order (a
 * goal to raise homicide clearance tracks homicide cases, never household burglaries).
 */
function goalTemplates(random: Random, subject: SubjectTemplate): IndicatorTemplate[] {
  const [main, ...related] = subject.indicators;
  const count = Math.min(random.pick(INDICATORS_PER_GOAL), subject.indicators.length);
  return [main!, ...random.sample(related, related.length)].slice(0, count);
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthYear = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

export function generateDemoData(options: DemoOptions): DemoData {
  const random = mulberry32(options.seed ?? 1);
  const { asOf } = options;
  const data: DemoData = {
    agencies: [],
    objectives: [],
    goals: [],
    indicators: [],
    trajectories: [],
    points: [],
    ratings: [],
  };
  const agencyIdByCode = new Map<string, string>();
  for (const agency of DEMO_AGENCIES) {
    const id = `ag-${agency.code.toLowerCase()}`;
    agencyIdByCode.set(agency.code, id);
    data.agencies.push({ id, code: agency.code, name: agency.name });
  }

  let goalNumber = 0;
  let indicatorNumber = 0;
  DEMO_OBJECTIVES.forEach((objective, objectiveIndex) => {
    const objectiveId = `obj-${String(objectiveIndex + 1).padStart(2, '0')}`;
    data.objectives.push({
      id: objectiveId,
      name: objective.name,
      description: objective.description,
      position: objectiveIndex + 1,
    });
    // Each agency has a few goal owners, who answer for several goals each.
    const owners = new Map(
      objective.agencies.map((code) => [
        code,
        Array.from(
          { length: random.int(2, 4) },
          () => `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`,
        ),
      ]),
    );
    const goalCount = random.int(26, 32);
    for (let g = 0; g < goalCount; g++) {
      goalNumber += 1;
      const goalId = `goal-${String(goalNumber).padStart(3, '0')}`;
      // The subject decides what the goal measures, and so which agency can own it.
      const subject = random.pick(objective.subjects);
      const main = subject.indicators[0]!;
      const agencyCode = random.pick(subject.owners);
      const ownerName = random.pick(owners.get(agencyCode)!);
      const region = random.pick(REGIONS);
      const templates = goalTemplates(random, subject);
      const profile = pickProfile(random);
      const changePercent = Math.round(random.float(main.change[0], main.change[1]) * 100);
      const targetDate = addDaysToDate(asOf, random.int(120, 540));
      const verb = main.direction === 'up' ? 'Raise' : 'Reduce';
      data.goals.push({
        id: goalId,
        objective_id: objectiveId,
        agency_id: agencyIdByCode.get(agencyCode)!,
        title: `${verb} ${subject.subject} in ${region} by ${changePercent}% by ${monthYear(targetDate)}`,
        description: `${objective.name}: priority goal of the ${agencyCode} for ${region}.`,
        owner_name: ownerName,
      });

      const statuses = profile === 'new' ? [] : indicatorStatuses(random, profile, templates.length);
      templates.forEach((template, i) => {
        indicatorNumber += 1;
        const indicatorId = `ind-${String(indicatorNumber).padStart(4, '0')}`;
        generateIndicator(random, data, {
          id: indicatorId,
          goalId,
          template,
          region,
          asOf,
          targetDate: i === 0 ? targetDate : addDaysToDate(asOf, random.int(90, 540)),
          status: statuses[i] ?? null,
        });
      });

      if (profile !== 'new' && random.chance(0.75)) {
        // Owners drift to green: most disagreements rate better than the data.
        let rated: RatedStatus = profile;
        if (random.chance(0.18)) {
          rated =
            profile === 'on_track'
              ? 'at_risk'
              : profile === 'at_risk'
                ? 'on_track'
                : random.pick(['on_track', 'at_risk'] as const);
        }
        data.ratings.push({
          goal_id: goalId,
          status: rated,
          comment: random.pick(RATING_COMMENTS[rated]),
          rated_at: `${addDaysToDate(asOf, -random.int(1, 25))}T${String(random.int(8, 19)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`,
          rated_by: ownerName,
        });
      }
    }
  });

  return options.objectives === undefined ? data : sliceDemoData(data, options.objectives);
}

interface IndicatorPlanInput {
  id: string;
  goalId: string;
  template: IndicatorTemplate;
  region: string;
  asOf: string;
  targetDate: string;
  /** The status the latest value should show; null for an indicator that has not started reporting. */
  status: RatedStatus | null;
}

function generateIndicator(random: Random, data: DemoData, input: IndicatorPlanInput): void {
  const { template, asOf } = input;
  const { frequency } = template;
  const count = POINTS_PER_SERIES[frequency];
  const dueIndex = periodIndex(latestDuePeriod(asOf, frequency), frequency);
  const firstIndex = dueIndex - count + 1;

  const baselineValue = round(random.float(template.base[0], template.base[1]), template.decimals);
  const change = random.float(template.change[0], template.change[1]);
  let targetValue = baselineValue * (template.direction === 'up' ? 1 + change : 1 - change);
  if (template.unit.startsWith('%')) targetValue = Math.min(targetValue, 99);
  targetValue = round(targetValue, template.decimals);
  if (targetValue === baselineValue) targetValue = baselineValue + (template.direction === 'up' ? 1 : -1);

  // A new indicator starts reporting next period; the rest started at the first point shown.
  const baselineDate =
    input.status === null
      ? addDaysToDate(asOf, 1)
      : periodStartDate(periodAtIndex(firstIndex, frequency), frequency);
  // A few targets are already past (the plan then holds the target).
  const targetPassed = input.status !== null && random.chance(0.04);
  const targetDate = targetPassed
    ? periodEndDate(periodAtIndex(dueIndex - random.int(2, 8), frequency), frequency)
    : input.targetDate < addDaysToDate(baselineDate, 60)
      ? addDaysToDate(baselineDate, 120)
      : input.targetDate;

  const row: Insertable<IndicatorsTable> = {
    id: input.id,
    goal_id: input.goalId,
    name: `${template.name} — ${input.region.replace(/^the /, '')}`,
    unit: template.unit,
    direction: template.direction,
    frequency,
    baseline_value: baselineValue,
    baseline_date: baselineDate,
    target_value: targetValue,
    target_date: targetDate,
    threshold_at_risk: 0.05,
    threshold_off_track: 0.15,
  };
  // Some indicators use custom thresholds (volatile series get more tolerance).
  if (random.chance(0.1)) {
    row.threshold_at_risk = 0.1;
    row.threshold_off_track = 0.25;
  }
  data.indicators.push(row);
  if (input.status === null) return;

  // A few plans start slowly: an explicit trajectory value a third of the way, a quarter done.
  const trajectory: Array<{ period: string; value: number }> = [];
  const targetIndex = periodIndex(periodOfDate(targetDate, frequency), frequency);
  if (!targetPassed && random.chance(0.05) && targetIndex - firstIndex > 6) {
    const slowIndex = firstIndex + Math.round((targetIndex - firstIndex) / 3);
    const value = round(baselineValue + (targetValue - baselineValue) * 0.25, template.decimals + 1);
    trajectory.push({ period: periodAtIndex(slowIndex, frequency), value });
    for (const planned of trajectory) data.trajectories.push({ indicator_id: input.id, ...planned });
  }

  const plan = planFor({
    frequency,
    baselineValue,
    baselineDate,
    targetValue,
    targetDate,
    trajectory,
  });
  const scale = Math.abs(targetValue - baselineValue);
  const sign = template.direction === 'up' ? 1 : -1;
  const final = finalShortfall(random, input.status, row.threshold_at_risk, row.threshold_off_track);
  const noise = random.float(0.02, 0.06);
  // Stale series: the latest period (sometimes two) has not been reported yet.
  const missingLatest = random.chance(0.09) ? random.int(1, 2) : 0;
  const phase = random.float(0, Math.PI * 2);
  for (let i = 0; i < count - missingLatest; i++) {
    const { period, endDate } = periodCalendar(firstIndex + i, frequency);
    const progress = i / (count - 1);
    const isLast = i === count - 1 - missingLatest;
    // Behind (or ahead of) plan by a growing amount, plus seasonality and noise — none on the
    // latest value, which must land in the intended status band.
    const drift = final * progress ** 1.5;
    const wiggle = isLast ? 0 : noise * random.gaussian() + 0.03 * Math.sin(phase + i / 4);
    let value = plan.valueAt(period) - sign * (drift + wiggle) * scale;
    if (isLast) value = plan.valueAt(period) - sign * final * scale;
    value = Math.max(0, round(value, template.decimals));
    if (template.unit.startsWith('%')) value = Math.min(100, value);
    data.points.push({
      indicator_id: input.id,
      period,
      value,
      entered_by: DEMO_ENTERED_BY,
      entered_at: `${endDate}T${String(random.int(12, 23))}:00:00.000Z`,
      note: null,
    });
  }
}

// Every series covers the same few dozen periods: compute each one's calendar once, not per point.
const calendarCache = new Map<string, { period: string; endDate: string }>();
function periodCalendar(index: number, frequency: Frequency): { period: string; endDate: string } {
  const key = `${frequency}:${index}`;
  let entry = calendarCache.get(key);
  if (!entry) {
    const period = periodAtIndex(index, frequency);
    entry = { period, endDate: periodEndDate(period, frequency) };
    calendarCache.set(key, entry);
  }
  return entry;
}

/** The first `count` objectives with everything under them, and only the agencies they use. */
export function sliceDemoData(data: DemoData, count: number): DemoData {
  const objectives = data.objectives.slice(0, count);
  const objectiveIds = new Set(objectives.map((objective) => objective.id));
  const goals = data.goals.filter((goal) => objectiveIds.has(goal.objective_id));
  const goalIds = new Set(goals.map((goal) => goal.id));
  const agencyIds = new Set(goals.map((goal) => goal.agency_id));
  const indicators = data.indicators.filter((indicator) => goalIds.has(indicator.goal_id));
  const indicatorIds = new Set(indicators.map((indicator) => indicator.id));
  return {
    agencies: data.agencies.filter((agency) => agencyIds.has(agency.id)),
    objectives,
    goals,
    indicators,
    trajectories: data.trajectories.filter((row) => indicatorIds.has(row.indicator_id)),
    points: data.points.filter((row) => indicatorIds.has(row.indicator_id)),
    ratings: data.ratings.filter((row) => goalIds.has(row.goal_id)),
  };
}
