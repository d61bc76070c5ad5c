import type { Translation } from '../../catalogue.ts';
import type { room as english } from '../en/room.ts';

export const room: Translation<typeof english> = {};
