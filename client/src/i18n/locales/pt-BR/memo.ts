import type { Translation } from '../../catalogue.ts';
import type { memo as english } from '../en/memo.ts';

export const memo: Translation<typeof english> = {};
