import type { Translation } from '../../catalogue.ts';
import type { ledger as english } from '../en/ledger.ts';

export const ledger: Translation<typeof english> = {};
