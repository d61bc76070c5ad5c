import type { Translation } from '../../catalogue.ts';
import type { screen as english } from '../en/screen.ts';

export const screen: Translation<typeof english> = {};
