/** SQL of training rules (versioned configuration rows). */
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

const COLUMNS = [
  'id',
  'code',
  'version',
  'name',
  'issuer_level',
  'document_number',
  'document_title',
  'effective_from',
  'cycle_years',
  'cycle_anchor',
  'required_hours',
  'sub_quotas',
  'seminar_min_per_year',
  'warning_months',
  'risk_pace_factor',
  'is_prorated',
  'is_indicator_basis',
  'note',
  'created_by_name',
  'created_at',
] as const;

/** Every rule version, by code and version. */
export async function findRules(db: Kysely<DB>) {
  return db.selectFrom('training_rule').select(COLUMNS).orderBy('code').orderBy('version').execute();
}
export type RuleRow = Awaited<ReturnType<typeof findRules>>[number];

/** The highest version number of a code (0 when new). */
export async function findLastVersion(db: Kysely<DB>, code: string): Promise<number> {
  const r = await db
    .selectFrom('training_rule')
    .where('code', '=', code)
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

/** Inserts a rule version; returns its id. */
export async function insertRule(db: Kysely<DB>, row: Insertable<DB['training_rule']>): Promise<number> {
  const r = await db.insertInto('training_rule').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
