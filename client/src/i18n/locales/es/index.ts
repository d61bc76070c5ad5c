/** The es catalogues, one export per namespace. */

import { charts } from './charts.ts';
import { common } from './common.ts';
import { console } from './console.ts';
import { errors } from './errors.ts';
import { home } from './home.ts';
import { ledger } from './ledger.ts';
import { meetings } from './meetings.ts';
import { memo } from './memo.ts';
import { notes } from './notes.ts';
import { performance } from './performance.ts';
import { room } from './room.ts';
import { screen } from './screen.ts';
import { signin } from './signin.ts';

export const catalogues = {
  common,
  errors,
  signin,
  home,
  performance,
  charts,
  meetings,
  memo,
  ledger,
  room,
  console,
  screen,
  notes,
};
