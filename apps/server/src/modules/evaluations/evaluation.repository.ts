/**
 * SQL of evaluations (one per campaign and school) with their workflow state, team and stored result.
 * Visibility is applied in SQL: `visibleTo(access)` produces
 * `true` (district), or `(e.school_id in (…) or exists (select 1 from evaluation_assignment a where
 * a.evaluation_id = e.id and a.inspector_id = $1))`.
 */
import { EVALUATION_WORKFLOW } from '@zhiping/domain';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { EvaluationAccess } from './evaluation.policy.ts';

/** The condition that evaluation `e` is visible to the access. */
export function visibleTo(access: EvaluationAccess): Expression<SqlBool> {
  if (access.isDistrictReader) return sql<SqlBool>`true`;
  const schoolIds = [...new Set([...access.adminSchoolIds, ...access.responsibleSchoolIds])];
  const bySchool = schoolIds.length > 0 ? sql<SqlBool>`e.school_id in (${sql.join(schoolIds)})` : sql<SqlBool>`false`;
  const byTeam =
    access.isInspector && access.userId !== null
      ? sql<SqlBool>`exists (select 1 from evaluation_assignment a where a.evaluation_id = e.id and a.inspector_id = ${access.userId})`
      : sql<SqlBool>`false`;
  return sql<SqlBool>`(${bySchool} or ${byTeam})`;
}

/** Filters of the evaluation list. */
export interface EvaluationFilter {
  campaignId?: number | undefined;
  schoolId?: number | undefined;
  state?: string | undefined;
  /** Only where this inspector is on the team. */
  teamMemberId?: number | undefined;
  ids?: number[] | undefined;
}

