/** Agencies: list and create. */
import { randomUUID } from 'node:crypto';
import { reason } from '../../shared/errorReasons.ts';
import type { Agency } from '../../shared/performance.ts';
import { conflict } from './errors.ts';
import type { Store } from './queries.ts';
import { performanceWrite } from './revision.ts';
import { toAgency } from './rows.ts';

export async function listAgencies(db: Store): Promise<Agency[]> {
  const rows = await db.selectFrom('agencies').selectAll().orderBy('code').execute();
  return rows.map(toAgency);
}

export async function createAgency(
  db: Store,
  input: { id?: string | undefined; code: string; name: string },
): Promise<Agency> {
  return performanceWrite(db, async (trx, touched) => {
    touched.noGoals();
    const id = input.id ?? randomUUID();
    const clash = await trx
      .selectFrom('agencies')
      .select(['id', 'code'])
      .where((eb) => eb.or([eb('id', '=', id), eb('code', '=', input.code)]))
      .executeTakeFirst();
    if (clash) {
      throw conflict(
        clash.id === id ? `An agency with id ${id} already exists` : `The code ${input.code} is taken`,
        clash.id === id ? reason('agencyIdTaken', { id }) : reason('agencyCodeTaken', { code: input.code }),
      );
    }
    const row = { id, code: input.code, name: input.name };
    await trx.insertInto('agencies').values(row).execute();
    return toAgency(row);
  });
}
