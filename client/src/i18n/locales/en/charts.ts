/**
 * English: the source catalogue of the `charts` namespace (pt-BR and es mirror its keys). Status and
 * direction words live here so every area says them the same way (`t('charts:status.onTrack')`).
 */
export const charts = {
  status: {
    onTrack: 'On track',
    atRisk: 'At risk',
    offTrack: 'Off track',
    noData: 'No data',
  },
  direction: {
    up: 'Higher is better',
    down: 'Lower is better',
  },
  frequency: {
    weekly: 'weekly',
    monthly: 'monthly',
  },
  unit: {
    /** Percentage points: the unit of a change in a percentage ("+1.5 pp"). */
    pp: 'pp',
  },
  period: {
    /** An axis label: "W07 ’26". */
    weekShort: 'W{{week}} ’{{year}}',
    /** In sentences and tables: "week 7, 2026". */
    week: 'week {{week}}, {{year}}',
    problem: {
      weekly: 'Use the weekly format YYYY-Www (ISO week, e.g. 2026-W07)',
      monthly: 'Use the monthly format YYYY-MM (e.g. 2026-02)',
    },
  },
  sinceSpan: {
    auto: 'Default',
    month: 'Month',
    quarter: 'Quarter',
    year: 'Year',
  },
  changeSince: {
    label: 'Change since',
    notEnough: 'not enough data',
    better: 'better',
    worse: 'worse',
    same: 'no change',
  },
  sparkline: {
    empty: 'no data',
    label: 'Trend of the last {{count}} values, from {{first}} to {{last}}',
  },
  chart: {
    title: '{{name}}: actual values against the trajectory and target',
    desc: 'Baseline {{baseline}} on {{baselineDate}}; target {{target}} by {{targetDate}}.',
    baseline: 'Baseline {{value}}',
    target: 'Target {{value}}',
    legend: 'Legend',
    actual: 'Actual',
    trajectory: 'Trajectory',
    trajectoryPlan: 'Trajectory (plan)',
    baselineEntry: 'Baseline',
    targetEntry: 'Target',
    changeSince: 'Change since',
  },
  table: {
    caption:
      '{{name}} by period ({{unit}}), newest first. Baseline {{baseline}} ({{baselineDate}}); target {{target}} by {{targetDate}}.',
    value: 'value',
    period: 'Period',
    actual: 'Actual',
    planned: 'Planned',
    actualMinusPlan: 'Actual − plan',
    note: 'Note',
    empty: 'No values yet.',
    missing: 'missing',
  },
};
