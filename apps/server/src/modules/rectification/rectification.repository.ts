/**
 * SQL of rectification items (整改) with their workflow status, progress reports and counts. Visibility
 * is applied in SQL: `true` for the district, else `(r.school_id in (…) or exists (select 1 from
 * evaluation_assignment a join evaluation e on e.id = a.evaluation_id where e.school_id = r.school_id and
 * a.inspector_id = $1))`: the school, its responsible inspector, and inspectors on any team at the school
 * (an on-site visit opens with the school's open items).
 */
import { RECTIFICATION_WORKFLOW } from '@zhiping/domain';
import { sql, type Expression, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { EvaluationAccess } from '../evaluations/evaluation.policy.ts';

/** The condition that item `r` is visible to the access. */
export function itemVisibleTo(access: EvaluationAccess): Expression<SqlBool> {
  if (access.isDistrictReader) return sql<SqlBool>`true`;
  const schoolIds = [...new Set([...access.adminSchoolIds, ...access.responsibleSchoolIds])];
  const bySchool = schoolIds.length > 0 ? sql<SqlBool>`r.school_id in (${sql.join(schoolIds)})` : sql<SqlBool>`false`;
  const byTeam =
    access.isInspector && access.userId !== null
      ? sql<SqlBool>`exists (select 1 from evaluation_assignment a join evaluation e on e.id = a.evaluation_id
          where e.school_id = r.school_id and a.inspector_id = ${access.userId})`
      : sql<SqlBool>`false`;
  return sql<SqlBool>`(${bySchool} or ${byTeam})`;
}

/** Filters of the item list. */
export interface ItemFilter {
  schoolId?: number | undefined;
  evaluationId?: number | undefined;
  campaignId?: number | undefined;
  status?: string | undefined;
  /** Only items still open after their deadline, as of `today`. */
  overdueOn?: string | undefined;
  ids?: number[] | undefined;
  /** open and submitted only. */
  isUnfinished?: boolean | undefined;
}

function itemBase(db: Kysely<DB>, visible: Expression<SqlBool>, f: ItemFilter) {
  let q = db
    .selectFrom('rectification_item as r')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'r.school_id').on('v.valid_to', 'is', null))
    .innerJoin('workflow_instance as wi', (j) =>
      j
        .on('wi.definition_key', '=', RECTIFICATION_WORKFLOW.key)
        .on('wi.subject_type', '=', 'rectification')
        .on(sql<SqlBool>`wi.subject_id = r.id::text`),
    )
    .leftJoin('evaluation as e', 'e.id', 'r.evaluation_id')
    .leftJoin('evaluation_campaign as c', 'c.id', 'e.campaign_id')
    .where(visible);
  if (f.schoolId) q = q.where('r.school_id', '=', f.schoolId);
  if (f.evaluationId) q = q.where('r.evaluation_id', '=', f.evaluationId);
  if (f.campaignId) q = q.where('e.campaign_id', '=', f.campaignId);
  if (f.status) q = q.where('wi.state', '=', f.status);
  if (f.isUnfinished) q = q.where('wi.state', 'in', ['open', 'submitted']);
  if (f.overdueOn) q = q.where('wi.state', '=', 'open').where('r.deadline', '<', f.overdueOn);
  if (f.ids) q = q.where('r.id', 'in', f.ids.length > 0 ? f.ids : [-1]);
  return q.select([
    'r.id',
    'r.school_id',
    'v.name as school_name',
    'r.evaluation_id',
    'c.name as campaign_name',
    'r.visit_id',
    'r.code',
    'r.problem',
    'r.requirement',
    'r.required_evidence',
    'r.owner',
    'r.deadline',
    'r.submitted_on',
    'r.verified_on',
    'r.created_by_name',
    'r.created_at',
    'wi.state',
    'wi.version',
  ]);
}
export type ItemRow = Awaited<ReturnType<typeof findItems>>[number];

/** Items visible under the condition, by deadline. */
export function findItems(db: Kysely<DB>, visible: Expression<SqlBool>, f: ItemFilter) {
  return itemBase(db, visible, f).orderBy('r.deadline').orderBy('r.id').execute();
}

/** One page of items with the total. */
export async function findItemPage(db: Kysely<DB>, visible: Expression<SqlBool>, f: ItemFilter, page: { offset: number; limit: number }) {
  const base = itemBase(db, visible, f);
  const total = await db
    .selectFrom(base.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base.orderBy('r.deadline').orderBy('r.id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

/** Inserts an item; returns its id. */
export async function insertItem(db: Kysely<DB>, row: Insertable<DB['rectification_item']>): Promise<number> {
  return (await db.insertInto('rectification_item').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Records the day an item was submitted or verified. */
export async function setItemDates(db: Kysely<DB>, id: number, dates: { submitted_on?: string | null; verified_on?: string | null }) {
  await db.updateTable('rectification_item').set(dates).where('id', '=', id).execute();
}

/** Appends a progress report. */
export async function insertProgress(db: Kysely<DB>, itemId: number, note: string, by: { id: number | null; name: string }): Promise<void> {
  await db.insertInto('rectification_progress').values({ item_id: itemId, note, by_id: by.id, by_name: by.name }).execute();
}

/** Progress reports of an item, oldest first. */
export function findProgress(db: Kysely<DB>, itemId: number) {
  return db.selectFrom('rectification_progress').selectAll().where('item_id', '=', itemId).orderBy('at').orderBy('id').execute();
}

/** Items still open or awaiting verification per school. */
export async function countUnfinishedBySchool(db: Kysely<DB>, schoolIds: number[]): Promise<Map<number, number>> {
  if (schoolIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('rectification_item as r')
    .innerJoin('workflow_instance as wi', (j) =>
      j
        .on('wi.definition_key', '=', RECTIFICATION_WORKFLOW.key)
        .on('wi.subject_type', '=', 'rectification')
        .on(sql<SqlBool>`wi.subject_id = r.id::text`),
    )
    .select(['r.school_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.school_id', 'in', schoolIds)
    .where('wi.state', 'in', ['open', 'submitted'])
    .groupBy('r.school_id')
    .execute();
  return new Map(rows.map((r) => [r.school_id, Number(r.n)]));
}

/** The item opened for each check point of an evaluation (the latest when several). */
export async function findItemIdsByCode(db: Kysely<DB>, evaluationId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('rectification_item')
    .select(['id', 'code'])
    .where('evaluation_id', '=', evaluationId)
    .where('code', 'is not', null)
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.code!, r.id]));
}
