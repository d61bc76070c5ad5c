/**
 * The `commitments` read model: each ledger document's commitments flattened into one table, so
 * that questions across objectives (every overdue commitment of an agency) are one query. The
 * ledger commands keep it up to date after each change; `rebuildCommitmentRows` recomputes it from
 * the documents, which stay the truth.
 */

import type * as Y from 'yjs';
import { ledgerDocName } from '../../shared/docNames.ts';
import { timesCarriedBefore } from '../../shared/followUp.ts';
import {
  type Commitment,
  type LedgerSnapshot,
  type Review,
  readCommitment,
  readLedger,
  reviewSchema,
  reviewsMap,
} from '../../shared/ledger.ts';
import type { Db } from '../db/database.ts';
import type { CommitmentsTable } from '../db/schemas/meetingCycle.ts';
import type { DocHub } from '../docs/docHub.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A commitment as its read-model row; `timesCarried` counts every review that left it open. */
export function toCommitmentRow(
  objectiveId: string,
  commitment: Commitment,
  ledger: LedgerSnapshot,
): CommitmentsTable {
  const reviews = ledger.reviews.filter((review) => review.commitmentId === commitment.id);
  return {
    id: commitment.id,
    objective_id: objectiveId,
    text: commitment.text,
    owner_agency_id: commitment.ownerAgencyId,
    owner_person: commitment.ownerPerson,
    due_date: commitment.dueDate,
    status: commitment.status,
    goal_id: commitment.goalId,
    indicator_id: commitment.indicatorId,
    made_in_meeting_id: commitment.madeInMeetingId,
    made_in_item_id: commitment.madeInItemId,
    created_at: new Date(commitment.createdAt).toISOString(),
    created_by: commitment.createdBy.id,
    closed_at: iso(commitment.closedAt),
    times_carried: timesCarriedBefore(reviews, { id: '', startedAt: null }),
    escalated: commitment.escalated ? 1 : 0,
    updated_at: new Date(
      commitment.updatedAt ?? Math.max(commitment.createdAt, ...reviews.map((review) => review.at)),
    ).toISOString(),
  };
}

/** One commitment's row from the ledger document as it is now (null if it holds no such commitment). */
export function currentCommitmentRow(
  doc: Y.Doc,
  objectiveId: string,
  commitmentId: string,
): CommitmentsTable | null {
  const commitment = readCommitment(doc, commitmentId);
  if (!commitment) return null;
  const reviews: Review[] = [];
  reviewsMap(doc).forEach((value, key) => {
    if (!key.endsWith(`/${commitmentId}`)) return;
    const review = reviewSchema.safeParse(value);
    if (review.success) reviews.push(review.data);
  });
  return toCommitmentRow(objectiveId, commitment, { commitments: [commitment], reviews });
}

/** Writes one commitment's row after a ledger change. */
export async function upsertCommitmentRow(db: Db, row: CommitmentsTable): Promise<void> {
  const { id: _id, ...values } = row;
  await db.kysely
    .insertInto('commitments')
    .values(row)
    .onConflict((conflict) => conflict.column('id').doUpdateSet(values))
    .execute();
}

/** Every row of one objective, from its ledger as it is now. */
export function ledgerRows(objectiveId: string, ledger: LedgerSnapshot): CommitmentsTable[] {
  return ledger.commitments.map((commitment) => toCommitmentRow(objectiveId, commitment, ledger));
}

/** Replaces the whole read model with what the ledger documents hold; returns the row count. */
export async function rebuildCommitmentRows(db: Db, hub: DocHub): Promise<number> {
  const objectives = await db.kysely.selectFrom('objectives').select('id').execute();
  const rows: CommitmentsTable[] = [];
  for (const { id } of objectives) {
    rows.push(...(await hub.read(ledgerDocName(id), (doc) => ledgerRows(id, readLedger(doc)))));
  }
  await db.kysely.transaction().execute(async (tx) => {
    await tx.deleteFrom('commitments').execute();
    // Batches keep each statement under SQLite's bound-parameter limit.
    for (let start = 0; start < rows.length; start += 500)
      await tx
        .insertInto('commitments')
        .values(rows.slice(start, start + 500))
        .execute();
  });
  return rows.length;
}
