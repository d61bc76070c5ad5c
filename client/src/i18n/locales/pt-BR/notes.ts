import type { Translation } from '../../catalogue.ts';
import type { notes as english } from '../en/notes.ts';

export const notes: Translation<typeof english> = {
  toolbar: 'Formatação das anotações',
  bold: 'Negrito',
  heading: 'Título',
  bulletList: 'Lista com marcadores',
  orderedList: 'Lista numerada',
  empty: 'Nenhuma anotação ainda.',
};
