/** SQL of campaigns: the schools a selection picks, the campaign rows and their evaluations. */
import type { SchoolSelection } from '@zhiping/contracts';
import { EVALUATION_WORKFLOW } from '@zhiping/domain';
import { sql, type Expression, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Open schools a selection picks: (type in typeCodes, when given) AND (street in streetIds, when given),
 * plus the listed schools, minus the excluded ones; by 学校标识码.
 */
export async function findSelectedSchools(db: Kysely<DB>, s: SchoolSelection) {
  const hasFilter = s.typeCodes.length > 0 || s.streetIds.length > 0;
  let q = db
    .selectFrom('school as sc')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'sc.id').on('v.valid_to', 'is', null))
    .leftJoin('org_unit as st', 'st.id', 'v.street_id')
    .select(['sc.id', 'sc.code', 'v.name', 'v.type_code', 'st.name as street_name', 'v.address'])
    .where('sc.closed_on', 'is', null);
  q = q.where((eb) => {
    const filtered = [];
    if (s.typeCodes.length > 0) filtered.push(eb('v.type_code', 'in', s.typeCodes));
    if (s.streetIds.length > 0) filtered.push(eb('v.street_id', 'in', s.streetIds));
    const byFilter = hasFilter ? eb.and(filtered) : eb.val(false);
    const listed = s.schoolIds.length > 0 ? eb('sc.id', 'in', s.schoolIds) : eb.val(false);
    return eb.or([byFilter as never, listed as never]);
  });
  if (s.excludeSchoolIds.length > 0) q = q.where('sc.id', 'not in', s.excludeSchoolIds);
  return q.orderBy('sc.code').execute();
}

