/**
 * Campaigns (评估项目): one template version applied to a set of schools (by type, street, list) in a
 * period with deadlines; each school gets an evaluation started on EVALUATION_WORKFLOW. The 督导室
 * starts a campaign's self-evaluations and publishes its reviewed results in bulk.
 */
import {
  EVALUATION_STATE_LABELS,
  type EvaluationStateKey,
  type BulkTransitionResult,
  type CampaignDetail,
  type CampaignInput,
  type CampaignSummary,
  type CampaignUpdateInput,
  type Page,
  type SchoolPreview,
  type SchoolSelection,
} from '@zhiping/contracts';
import type { CampaignListQuery } from '@zhiping/contracts';
import { EVALUATION_WORKFLOW, validateRubric, type RubricTemplate } from '@zhiping/domain';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { startWorkflow } from '../workflow/workflow.service.ts';
import { accessOf, loadCampaignEvaluations } from './evaluation-access.ts';
import { requireSupervisor } from './evaluation.policy.ts';
import { toRows } from './evaluation.service.ts';
import { runSteps } from './evaluation-steps.ts';
import * as repo from './campaign.repository.ts';
import * as evaluations from './evaluation.repository.ts';
import { visibleTo } from './evaluation.repository.ts';
import { ensureBuiltInTemplates, loadTemplate } from './template.service.ts';

/** The schools a selection picks (督导室). */
export async function previewSchools(ctx: ServiceContext, selection: SchoolSelection): Promise<SchoolPreview> {
  requireSupervisor(await accessOf(ctx));
  const rows = await repo.findSelectedSchools(ctx.db, selection);
  return {
    count: rows.length,
    schools: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, typeCode: r.type_code, streetName: r.street_name })),
  };
}

function checkDates(input: CampaignUpdateInput): void {
  const order: [keyof CampaignUpdateInput, string][] = [
    ['periodStart', '开始日期'],
    ['selfAssessmentDue', '自评截止日期'],
    ['onSiteDue', '现场评估截止日期'],
    ['reportDue', '报告截止日期'],
    ['periodEnd', '结束日期'],
  ];
  const issues = order.slice(1).flatMap(([key, label], i) => {
    const [prevKey, prevLabel] = order[i]!;
    return (input[key] as string) < (input[prevKey] as string) ? [{ path: key, message: `${label}不能早于${prevLabel}` }] : [];
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { userMessage: issues[0]!.message, issues });
}

/** Creates a campaign over the selected schools and starts each school's evaluation (督导室, audited). */
export async function createCampaign(ctx: ServiceContext, input: CampaignInput): Promise<CampaignDetail> {
  requireSupervisor(await accessOf(ctx));
  checkDates(input);
  await ensureBuiltInTemplates(ctx);
  let template: RubricTemplate;
  try {
    template = await loadTemplate(ctx.db, input.templateId);
  } catch {
    throw new AppError('VALIDATION_FAILED', { userMessage: '评估模板不存在', issues: [{ path: 'templateId', message: '模板不存在' }] });
  }
  const problems = validateRubric(template);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { userMessage: `模板尚有问题，不能使用：${problems[0]}` });
  const schools = await repo.findSelectedSchools(ctx.db, input.selection);
  if (schools.length === 0)
    throw new AppError('VALIDATION_FAILED', {
      userMessage: '没有符合条件的学校',
      issues: [{ path: 'selection', message: '没有符合条件的学校' }],
    });
  const id = await inTransaction(ctx, async (tx) => {
    const campaignId = await repo.insertCampaign(tx.db, {
      name: input.name,
      description: input.description,
      template_id: input.templateId,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      self_assessment_due: input.selfAssessmentDue,
      on_site_due: input.onSiteDue,
      report_due: input.reportDue,
      team_size: input.teamSize,
      lookback_years: input.lookbackYears,
      disagreement_ratio: input.disagreementRatio,
      selection: JSON.stringify(input.selection),
      created_by: tx.actor.userId,
      created_by_name: tx.actor.displayName,
    });
    const ids = await repo.insertEvaluations(
      tx.db,
      campaignId,
      schools.map((s) => s.id),
    );
    for (const [schoolId, evaluationId] of ids)
      await startWorkflow(tx, EVALUATION_WORKFLOW, { type: 'evaluation', id: evaluationId, schoolId });
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.campaign.create',
      entityType: 'evaluation_campaign',
      entityId: campaignId,
      summary: `创建评估项目“${input.name}”（${template.name} v${template.version}，${schools.length} 所学校）`,
      after: { ...input, schools: schools.length },
    });
    return campaignId;
  });
  return getCampaign(ctx, id);
}

