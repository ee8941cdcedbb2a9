/** SQL of rubric templates (one row per family and version) and the mappings between versions. */
import type { RubricTemplate, VersionMapping } from '@zhiping/domain';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Template rows with whether a campaign uses them and the highest version of their family. */
export function findTemplateRows(db: Kysely<DB>, filter: { ids?: number[]; family?: string } = {}) {
  let q = db.selectFrom('rubric_template as t').select([
    't.id',
    't.family',
    't.version',
    't.name',
    't.definition',
    't.is_built_in',
    't.copied_from_family',
    't.copied_from_version',
    't.updated_at',
    (eb) => eb.exists(eb.selectFrom('evaluation_campaign as c').select('c.id').whereRef('c.template_id', '=', 't.id')).as('is_used'),
    (eb) =>
      eb
        .selectFrom('rubric_template as t2')
        .select((e) => e.fn.max('t2.version').as('v'))
        .whereRef('t2.family', '=', 't.family')
        .as('latest_version'),
  ]);
  if (filter.ids) q = q.where('t.id', 'in', filter.ids.length > 0 ? filter.ids : [-1]);
  if (filter.family) q = q.where('t.family', '=', filter.family);
  return q.orderBy('t.is_built_in', 'desc').orderBy('t.family').orderBy('t.version').execute();
}
export type TemplateRow = Awaited<ReturnType<typeof findTemplateRows>>[number];

/** One template row, or undefined. */
export async function findTemplateRow(db: Kysely<DB>, id: number): Promise<TemplateRow | undefined> {
  return (await findTemplateRows(db, { ids: [id] }))[0];
}

/** Locks a template row while it is edited (FOR UPDATE). */
export async function lockTemplate(db: Kysely<DB>, id: number): Promise<void> {
  await db.selectFrom('rubric_template').select('id').where('id', '=', id).forUpdate().execute();
}

/** Whether a family key is taken. */
export async function isFamilyTaken(db: Kysely<DB>, family: string): Promise<boolean> {
  return !!(await db.selectFrom('rubric_template').select('id').where('family', '=', family).limit(1).executeTakeFirst());
}

/** The highest version of a family (0 when none). */
export async function findLatestVersion(db: Kysely<DB>, family: string): Promise<number> {
  const r = await db
    .selectFrom('rubric_template')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('family', '=', family)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

/** Inserts a template version; returns its id. */
export async function insertTemplate(db: Kysely<DB>, row: Insertable<DB['rubric_template']>): Promise<number> {
  const r = await db.insertInto('rubric_template').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Inserts the built-in templates that are not stored yet (idempotent); returns how many were added. */
export async function insertMissingBuiltIns(db: Kysely<DB>, templates: readonly RubricTemplate[]): Promise<number> {
  if (templates.length === 0) return 0;
  const r = await db
    .insertInto('rubric_template')
    .values(
      templates.map((t) => ({
        family: t.family,
        version: t.version,
        name: t.name,
        definition: JSON.stringify(t),
        is_built_in: true,
        created_by: null,
        created_by_name: '系统内置',
      })),
    )
    .onConflict((oc) => oc.columns(['family', 'version']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** The (family, version) pairs stored. */
export async function findStoredVersions(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db.selectFrom('rubric_template').select(['family', 'version']).execute();
  return new Set(rows.map((r) => `${r.family}@${r.version}`));
}

/** Replaces the definition of a version edited in place. */
export async function updateTemplateDefinition(db: Kysely<DB>, id: number, template: RubricTemplate, now: Date): Promise<void> {
  await db
    .updateTable('rubric_template')
    .set({ name: template.name, definition: JSON.stringify(template), updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** The stored mapping between two versions of a family. */
export async function findMapping(db: Kysely<DB>, family: string, from: number, to: number): Promise<VersionMapping | undefined> {
  const r = await db
    .selectFrom('rubric_version_mapping')
    .select('mapping')
    .where('family', '=', family)
    .where('from_version', '=', from)
    .where('to_version', '=', to)
    .executeTakeFirst();
  return r ? (r.mapping as VersionMapping) : undefined;
}

/** Stores (or replaces) a mapping. */
export async function upsertMapping(db: Kysely<DB>, mapping: VersionMapping, byName: string, now: Date): Promise<void> {
  await db
    .insertInto('rubric_version_mapping')
    .values({
      family: mapping.family,
      from_version: mapping.fromVersion,
      to_version: mapping.toVersion,
      mapping: JSON.stringify(mapping),
      updated_by_name: byName,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['family', 'from_version', 'to_version']).doUpdateSet({
        mapping: sql`excluded.mapping`,
        updated_by_name: sql`excluded.updated_by_name`,
        updated_at: sql`excluded.updated_at`,
      }),
    )
    .execute();
}