/** Inserts a campaign; returns its id. */
export async function insertCampaign(db: Kysely<DB>, row: Insertable<DB['evaluation_campaign']>): Promise<number> {
  return (await db.insertInto('evaluation_campaign').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Inserts one evaluation per school; returns their ids by school. */
export async function insertEvaluations(db: Kysely<DB>, campaignId: number, schoolIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < schoolIds.length; i += 1000) {
    const rows = await db
      .insertInto('evaluation')
      .values(schoolIds.slice(i, i + 1000).map((school_id) => ({ campaign_id: campaignId, school_id })))
      .returning(['id', 'school_id'])
      .execute();
    for (const r of rows) out.set(r.school_id, r.id);
  }
  return out;
}

function campaignBase(db: Kysely<DB>) {
  return db
    .selectFrom('evaluation_campaign as c')
    .innerJoin('rubric_template as t', 't.id', 'c.template_id')
    .select([
      'c.id',
      'c.name',
      'c.description',
      'c.template_id',
      't.family',
      't.version',
      't.name as template_name',
      't.definition',
      'c.period_start',
      'c.period_end',
      'c.self_assessment_due',
      'c.on_site_due',
      'c.report_due',
      'c.team_size',
      'c.lookback_years',
      'c.disagreement_ratio',
      'c.selection',
      'c.created_at',
    ]);
}
export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

/** One campaign with its template. */
export function findCampaign(db: Kysely<DB>, id: number) {
  return campaignBase(db).where('c.id', '=', id).executeTakeFirst();
}

/**
 * Campaigns with at least one evaluation matching `visible` (an SQL condition on `e`), newest first.
 * District readers pass `true` and also see campaigns without evaluations.
 */
export async function findCampaignPage(
  db: Kysely<DB>,
  visible: Expression<SqlBool>,
  isDistrict: boolean,
  f: { q?: string | undefined },
  page: { offset: number; limit: number },
) {
  let q = campaignBase(db);
  if (!isDistrict) q = q.where(sql<SqlBool>`exists (select 1 from evaluation e where e.campaign_id = c.id and ${visible})`);
  if (f.q) q = q.where('c.name', 'like', `%${f.q.replace(/[\\%_]/g, (ch) => '\\' + ch)}%`);
  const total = await db
    .selectFrom(q.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q.orderBy('c.period_start', 'desc').orderBy('c.id', 'desc').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

/** Schools per workflow state of each campaign (only evaluations matching `visible`). */
export async function findStateCounts(db: Kysely<DB>, campaignIds: number[], visible: Expression<SqlBool>) {
  const out = new Map<number, Record<string, number>>();
  if (campaignIds.length === 0) return out;
  const rows = await db
    .selectFrom('evaluation as e')
    .innerJoin('workflow_instance as wi', (j) =>
      j
        .on('wi.definition_key', '=', EVALUATION_WORKFLOW.key)
        .on('wi.subject_type', '=', 'evaluation')
        .on(sql<SqlBool>`wi.subject_id = e.id::text`),
    )
    .select(['e.campaign_id', 'wi.state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.campaign_id', 'in', campaignIds)
    .where(visible)
    .groupBy(['e.campaign_id', 'wi.state'])
    .execute();
  for (const r of rows) out.set(r.campaign_id, { ...(out.get(r.campaign_id) ?? {}), [r.state]: Number(r.n) });
  return out;
}

/** The latest earlier campaign on the same rubric family with published results, or undefined. */
export function findPreviousCampaign(db: Kysely<DB>, campaign: { id: number; family: string; period_start: string }) {
  return db
    .selectFrom('evaluation_campaign as c')
    .innerJoin('rubric_template as t', 't.id', 'c.template_id')
    .select(['c.id', 'c.name', 't.version', 'c.template_id'])
    .where('t.family', '=', campaign.family)
    .where('c.id', '<>', campaign.id)
    .where('c.period_start', '<', campaign.period_start)
    .where(
      sql<SqlBool>`exists (select 1 from evaluation e join evaluation_result r on r.evaluation_id = e.id
      where e.campaign_id = c.id and r.published_at is not null)`,
    )
    .orderBy('c.period_start', 'desc')
    .orderBy('c.id', 'desc')
    .executeTakeFirst();
}

/**
 * What a campaign's schools have done so far: evaluations with any score row (self or inspector),
 * evaluations past the self-evaluation (cancelled ones aside), and evidence files uploaded.
 */
export async function findCampaignActivity(db: Kysely<DB>, campaignId: number) {
  const row = await db
    .selectFrom('evaluation as e')
    .innerJoin('workflow_instance as wi', (j) =>
      j
        .on('wi.definition_key', '=', EVALUATION_WORKFLOW.key)
        .on('wi.subject_type', '=', 'evaluation')
        .on(sql<SqlBool>`wi.subject_id = e.id::text`),
    )
    .select([
      sql<number>`count(*) filter (where exists (select 1 from evaluation_score s where s.evaluation_id = e.id))`.as('scored'),
      sql<number>`count(*) filter (where wi.state not in ('planned', 'self_assessment', 'cancelled'))`.as('advanced'),
      sql<number>`count(*) filter (where exists (select 1 from evaluation_evidence v where v.evaluation_id = e.id))`.as('withEvidence'),
      sql<number>`count(*) filter (where exists (select 1 from evaluation_result r where r.evaluation_id = e.id))`.as('withResult'),
    ])
    .where('e.campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return {
    scored: Number(row.scored),
    advanced: Number(row.advanced),
    withEvidence: Number(row.withEvidence),
    withResult: Number(row.withResult),
  };
}

/** The campaign's evaluations by school (any state), with whether evidence was uploaded for each. */
export function findCampaignSchools(db: Kysely<DB>, campaignId: number) {
  return db
    .selectFrom('evaluation as e')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'e.school_id').on('v.valid_to', 'is', null))
    .select([
      'e.id',
      'e.school_id',
      'v.name as school_name',
      sql<boolean>`exists (select 1 from evaluation_evidence x where x.evaluation_id = e.id)`.as('has_evidence'),
    ])
    .where('e.campaign_id', '=', campaignId)
    .execute();
}

/** Updates a campaign's editable columns. */
export async function updateCampaign(db: Kysely<DB>, id: number, row: Partial<Insertable<DB['evaluation_campaign']>>): Promise<void> {
  await db.updateTable('evaluation_campaign').set(row).where('id', '=', id).execute();
}

/** Deletes evaluations with their workflow instances (teams, scores, evidence and results cascade). */
export async function deleteEvaluations(db: Kysely<DB>, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('workflow_instance')
    .where('definition_key', '=', EVALUATION_WORKFLOW.key)
    .where('subject_type', '=', 'evaluation')
    .where(
      'subject_id',
      'in',
      ids.map((i) => String(i)),
    )
    .execute();
  await db.deleteFrom('evaluation').where('id', 'in', ids).execute();
}

/** Deletes a campaign with its evaluations and their workflow instances. */
export async function deleteCampaign(db: Kysely<DB>, id: number): Promise<void> {
  const ids = (await db.selectFrom('evaluation').select('id').where('campaign_id', '=', id).execute()).map((r) => r.id);
  await deleteEvaluations(db, ids);
  await db.deleteFrom('evaluation_campaign').where('id', '=', id).execute();
}
