/** The es catalogues, one export per namespace. */
import { common } from './common.ts';
import { errors } from './errors.ts';
import { signin } from './signin.ts';
import { home } from './home.ts';
import { performance } from './performance.ts';
import { charts } from './charts.ts';
import { meetings } from './meetings.ts';
import { memo } from './memo.ts';
import { ledger } from './ledger.ts';
import { room } from './room.ts';
import { console } from './console.ts';
import { screen } from './screen.ts';
import { notes } from './notes.ts';

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
