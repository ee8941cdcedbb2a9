/**
 * The 公示 (public notice) with objections, the final list, the recommendation to the city and the
 * city results, the list's workbook, a teacher-independent overview for the district dashboard.
 * Anyone signed in reads a round's notice from its 公示 on and may object while the period runs; the
 * 教师科 decides each objection with a recorded note (an upheld objection excludes the application and
 * the list is re-ranked).
 */
import type { AwardNotice, AwardObjection, AwardOverview } from '@zhiping/contracts';
import type { AwardCityResults, AwardObjectionDecision, AwardObjectionInput } from '@zhiping/contracts';
import { AWARD_GRADE_LABELS, CITY_RESULT_LABELS, publicityPhase, roundScore, type AwardGrade, type CityResult } from '@zhiping/domain';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { isResultPublic, toCallSummary, toObjection } from './award.mapper.ts';
import { awardAccess, requireManager } from './award.policy.ts';
import * as repo from './award.repository.ts';
import { loadCall } from './call.service.ts';
import { regrade } from './consolidation.service.ts';

const ALL = { isDistrictReader: true, isManager: false, adminSchoolIds: [], teacherId: null, userId: null };

/** The 公示 / final list of a round (from the 公示 on; the 教师科 also before). */
export async function getNotice(ctx: ServiceContext, callId: number): Promise<AwardNotice> {
  const call = await loadCall(ctx, callId);
  if (!isResultPublic(call.state) && !call.access.isDistrictReader) throw new AppError('INVALID_STATE', { userMessage: '该批次尚未公示' });
  const rows = (await repo.findApplications(ctx.db, repo.applicationVisibleTo(ALL), { callId, status: 'accepted' })).filter(
    (r) => r.rank !== null || r.excluded_reason !== null,
  );
  const members = await repo.findMembers(
    ctx.db,
    rows.map((r) => r.id),
  );
  const objections = await repo.findObjections(ctx.db, callId);
  const phase =
    call.row.publicity_start && call.row.publicity_end
      ? publicityPhase(ctx.clock.today(), { start: call.row.publicity_start, end: call.row.publicity_end })
      : null;
  return {
    callId,
    title: call.row.title,
    state: call.state,
    publicityStart: call.row.publicity_start,
    publicityEnd: call.row.publicity_end,
    phase,
    items: rows
      .filter((r) => (r.grade !== null && r.excluded_reason === null) || r.excluded_reason !== null || call.access.isDistrictReader)
      .map((r) => {
        const grade = r.grade && !r.excluded_reason ? (r.grade as AwardGrade) : null;
        const city = r.city_result as CityResult | null;
        return {
          applicationId: r.id,
          rank: r.rank,
          title: r.title,
          leadName: r.lead_name,
          memberNames: (members.get(r.id) ?? []).filter((m) => m.position > 0).map((m) => m.name),
          schoolName: r.school_name,
          score: r.score === null ? null : roundScore(Number(r.score)),
          grade,
          gradeLabel: grade ? AWARD_GRADE_LABELS[grade] : null,
          excludedReason: r.excluded_reason,
          cityResultLabel: city ? CITY_RESULT_LABELS[city] : null,
          isRecommended: r.is_recommended,
        };
      }),
    objections: objections
      .filter((o) => call.access.isManager || o.filed_by === ctx.actor.userId)
      .map((o) => toObjection(o, call.access.isManager || o.filed_by === ctx.actor.userId)),
    canObject: call.state === 'publicity' && phase === 'running',
    canDecide: call.access.isManager && call.state === 'publicity',
  };
}

