import type { Translation } from '../../catalogue.ts';
import type { performance as english } from '../en/performance.ts';

export const performance: Translation<typeof english> = {};
