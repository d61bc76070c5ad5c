import type { Translation } from '../../catalogue.ts';
import type { charts as english } from '../en/charts.ts';

export const charts: Translation<typeof english> = {
  status: {
    onTrack: 'En curso',
    atRisk: 'En riesgo',
    offTrack: 'Fuera de curso',
    noData: 'Sin datos',
  },
  direction: {
    up: 'Cuanto más alto, mejor',
    down: 'Cuanto más bajo, mejor',
  },
  frequency: {
    weekly: 'semanal',
    monthly: 'mensual',
  },
  unit: {
    pp: 'p.p.',
  },
  period: {
    weekShort: 'S{{week}} ’{{year}}',
    week: 'semana {{week}} de {{year}}',
    problem: {
      weekly: 'Use el formato semanal AAAA-Www (semana ISO, p. ej., 2026-W07)',
      monthly: 'Use el formato mensual AAAA-MM (p. ej., 2026-02)',
    },
  },
  sinceSpan: {
    auto: 'Predeterminado',
    month: 'Mes',
    quarter: 'Trimestre',
    year: 'Año',
  },
  changeSince: {
    label: 'Variación desde',
    notEnough: 'datos insuficientes',
    better: 'mejor',
    worse: 'peor',
    same: 'sin variación',
  },
  sparkline: {
    empty: 'sin datos',
    label: 'Tendencia de los últimos {{count}} valores, de {{first}} a {{last}}',
  },
  chart: {
    title: '{{name}}: valores reales frente a la trayectoria y el valor meta',
    desc: 'Línea base {{baseline}} el {{baselineDate}}; valor meta {{target}} al {{targetDate}}.',
    baseline: 'Línea base {{value}}',
    target: 'Valor meta {{value}}',
    legend: 'Leyenda',
    actual: 'Real',
    trajectory: 'Trayectoria',
    trajectoryPlan: 'Trayectoria (plan)',
    baselineEntry: 'Línea base',
    targetEntry: 'Valor meta',
    changeSince: 'Variación desde',
  },
  table: {
    caption:
      '{{name}} por período ({{unit}}), del más reciente al más antiguo. Línea base {{baseline}} ({{baselineDate}}); valor meta {{target}} al {{targetDate}}.',
    value: 'valor',
    period: 'Período',
    actual: 'Real',
    planned: 'Planificado',
    actualMinusPlan: 'Real − plan',
    note: 'Nota',
    empty: 'Aún no hay valores.',
    missing: 'falta',
  },
};
