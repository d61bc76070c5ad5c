import type { Translation } from '../../catalogue.ts';
import type { meetings as english } from '../en/meetings.ts';

export const meetings: Translation<typeof english> = {};
