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

function checkDates(input: CampaignInput): void {
  const order: [keyof CampaignInput, string][] = [
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
  return {
    ...toSummary(row, counts),
    description: row.description,
    selection: row.selection as SchoolSelection,
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
