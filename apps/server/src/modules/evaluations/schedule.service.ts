/**
 * The on-site visit schedule of a campaign: a date per school, set by hand or spread automatically over
 * the on-site window so that no inspector visits two schools on one day; printable as a Word table.
 */
import type { CampaignSchedule, EvaluationDetail } from '@zhiping/contracts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import * as campaigns from './campaign.repository.ts';
import { accessOf, loadCampaignEvaluations, loadEvaluation } from './evaluation-access.ts';
import { requireSupervisor } from './evaluation.policy.ts';
import * as repo from './evaluation.repository.ts';
import { getEvaluation } from './evaluation.service.ts';
import { buildScheduleDocx } from './schedule-docx.ts';

const FINAL = new Set(['published', 'cancelled']);
const DAY_MS = 86_400_000;

/** The ISO date a number of days after another. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Sets (or clears) a school's on-site date within the campaign period (督导室, audited). */
export async function setVisitDate(ctx: ServiceContext, evaluationId: number, date: string | null): Promise<EvaluationDetail> {
  const access = await accessOf(ctx);
  requireSupervisor(access, '现场评估日程');
  const ev = await loadEvaluation(ctx, evaluationId, access);
  const campaign = (await campaigns.findCampaign(ctx.db, ev.row.campaign_id))!;
  if (date !== null && (date < campaign.period_start || date > campaign.period_end))
    throw invalid('visitDate', `日期须在评估期内（${campaign.period_start} 至 ${campaign.period_end}）`);
  await inTransaction(ctx, async (tx) => {
    await repo.setVisitDate(tx.db, evaluationId, date);
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.schedule.set',
      entityType: 'evaluation',
      entityId: evaluationId,
      schoolId: ev.row.school_id,
      summary: `${ev.row.school_name}现场评估日期：${ev.row.visit_date ?? '未定'} → ${date ?? '未定'}`,
      before: { visitDate: ev.row.visit_date },
      after: { visitDate: date },
    });
  });
  return getEvaluation(ctx, evaluationId);
}

/** Whether a date is a Saturday or Sunday. */
function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** Dates the unscheduled schools with a team, day by day, each inspector at most once a day (督导室, audited). */
export async function autoSchedule(
  ctx: ServiceContext,
  campaignId: number,
  options: { from?: string | undefined; to?: string | undefined; includeWeekends: boolean },
): Promise<CampaignSchedule> {
  const access = await accessOf(ctx);
  requireSupervisor(access, '现场评估日程');
  const campaign = await campaigns.findCampaign(ctx.db, campaignId);
  if (!campaign) throw notFound('评估项目');
  const from = options.from ?? addDays(campaign.self_assessment_due, 1);
  const to = options.to ?? campaign.on_site_due;
  if (to < from) throw invalid('to', '日程的结束日期不能早于开始日期');
  const evs = (await loadCampaignEvaluations(ctx, campaignId, access)).filter((e) => !FINAL.has(e.row.state));
  const busy = new Map<string, Set<number>>();
  for (const e of evs.filter((x) => x.row.visit_date))
    for (const t of e.team) busy.set(e.row.visit_date!, new Set([...(busy.get(e.row.visit_date!) ?? []), t.inspector_id]));
  const planned: { id: number; date: string }[] = [];
  for (const e of evs.filter((x) => !x.row.visit_date && x.team.length > 0)) {
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if (!options.includeWeekends && isWeekend(d)) continue;
      const taken = busy.get(d) ?? new Set<number>();
      if (e.team.some((t) => taken.has(t.inspector_id))) continue;
      for (const t of e.team) taken.add(t.inspector_id);
      busy.set(d, taken);
      planned.push({ id: e.row.id, date: d });
      break;
    }
  }
  if (planned.length > 0)
    await inTransaction(ctx, async (tx) => {
      for (const p of planned) await repo.setVisitDate(tx.db, p.id, p.date);
      await recordAudit(tx.db, tx.actor, {
        action: 'evaluation.schedule.auto',
        entityType: 'evaluation_campaign',
        entityId: campaignId,
        summary: `自动排定“${campaign.name}”现场评估日程：${planned.length} 所学校（${from} 至 ${to}）`,
        after: planned,
      });
    });
  return getSchedule(ctx, campaignId);
}

/** The schedule rows the caller may see, by date then school. */
export async function getSchedule(ctx: ServiceContext, campaignId: number): Promise<CampaignSchedule> {
  const access = await accessOf(ctx);
  const campaign = await campaigns.findCampaign(ctx.db, campaignId);
  if (!campaign) throw notFound('评估项目');
  const evs = await loadCampaignEvaluations(ctx, campaignId, access);
  if (evs.length === 0 && !access.isDistrictReader) throw notFound('评估项目');
  const rows = evs
    .filter((e) => e.row.state !== 'cancelled')
    .map((e) => ({
      evaluationId: e.row.id,
      date: e.row.visit_date,
      schoolCode: e.row.school_code,
      schoolName: e.row.school_name,
      address: e.row.address,
      leadName: e.team.find((t) => t.is_lead)?.name ?? null,
      memberNames: e.team.filter((t) => !t.is_lead).map((t) => t.name),
      state: e.row.state as CampaignSchedule['rows'][number]['state'],
    }))
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.schoolCode.localeCompare(b.schoolCode));
  return { campaignId, campaignName: campaign.name, rows, unscheduled: rows.filter((r) => r.date === null).length };
}

/** The schedule as a printable Word document (audited as an export). */
export async function exportScheduleDocx(ctx: ServiceContext, campaignId: number): Promise<{ fileName: string; buffer: Buffer }> {
  const schedule = await getSchedule(ctx, campaignId);
  if (schedule.rows.length === 0) throw new AppError('INVALID_STATE', { userMessage: '没有可打印的日程' });
  const buffer = await buildScheduleDocx(schedule);
  await recordAudit(ctx.db, ctx.actor, {
    action: 'export.evaluation.schedule',
    entityType: 'evaluation_campaign',
    entityId: campaignId,
    summary: `导出“${schedule.campaignName}”现场评估日程（docx）`,
  });
  return { fileName: `${schedule.campaignName}现场评估日程.docx`, buffer };
}
