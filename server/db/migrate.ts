/** Runs the versioned migrations in `migrations/index.ts` at start, in order, once each. */
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './database.ts';
import { migrations } from './migrations/index.ts';

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly db: Db) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(migrations).map(([name, factory]) => [name, factory(this.db.dialect)]),
    );
  }
}

/** Kysely's migrator over this app's migrations (`migrateTo(name)` lets a test start from an older schema). */
export function createMigrator(db: Db): Migrator {
  return new Migrator({ db: db.kysely, provider: new StaticMigrationProvider(db) });
}

export async function migrateToLatest(db: Db): Promise<void> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
