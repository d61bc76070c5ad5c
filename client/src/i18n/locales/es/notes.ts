import type { Translation } from '../../catalogue.ts';
import type { notes as english } from '../en/notes.ts';

export const notes: Translation<typeof english> = {
  toolbar: 'Formato de las notas',
  bold: 'Negrita',
  heading: 'Título',
  bulletList: 'Lista con viñetas',
  orderedList: 'Lista numerada',
  empty: 'Aún no hay notas.',
};
