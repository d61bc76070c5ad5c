import type { Translation } from '../../catalogue.ts';
import type { home as english } from '../en/home.ts';

export const home: Translation<typeof english> = {
  greeting: 'Que bom ver você',
  greetingNamed: 'Que bom ver você, {{name}}',
  subtitle: 'As próximas reuniões e os dados que elas vão analisar.',
  allMeetings: 'Todas as reuniões',
  upcoming: 'Próximas reuniões',
  noMeetingsAnalyst: 'Nenhuma reunião agendada. Crie uma na página Reuniões.',
  noMeetings: 'Nenhuma reunião agendada.',
  attention: 'Objetivos que precisam de atenção',
  attentionFailed: 'Não foi possível carregar os dados de desempenho.',
  noObjectives: 'Nenhum objetivo ainda.',
  importToStart: '<link>Importe os indicadores</link> para começar.',
  analystImports: 'Um analista importa os indicadores.',
  lateIndicators_one: '{{count}} indicador atrasado',
  lateIndicators_other: '{{count}} indicadores atrasados',
  disagreements_one: '{{count}} avaliação ≠ dados',
  disagreements_other: '{{count}} avaliações ≠ dados',
  allObjectives: 'Todos os objetivos',
};
