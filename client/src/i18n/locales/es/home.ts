import type { Translation } from '../../catalogue.ts';
import type { home as english } from '../en/home.ts';

export const home: Translation<typeof english> = {
  greeting: 'Qué gusto verle',
  greetingNamed: 'Qué gusto verle, {{name}}',
  subtitle: 'Las próximas reuniones y los datos que revisarán.',
  allMeetings: 'Todas las reuniones',
  upcoming: 'Próximas reuniones',
  noMeetingsAnalyst: 'No hay reuniones programadas. Cree una desde la página Reuniones.',
  noMeetings: 'No hay reuniones programadas.',
  attention: 'Objetivos que requieren atención',
  attentionFailed: 'No se pudieron cargar los datos de desempeño.',
  noObjectives: 'Aún no hay objetivos.',
  importToStart: '<link>Importe los indicadores</link> para comenzar.',
  analystImports: 'Un analista importa los indicadores.',
  lateIndicators_one: '{{count}} indicador atrasado',
  lateIndicators_other: '{{count}} indicadores atrasados',
  disagreements_one: '{{count}} calificación ≠ datos',
  disagreements_other: '{{count}} calificaciones ≠ datos',
  allObjectives: 'Todos los objetivos',
};
