/** Runs the migrations in order (Kysely's Migrator enforces the order and records what ran). */
import { Migrator, type Kysely } from 'kysely';
import { MIGRATIONS } from './migrations/index.ts';

/** Brings the schema up to date; returns the names of the migrations that ran. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