function evaluationBase(db: Kysely<DB>, access: EvaluationAccess, f: EvaluationFilter) {
  let q = db
    .selectFrom('evaluation as e')
    .innerJoin('evaluation_campaign as c', 'c.id', 'e.campaign_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .leftJoin('org_unit as st', 'st.id', 'v.street_id')
    .innerJoin('workflow_instance as wi', (j) =>
      j
        .on('wi.definition_key', '=', EVALUATION_WORKFLOW.key)
        .on('wi.subject_type', '=', 'evaluation')
        .on(sql<SqlBool>`wi.subject_id = e.id::text`),
    )
    .leftJoin('evaluation_result as r', 'r.evaluation_id', 'e.id')
    .where(visibleTo(access));
  if (f.campaignId) q = q.where('e.campaign_id', '=', f.campaignId);
  if (f.schoolId) q = q.where('e.school_id', '=', f.schoolId);
  if (f.state) q = q.where('wi.state', '=', f.state);
  if (f.ids) q = q.where('e.id', 'in', f.ids.length > 0 ? f.ids : [-1]);
  if (f.teamMemberId !== undefined) {
    const uid = f.teamMemberId;
    q = q.where(sql<SqlBool>`exists (select 1 from evaluation_assignment m where m.evaluation_id = e.id and m.inspector_id = ${uid})`);
  }
  return q.select([
    'e.id',
    'e.campaign_id',
    'c.name as campaign_name',
    'c.template_id',
    'c.period_start',
    'c.disagreement_ratio',
    'c.lookback_years',
    'c.team_size',
    'c.self_assessment_due',
    'c.on_site_due',
    'c.report_due',
    'e.school_id',
    's.code as school_code',
    'v.name as school_name',
    'v.address',
    'st.name as street_name',
    'wi.state',
    'wi.version',
    'e.visit_date',
    'r.total',
    'r.band',
    'r.verdict_label',
    'r.published_at',
    'r.computed_at',
  ]);
}
export type EvaluationRowData = Awaited<ReturnType<typeof findEvaluations>>[number];

/** Evaluations visible to the access, by school code (no paging). */
export function findEvaluations(db: Kysely<DB>, access: EvaluationAccess, f: EvaluationFilter) {
  return evaluationBase(db, access, f).orderBy('c.period_start', 'desc').orderBy('e.campaign_id', 'desc').orderBy('s.code').execute();
}

/** One page of visible evaluations with the total. */
export async function findEvaluationPage(
  db: Kysely<DB>,
  access: EvaluationAccess,
  f: EvaluationFilter,
  page: { offset: number; limit: number },
) {
  const base = evaluationBase(db, access, f);
  const total = await db
    .selectFrom(base.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .orderBy('c.period_start', 'desc')
    .orderBy('e.campaign_id', 'desc')
    .orderBy('s.code')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: Number(total.n), rows };
}

/** One visible evaluation, or undefined. */
export function findEvaluation(db: Kysely<DB>, access: EvaluationAccess, id: number) {
  return evaluationBase(db, access, { ids: [id] }).executeTakeFirst();
}

/** The teams of evaluations, lead first. */
export async function findTeams(db: Kysely<DB>, evaluationIds: number[]) {
  if (evaluationIds.length === 0) return new Map<number, TeamRow[]>();
  const rows = await db
    .selectFrom('evaluation_assignment as a')
    .innerJoin('app_user as u', 'u.id', 'a.inspector_id')
    .select(['a.evaluation_id', 'a.inspector_id', 'u.display_name as name', 'a.is_lead', 'a.sheet_submitted_at'])
    .where('a.evaluation_id', 'in', evaluationIds)
    .orderBy('a.evaluation_id')
    .orderBy('a.is_lead', 'desc')
    .orderBy('u.display_name')
    .execute();
  const out = new Map<number, TeamRow[]>();
  for (const r of rows) {
    const list = out.get(r.evaluation_id);
    if (list) list.push(r);
    else out.set(r.evaluation_id, [r]);
  }
  return out;
}
export interface TeamRow {
  evaluation_id: number;
  inspector_id: number;
  name: string;
  is_lead: boolean;
  sheet_submitted_at: Date | null;
}

/** Replaces the team of an evaluation. */
export async function replaceTeam(db: Kysely<DB>, evaluationId: number, members: { inspectorId: number; isLead: boolean }[]) {
  await db.deleteFrom('evaluation_assignment').where('evaluation_id', '=', evaluationId).execute();
  if (members.length === 0) return;
  await db
    .insertInto('evaluation_assignment')
    .values(members.map((m) => ({ evaluation_id: evaluationId, inspector_id: m.inspectorId, is_lead: m.isLead })))
    .execute();
}

/** Marks an inspector's sheet submitted. */
export async function markSheetSubmitted(db: Kysely<DB>, evaluationId: number, inspectorId: number, at: Date): Promise<void> {
  await db
    .updateTable('evaluation_assignment')
    .set({ sheet_submitted_at: at })
    .where('evaluation_id', '=', evaluationId)
    .where('inspector_id', '=', inspectorId)
    .execute();
}

/** Sets the planned on-site visit date. */
export async function setVisitDate(db: Kysely<DB>, evaluationId: number, date: string | null): Promise<void> {
  await db.updateTable('evaluation').set({ visit_date: date }).where('id', '=', evaluationId).execute();
}

/** Unfinished evaluations per inspector (planned … review), for load balancing. */
export async function findInspectorLoads(db: Kysely<DB>, excludeCampaignId?: number): Promise<Map<number, number>> {
  let q = db
    .selectFrom('evaluation_assignment as a')
    .innerJoin('evaluation as e', 'e.id', 'a.evaluation_id')
    .innerJoin('workflow_instance as wi', (j) =>
      j
        .on('wi.definition_key', '=', EVALUATION_WORKFLOW.key)
        .on('wi.subject_type', '=', 'evaluation')
        .on(sql<SqlBool>`wi.subject_id = e.id::text`),
    )
    .where('wi.state', 'not in', ['published', 'cancelled'])
    .select(['a.inspector_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('a.inspector_id');
  if (excludeCampaignId) q = q.where('e.campaign_id', '<>', excludeCampaignId);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.inspector_id, Number(r.n)]));
}

/** Marks every team member's sheet of these evaluations submitted (demo data and benchmarks). */
export async function markTeamsSubmitted(db: Kysely<DB>, evaluationIds: number[], at: Date): Promise<void> {
  for (let i = 0; i < evaluationIds.length; i += 1000)
    await db
      .updateTable('evaluation_assignment')
      .set({ sheet_submitted_at: at })
      .where('evaluation_id', 'in', evaluationIds.slice(i, i + 1000))
      .execute();
}