/** Files an objection during the 公示 (anyone signed in). */
export async function fileObjection(
  ctx: ServiceContext,
  callId: number,
  input: z.infer<typeof AwardObjectionInput>,
): Promise<AwardObjection> {
  const call = await loadCall(ctx, callId);
  const today = ctx.clock.today();
  if (call.state !== 'publicity' || !call.row.publicity_start || !call.row.publicity_end)
    throw new AppError('INVALID_STATE', { userMessage: '该批次不在公示期' });
  if (publicityPhase(today, { start: call.row.publicity_start, end: call.row.publicity_end }) !== 'running')
    throw new AppError('INVALID_STATE', { userMessage: `公示期为 ${call.row.publicity_start} 至 ${call.row.publicity_end}，不在期内` });
  const app = await ctx.db
    .selectFrom('award_application')
    .select(['id', 'title', 'school_id', 'rank'])
    .where('id', '=', input.applicationId)
    .where('call_id', '=', callId)
    .executeTakeFirst();
  if (!app || app.rank === null) throw invalid('applicationId', '请选择公示名单中的成果');
  const id = await inTransaction(ctx, async (tx) => {
    const { id } = await tx.db
      .insertInto('award_objection')
      .values({ application_id: app.id, content: input.content, filed_by: tx.actor.userId, filed_by_name: tx.actor.displayName })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx.db, tx.actor, {
      action: 'award.objection.file',
      entityType: 'award_objection',
      entityId: id,
      schoolId: app.school_id,
      summary: `对公示成果《${app.title}》提出异议`,
      after: input,
    });
    return id;
  });
  const [o] = await repo.findObjections(ctx.db, callId, { ids: [id] });
  return toObjection(o!, true);
}

/** Decides an objection (教师科): upheld excludes the application and re-ranks; dismissed keeps it. */
export async function decideObjection(
  ctx: ServiceContext,
  callId: number,
  objectionId: number,
  input: z.infer<typeof AwardObjectionDecision>,
): Promise<AwardObjection> {
  const call = await loadCall(ctx, callId);
  requireManager(call.access, '异议处理');
  if (call.state !== 'publicity') throw new AppError('INVALID_STATE', { userMessage: '只能在公示阶段处理异议' });
  const [o] = await repo.findObjections(ctx.db, callId, { ids: [objectionId] });
  if (!o) throw notFound('异议');
  if (o.decision) throw new AppError('INVALID_STATE', { userMessage: '该异议已处理' });
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('award_objection')
      .set({ decision: input.decision, decision_note: input.note, decided_by_name: tx.actor.displayName, decided_at: tx.clock.now() })
      .where('id', '=', objectionId)
      .execute();
    if (input.decision === 'upheld') {
      await tx.db
        .updateTable('award_application')
        .set({ excluded_reason: `异议成立：${input.note}`, rank: null, grade: null })
        .where('id', '=', o.application_id)
        .execute();
      await regrade(tx, call);
    }
    await recordAudit(tx.db, tx.actor, {
      action: `award.objection.${input.decision}`,
      entityType: 'award_objection',
      entityId: objectionId,
      summary: `处理对《${o.application_title}》的异议：${input.decision === 'upheld' ? '异议成立，取消该成果' : '异议不成立'}（${input.note}）`,
      after: input,
    });
  });
  const [after] = await repo.findObjections(ctx.db, callId, { ids: [objectionId] });
  return toObjection(after!, true);
}

/** Sets which graded applications are recommended to the city (up to the quota), after the final list. */
export async function setRecommendation(ctx: ServiceContext, callId: number, applicationIds: number[]): Promise<void> {
  const call = await loadCall(ctx, callId);
  requireManager(call.access, '推荐市级');
  if (call.state !== 'final') throw new AppError('INVALID_STATE', { userMessage: '公布获奖名单后、推荐之前才能选定推荐成果' });
  const ids = [...new Set(applicationIds)];
  if (ids.length > call.rules.cityQuota) throw invalid('applicationIds', `推荐名额为 ${call.rules.cityQuota} 项`);
  const ok = await ctx.db
    .selectFrom('award_application')
    .select('id')
    .where('call_id', '=', callId)
    .where('id', 'in', ids)
    .where('rank', 'is not', null)
    .where('excluded_reason', 'is', null)
    .execute();
  if (ok.length !== ids.length) throw invalid('applicationIds', '只能推荐获奖名单中的成果');
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('award_application').set({ is_recommended: false }).where('call_id', '=', callId).execute();
    await tx.db.updateTable('award_application').set({ is_recommended: true }).where('id', 'in', ids).execute();
    await recordAudit(tx.db, tx.actor, {
      action: 'award.recommend.set',
      entityType: 'award_call',
      entityId: callId,
      summary: `选定推荐参评市级成果 ${ids.length} 项`,
      after: { applicationIds: ids },
    });
  });
}

