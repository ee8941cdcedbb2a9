/** SQL of the assessments: manual decisions on items, evidence files (bytea) and 社会认可度 survey results. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';

export type Kind = 'balanced' | 'preschool';
export type RecordRow = Selectable<DB['assessment_item_record']>;
export type SurveyRow = Selectable<DB['survey_result']>;

/** Manual decisions of a kind and year. */
export function findRecords(db: Kysely<DB>, kind: Kind, year: number): Promise<RecordRow[]> {
  return db.selectFrom('assessment_item_record').selectAll().where('kind', '=', kind).where('school_year', '=', year).execute();
}

/** One manual decision. */
export function findRecord(db: Kysely<DB>, kind: Kind, year: number, itemKey: string): Promise<RecordRow | undefined> {
  return db
    .selectFrom('assessment_item_record')
    .selectAll()
    .where('kind', '=', kind)
    .where('school_year', '=', year)
    .where('item_key', '=', itemKey)
    .executeTakeFirst();
}

/** Inserts or replaces a manual decision. */
export async function upsertRecord(db: Kysely<DB>, row: Insertable<DB['assessment_item_record']>): Promise<void> {
  await db
    .insertInto('assessment_item_record')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['kind', 'school_year', 'item_key']).doUpdateSet((eb) => ({
        met: eb.ref('excluded.met'),
        note: eb.ref('excluded.note'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_by_name: eb.ref('excluded.updated_by_name'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** Evidence files (without content) of a kind and year. */
export function findEvidenceList(db: Kysely<DB>, kind: Kind, year: number) {
  return db
    .selectFrom('assessment_evidence')
    .select(['id', 'item_key', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_by_name', 'uploaded_at'])
    .where('kind', '=', kind)
    .where('school_year', '=', year)
    .orderBy('id')
    .execute();
}
export type EvidenceRow = Awaited<ReturnType<typeof findEvidenceList>>[number];

/** One evidence file with its content. */
export function findEvidence(db: Kysely<DB>, kind: Kind, year: number, itemKey: string, id: number) {
  return db
    .selectFrom('assessment_evidence')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', kind)
    .where('school_year', '=', year)
    .where('item_key', '=', itemKey)
    .executeTakeFirst();
}

/** Stores an evidence file; returns its id. */
export async function insertEvidence(db: Kysely<DB>, row: Insertable<DB['assessment_evidence']>): Promise<number> {
  return (await db.insertInto('assessment_evidence').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Removes an evidence file. */
export async function deleteEvidence(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('assessment_evidence').where('id', '=', id).execute();
}

/** The survey result of a kind and year. */
export function findSurvey(db: Kysely<DB>, kind: Kind, year: number): Promise<SurveyRow | undefined> {
  return db.selectFrom('survey_result').selectAll().where('kind', '=', kind).where('school_year', '=', year).executeTakeFirst();
}

/** Inserts or replaces a survey result. */
export async function upsertSurvey(db: Kysely<DB>, row: Insertable<DB['survey_result']>): Promise<void> {
  await db
    .insertInto('survey_result')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['kind', 'school_year']).doUpdateSet((eb) => ({
        rate: eb.ref('excluded.rate'),
        respondents: eb.ref('excluded.respondents'),
        surveyed_on: eb.ref('excluded.surveyed_on'),
        organisation: eb.ref('excluded.organisation'),
        note: eb.ref('excluded.note'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_by_name: eb.ref('excluded.updated_by_name'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
