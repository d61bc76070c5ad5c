/**
 * Writes the demo government into an empty database, in one transaction, with multi-row inserts.
 */
import type { Db } from '../db/database.ts';
import { chunkSizeFor, chunks } from '../performance/chunks.ts';
import { performanceWrite } from '../performance/revision.ts';
import { type DemoData, type DemoOptions, generateDemoData } from './generate.ts';

export interface SeedSummary {
  agencies: number;
  objectives: number;
  goals: number;
  indicators: number;
  points: number;
  ratings: number;
}

/** Generates the demo data for `options` and inserts it. */
export async function seedDemoData(db: Db, options: DemoOptions): Promise<SeedSummary> {
  return insertDemoData(db, generateDemoData(options));
}

export async function insertDemoData(db: Db, data: DemoData): Promise<SeedSummary> {
  await performanceWrite(db.kysely, async (trx, touched) => {
    touched.everything();
    // Parents before children, for the foreign keys.
    for (const chunk of chunks(data.agencies, chunkSizeFor(3)))
      await trx.insertInto('agencies').values(chunk).execute();
    for (const chunk of chunks(data.objectives, chunkSizeFor(4)))
      await trx.insertInto('objectives').values(chunk).execute();
    for (const chunk of chunks(data.goals, chunkSizeFor(6)))
      await trx.insertInto('goals').values(chunk).execute();
    for (const chunk of chunks(data.indicators, chunkSizeFor(12)))
      await trx.insertInto('indicators').values(chunk).execute();
    for (const chunk of chunks(data.trajectories, chunkSizeFor(3)))
      await trx.insertInto('indicator_trajectory').values(chunk).execute();
    for (const chunk of chunks(data.points, chunkSizeFor(6)))
      await trx.insertInto('data_points').values(chunk).execute();
    for (const chunk of chunks(data.ratings, chunkSizeFor(5)))
      await trx.insertInto('goal_ratings').values(chunk).execute();
  });
  return {
    agencies: data.agencies.length,
    objectives: data.objectives.length,
    goals: data.goals.length,
    indicators: data.indicators.length,
    points: data.points.length,
    ratings: data.ratings.length,
  };
}

/** True when the database has no objectives yet (a fresh install). */
export async function hasNoObjectives(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('objectives').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