function toSummary(r: repo.CampaignRow, counts: Record<string, number>): CampaignSummary {
  const t = r.definition as RubricTemplate;
  return {
    id: r.id,
    name: r.name,
    template: { id: r.template_id, family: r.family, version: r.version, name: r.template_name, scale: t.scale },
    periodStart: r.period_start,
    periodEnd: r.period_end,
    selfAssessmentDue: r.self_assessment_due,
    onSiteDue: r.on_site_due,
    reportDue: r.report_due,
    teamSize: r.team_size,
    lookbackYears: r.lookback_years,
    disagreementRatio: Number(r.disagreement_ratio),
    schoolCount: Object.values(counts).reduce((a, b) => a + b, 0),
    stateCounts: counts,
    createdAt: r.created_at.toISOString(),
  };
}

/** A page of campaigns the caller takes part in (district readers: all). */
export async function listCampaigns(ctx: ServiceContext, query: z.infer<typeof CampaignListQuery>): Promise<Page<CampaignSummary>> {
  const access = await accessOf(ctx);
  const visible = visibleTo(access);
  const { total, rows } = await repo.findCampaignPage(
    ctx.db,
    visible,
    access.isDistrictReader,
    { q: query.q },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const counts = await repo.findStateCounts(
    ctx.db,
    rows.map((r) => r.id),
    visible,
  );
  return { items: rows.map((r) => toSummary(r, counts.get(r.id) ?? {})), total, page: query.page, pageSize: query.pageSize };
}

/** A campaign with the evaluations the caller may see (404 when they see none and are not district). */
export async function getCampaign(ctx: ServiceContext, id: number): Promise<CampaignDetail> {
  const access = await accessOf(ctx);
  const row = await repo.findCampaign(ctx.db, id);
  if (!row) throw notFound('评估项目');
  const rows = await evaluations.findEvaluations(ctx.db, access, { campaignId: id });
  if (rows.length === 0 && !access.isDistrictReader) throw notFound('评估项目');
  const counts = (await repo.findStateCounts(ctx.db, [id], visibleTo(access))).get(id) ?? {};
  const locks = await locksOf(ctx.db, id);
  return {
    ...toSummary(row, counts),
    description: row.description,
    selection: row.selection as SchoolSelection,
    editLock: locks.edit,
    deleteLock: locks.delete,
    evaluations: await toRows(ctx, access, rows),
  };
}

/** Takes one action on every evaluation of a campaign that is in the given state, in one transaction (督导室). */
async function bulkStep(ctx: ServiceContext, campaignId: number, from: string, action: string): Promise<BulkTransitionResult> {
  const access = await accessOf(ctx);
  requireSupervisor(access);
  if (!(await repo.findCampaign(ctx.db, campaignId))) throw notFound('评估项目');
  const all = await loadCampaignEvaluations(ctx, campaignId, access);
  const skipped = all
    .filter((e) => e.row.state !== from && e.row.state !== 'cancelled')
    .map((e) => ({
      evaluationId: e.row.id,
      schoolName: e.row.school_name,
      reason: `当前状态为“${EVALUATION_STATE_LABELS[e.row.state as EvaluationStateKey] ?? e.row.state}”`,
    }));
  const due = all.filter((e) => e.row.state === from);
  await inTransaction(ctx, (tx) => runSteps(tx, due, action));
  return { done: due.length, skipped };
}

/** Opens the self-evaluation of every planned school of a campaign. */
export function startCampaign(ctx: ServiceContext, campaignId: number): Promise<BulkTransitionResult> {
  return bulkStep(ctx, campaignId, 'planned', 'start_self_assessment');
}

/** Publishes every reviewed result of a campaign. */
export function publishCampaign(ctx: ServiceContext, campaignId: number): Promise<BulkTransitionResult> {
  return bulkStep(ctx, campaignId, 'review', 'publish');
}

/**
 * Why a campaign can no longer be edited or deleted. Editing stops once any school has a score row (self
 * or inspector sheet) or has moved past the self-evaluation; deleting also stops once a school uploaded
 * evidence (its files would be lost).
 */
async function locksOf(db: ServiceContext['db'], campaignId: number): Promise<{ edit: string | null; delete: string | null }> {
  const a = await repo.findCampaignActivity(db, campaignId);
  const edit =
    a.scored > 0 || a.withResult > 0
      ? `已有 ${Math.max(a.scored, a.withResult)} 所学校开始评分（自评或现场评分），项目不能再修改或删除`
      : a.advanced > 0
        ? `已有 ${a.advanced} 所学校进入现场评估或之后的阶段，项目不能再修改或删除`
        : null;
  const del = edit ?? (a.withEvidence > 0 ? `已有 ${a.withEvidence} 所学校上传了自评佐证材料，项目不能删除（仍可修改）` : null);
  return { edit, delete: del };
}

function refuseWhenLocked(lock: string | null): void {
  if (lock) throw new AppError('INVALID_STATE', { userMessage: lock });
}

/**
 * Edits a campaign's name, deadlines, settings and school set while no school has begun scoring (督导室,
 * audited). Schools no longer selected lose their evaluation (refused when they uploaded evidence);
 * newly selected schools get one in 已计划 (start the self-evaluation again to open theirs).
 */
export async function updateCampaign(ctx: ServiceContext, id: number, input: CampaignUpdateInput): Promise<CampaignDetail> {
  requireSupervisor(await accessOf(ctx));
  const before = await repo.findCampaign(ctx.db, id);
  if (!before) throw notFound('评估项目');
  checkDates(input);
  const schools = await repo.findSelectedSchools(ctx.db, input.selection);
  if (schools.length === 0)
    throw new AppError('VALIDATION_FAILED', {
      userMessage: '没有符合条件的学校',
      issues: [{ path: 'selection', message: '没有符合条件的学校' }],
    });
  await inTransaction(ctx, async (tx) => {
    // Checked inside the transaction: a score saved meanwhile must not slip past the lock.
    refuseWhenLocked((await locksOf(tx.db, id)).edit);
    const existing = await repo.findCampaignSchools(tx.db, id);
    const wanted = new Set(schools.map((s) => s.id));
    const have = new Set(existing.map((e) => e.school_id));
    const removed = existing.filter((e) => !wanted.has(e.school_id));
    const blocked = removed.filter((e) => e.has_evidence);
    if (blocked.length > 0)
      throw new AppError('INVALID_STATE', {
        userMessage: `${blocked
          .slice(0, 3)
          .map((e) => e.school_name)
          .join('、')}${blocked.length > 3 ? ` 等 ${blocked.length} 所学校` : ''}已上传自评佐证材料，不能移出本项目`,
      });
    const added = schools.filter((s) => !have.has(s.id));
    await repo.updateCampaign(tx.db, id, {
      name: input.name,
      description: input.description,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      self_assessment_due: input.selfAssessmentDue,
      on_site_due: input.onSiteDue,
      report_due: input.reportDue,
      team_size: input.teamSize,
      lookback_years: input.lookbackYears,
      disagreement_ratio: input.disagreementRatio,
      selection: JSON.stringify(input.selection),
    });
    await repo.deleteEvaluations(
      tx.db,
      removed.map((e) => e.id),
    );
    const ids = await repo.insertEvaluations(
      tx.db,
      id,
      added.map((s) => s.id),
    );
    for (const [schoolId, evaluationId] of ids)
      await startWorkflow(tx, EVALUATION_WORKFLOW, { type: 'evaluation', id: evaluationId, schoolId });
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.campaign.update',
      entityType: 'evaluation_campaign',
      entityId: id,
      summary: `修改评估项目“${input.name}”${added.length || removed.length ? `（新增 ${added.length} 所、移出 ${removed.length} 所学校）` : ''}`,
      before: {
        name: before.name,
        description: before.description,
        periodStart: before.period_start,
        periodEnd: before.period_end,
        selfAssessmentDue: before.self_assessment_due,
        onSiteDue: before.on_site_due,
        reportDue: before.report_due,
        teamSize: before.team_size,
        selection: before.selection,
        schools: existing.length,
      },
      after: {
        ...input,
        schools: schools.length,
        addedSchoolIds: added.map((s) => s.id),
        removedSchoolIds: removed.map((e) => e.school_id),
      },
    });
  });
  return getCampaign(ctx, id);
}

/** Deletes a campaign no school has begun scoring or uploaded evidence for (督导室, audited). */
export async function deleteCampaign(ctx: ServiceContext, id: number): Promise<void> {
  requireSupervisor(await accessOf(ctx));
  const before = await repo.findCampaign(ctx.db, id);
  if (!before) throw notFound('评估项目');
  await inTransaction(ctx, async (tx) => {
    refuseWhenLocked((await locksOf(tx.db, id)).delete);
    const schools = await repo.findCampaignSchools(tx.db, id);
    await repo.deleteCampaign(tx.db, id);
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.campaign.delete',
      entityType: 'evaluation_campaign',
      entityId: id,
      summary: `删除评估项目“${before.name}”（${before.template_name} v${before.version}，${schools.length} 所学校）`,
      before: {
        name: before.name,
        templateId: before.template_id,
        periodStart: before.period_start,
        periodEnd: before.period_end,
        selection: before.selection,
        schoolIds: schools.map((s) => s.school_id),
      },
    });
  });
}
