import type { Translation } from '../../catalogue.ts';
import type { notes as english } from '../en/notes.ts';

export const notes: Translation<typeof english> = {};
