import type { Translation } from '../../catalogue.ts';
import type { console as english } from '../en/console.ts';

export const console: Translation<typeof english> = {};