/** Records the city's results of recommended applications. */
export async function recordCityResults(ctx: ServiceContext, callId: number, input: z.infer<typeof AwardCityResults>): Promise<void> {
  const call = await loadCall(ctx, callId);
  requireManager(call.access, '市级结果登记');
  if (call.state !== 'recommended') throw new AppError('INVALID_STATE', { userMessage: '推荐市级之后才能登记市级结果' });
  const recommended = await ctx.db
    .selectFrom('award_application')
    .select('id')
    .where('call_id', '=', callId)
    .where('is_recommended', '=', true)
    .execute();
  const ids = new Set(recommended.map((r) => r.id));
  for (const r of input.results) if (!ids.has(r.applicationId)) throw invalid('results', `申报 #${r.applicationId} 不是本批次推荐的成果`);
  await inTransaction(ctx, async (tx) => {
    for (const result of ['first', 'second', 'third', 'none'] as const) {
      const ids = input.results.filter((r) => r.result === result && !r.note).map((r) => r.applicationId);
      if (ids.length > 0)
        await tx.db.updateTable('award_application').set({ city_result: result, city_note: '' }).where('id', 'in', ids).execute();
    }
    for (const r of input.results.filter((x) => x.note))
      await tx.db
        .updateTable('award_application')
        .set({ city_result: r.result, city_note: r.note })
        .where('id', '=', r.applicationId)
        .execute();
    await recordAudit(tx.db, tx.actor, {
      action: 'award.city.record',
      entityType: 'award_call',
      entityId: callId,
      summary: `登记市级评审结果 ${input.results.length} 项（获奖 ${input.results.filter((r) => r.result !== 'none').length} 项）`,
      after: input,
    });
  });
}

/** The final list as a workbook. */
export async function finalListXlsx(ctx: ServiceContext, callId: number): Promise<{ fileName: string; buffer: Buffer }> {
  const notice = await getNotice(ctx, callId);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('获奖名单');
  sheet.addRow([`${notice.title} 获奖名单`]).font = { bold: true, size: 14 };
  if (notice.publicityStart) sheet.addRow([`公示期：${notice.publicityStart} 至 ${notice.publicityEnd}`]);
  const head = sheet.addRow(['名次', '成果名称', '主持人', '团队成员', '学校', '得分', '等次', '推荐市级', '市级结果', '备注']);
  head.font = { bold: true };
  for (const i of notice.items)
    sheet.addRow([
      i.rank ?? '—',
      i.title,
      i.leadName,
      i.memberNames.join('、'),
      i.schoolName,
      i.score ?? '',
      i.gradeLabel ?? '',
      i.isRecommended ? '是' : '',
      i.cityResultLabel ?? '',
      i.excludedReason ?? '',
    ]);
  sheet.columns.forEach((c, idx) => (c.width = [6, 40, 10, 24, 24, 8, 8, 8, 12, 30][idx] ?? 12));
  return { fileName: `${notice.title}-获奖名单.xlsx`, buffer: Buffer.from(await book.xlsx.writeBuffer()) };
}

/** Rounds with counts and totals since the first round (district dashboard). */
export async function getOverview(ctx: ServiceContext): Promise<AwardOverview> {
  const access = awardAccess(ctx.actor);
  if (!access.isDistrictReader) throw new AppError('FORBIDDEN');
  const rows = await repo.findCalls(ctx.db, { isDraftVisible: access.isManager });
  const counts = await repo.countByCall(
    ctx.db,
    rows.map((r) => r.id),
  );
  const rounds = rows.map((r) => toCallSummary(r, counts.get(r.id)));
  const sum = (k: 'awarded' | 'recommended' | 'cityAwarded') => rounds.reduce((s, r) => s + r.counts[k], 0);
  return {
    rounds,
    totals: {
      districtAwards: sum('awarded'),
      cityRecommended: sum('recommended'),
      cityAwarded: sum('cityAwarded'),
      since: rounds.length > 0 ? Math.min(...rounds.map((r) => r.year)) : null,
    },
  };
}
