import type { Translation } from '../../catalogue.ts';
import type { charts as english } from '../en/charts.ts';

export const charts: Translation<typeof english> = {
  status: {
    onTrack: 'No rumo',
    atRisk: 'Em risco',
    offTrack: 'Fora do rumo',
    noData: 'Sem dados',
  },
  direction: {
    up: 'Quanto maior, melhor',
    down: 'Quanto menor, melhor',
  },
  frequency: {
    weekly: 'semanal',
    monthly: 'mensal',
  },
  unit: {
    pp: 'p.p.',
  },
  period: {
    weekShort: 'S{{week}} ’{{year}}',
    week: 'semana {{week}} de {{year}}',
    problem: {
      weekly: 'Use o formato semanal AAAA-Www (semana ISO, p. ex. 2026-W07)',
      monthly: 'Use o formato mensal AAAA-MM (p. ex. 2026-02)',
    },
  },
  sinceSpan: {
    auto: 'Padrão',
    month: 'Mês',
    quarter: 'Trimestre',
    year: 'Ano',
  },
  changeSince: {
    label: 'Variação desde',
    notEnough: 'dados insuficientes',
    better: 'melhor',
    worse: 'pior',
    same: 'sem variação',
  },
  sparkline: {
    empty: 'sem dados',
    label: 'Tendência dos últimos {{count}} valores, de {{first}} a {{last}}',
  },
  chart: {
    title: '{{name}}: valores realizados em relação à trajetória e ao valor-alvo',
    desc: 'Linha de base {{baseline}} em {{baselineDate}}; valor-alvo {{target}} até {{targetDate}}.',
    baseline: 'Linha de base {{value}}',
    target: 'Valor-alvo {{value}}',
    legend: 'Legenda',
    actual: 'Realizado',
    trajectory: 'Trajetória',
    trajectoryPlan: 'Trajetória (planejado)',
    baselineEntry: 'Linha de base',
    targetEntry: 'Valor-alvo',
    changeSince: 'Variação desde',
  },
  table: {
    caption:
      '{{name}} por período ({{unit}}), do mais recente ao mais antigo. Linha de base {{baseline}} ({{baselineDate}}); valor-alvo {{target}} até {{targetDate}}.',
    value: 'valor',
    period: 'Período',
    actual: 'Realizado',
    planned: 'Planejado',
    actualMinusPlan: 'Realizado − planejado',
    note: 'Observação',
    empty: 'Ainda não há valores.',
    missing: 'faltando',
  },
};
