/** SQL of threshold versions added by the district (the national defaults stay in the domain code). */
import { NATIONAL_THRESHOLDS, type Stage, type Threshold } from '@zhiping/domain';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';

export type ThresholdRow = Selectable<DB['indicator_threshold']>;

/** Stored versions, oldest first. */
export function findThresholdRows(db: Kysely<DB>, code?: string): Promise<ThresholdRow[]> {
  let q = db.selectFrom('indicator_threshold').selectAll().orderBy('indicator_code').orderBy('effective_from').orderBy('id');
  if (code) q = q.where('indicator_code', '=', code);
  return q.execute();
}

/** A stored row as a domain threshold. */
export function toThreshold(r: ThresholdRow): Threshold {
  return {
    indicatorCode: r.indicator_code,
    stage: r.stage as Stage | null,
    value: r.value,
    comparator: r.comparator,
    level: r.level,
    document: r.document,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    note: r.note,
  };
}

/** Every threshold version the engine considers: the national defaults, then the stored ones. */
export async function findThresholds(db: Kysely<DB>): Promise<Threshold[]> {
  return [...NATIONAL_THRESHOLDS, ...(await findThresholdRows(db)).map(toThreshold)];
}

/** One stored version. */
export function findThresholdRow(db: Kysely<DB>, id: number): Promise<ThresholdRow | undefined> {
  return db.selectFrom('indicator_threshold').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a version; returns its id. */
export async function insertThreshold(db: Kysely<DB>, row: Insertable<DB['indicator_threshold']>): Promise<number> {
  return (await db.insertInto('indicator_threshold').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Sets the last day of a version (null re-opens it). */
export async function updateThresholdEnd(
  db: Kysely<DB>,
  id: number,
  effectiveTo: string | null,
  note: string | undefined,
  now: Date,
): Promise<void> {
  await db
    .updateTable('indicator_threshold')
    .set({ effective_to: effectiveTo, ...(note !== undefined ? { note } : {}), updated_at: now })
    .where('id', '=', id)
    .execute();
}
