/**
 * Award rounds (评审批次) on AWARD_CALL_WORKFLOW: the 教师科 creates a round with its rules and rubric,
 * opens it, closes applications, starts the review once every application is checked and staffed,
 * consolidates and ranks, runs the 公示, publishes the final list (re-checking ethics restrictions),
 * recommends to the city and closes the round when every city result is in.
 */
import type { AwardCallDetail, AwardCallInput, AwardCallSummary, AwardCallTransition, Page } from '@zhiping/contracts';
import type { AwardCallListQuery } from '@zhiping/contracts';
import {
  AWARD_CALL_WORKFLOW,
  AWARD_MANAGER,
  availableTransitions,
  publicityEnd,
  validateAwardRubric,
  type AwardCallState,
  type AwardCriterion,
  type AwardRules,
} from '@zhiping/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext, type TxContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { startWorkflow, transition, workflowLog } from '../workflow/workflow.service.ts';
import { toCallSummary } from './award.mapper.ts';
import { awardAccess, requireManager, type AwardAccess } from './award.policy.ts';
import * as repo from './award.repository.ts';
import { applyFinalRestrictions, consolidateCall } from './consolidation.service.ts';

/** A loaded round: row, rules and rubric. */
export interface LoadedCall {
  access: AwardAccess;
  row: repo.CallRow;
  state: AwardCallState;
  rules: AwardRules;
  rubric: AwardCriterion[];
}

/** Loads a round visible to the caller (drafts only for the 教师科); NOT_FOUND otherwise. */
export async function loadCall(ctx: Pick<ServiceContext, 'db' | 'actor'>, id: number): Promise<LoadedCall> {
  const access = awardAccess(ctx.actor);
  const [row] = await repo.findCalls(ctx.db, { ids: [id], isDraftVisible: access.isManager });
  if (!row) throw notFound('评审批次');
  return { access, row, state: row.state as AwardCallState, rules: row.rules as AwardRules, rubric: row.rubric as AwardCriterion[] };
}

function checkInput(input: AwardCallInput): void {
  const problems = validateAwardRubric(input.rubric);
  if (problems.length > 0) throw invalid('rubric', problems[0]!);
  const q = input.rules.gradeQuotas;
  if (q.first + q.second + q.third < 1) throw invalid('rules.gradeQuotas', '获奖名额合计至少 1 项');
  if (input.rules.trimFromReviewers < 3) throw invalid('rules.trimFromReviewers', '去掉最高最低分至少需要 3 位专家');
}

/** Creates a round in draft (教师科). */
export async function createCall(ctx: ServiceContext, input: AwardCallInput): Promise<AwardCallDetail> {
  requireManager(awardAccess(ctx.actor));
  checkInput(input);
  const id = await inTransaction(ctx, async (tx) => {
    const id = await repo.insertCall(tx.db, {
      year: input.year,
      title: input.title,
      notice: input.notice,
      applications_open_on: input.applicationsOpenOn,
      applications_due_on: input.applicationsDueOn,
      review_due_on: input.reviewDueOn,
      rules: JSON.stringify(input.rules),
      rubric: JSON.stringify(input.rubric),
      draw_seed: null,
      publicity_start: null,
      publicity_end: null,
      final_published_on: null,
      recommended_on: null,
      created_by: tx.actor.userId,
      created_by_name: tx.actor.displayName,
    });
    await startWorkflow(tx, AWARD_CALL_WORKFLOW, { type: 'award_call', id });
    await recordAudit(tx.db, tx.actor, {
      action: 'award.call.create',
      entityType: 'award_call',
      entityId: id,
      summary: `新建成果奖评审批次“${input.title}”（${input.year} 年）`,
      after: input,
    });
    return id;
  });
  return getCall(ctx, id);
}

/** Edits a round while it is a draft or open (the rubric only until applications close). */
export async function updateCall(ctx: ServiceContext, id: number, input: AwardCallInput): Promise<AwardCallDetail> {
  const call = await loadCall(ctx, id);
  requireManager(call.access);
  if (call.state !== 'draft' && call.state !== 'open') throw new AppError('INVALID_STATE', { userMessage: '申报截止后不能再修改评审批次' });
  checkInput(input);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('award_call')
      .set({
        year: input.year,
        title: input.title,
        notice: input.notice,
        applications_open_on: input.applicationsOpenOn,
        applications_due_on: input.applicationsDueOn,
        review_due_on: input.reviewDueOn,
        rules: JSON.stringify(input.rules),
        rubric: JSON.stringify(input.rubric),
        updated_at: tx.clock.now(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx.db, tx.actor, {
      action: 'award.call.update',
      entityType: 'award_call',
      entityId: id,
      summary: `修改成果奖评审批次“${input.title}”`,
      before: { title: call.row.title, rules: call.rules, rubric: call.rubric },
      after: input,
    });
  });
  return getCall(ctx, id);
}

/** A page of rounds. */
export async function listCalls(ctx: ServiceContext, query: z.infer<typeof AwardCallListQuery>): Promise<Page<AwardCallSummary>> {
  const access = awardAccess(ctx.actor);
  const f = { year: query.year, state: query.state, isDraftVisible: access.isManager };
  const [total, rows] = await Promise.all([
    repo.countCalls(ctx.db, f),
    repo.findCalls(ctx.db, f, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize }),
  ]);
  const counts = await repo.countByCall(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toCallSummary(r, counts.get(r.id))), total, page: query.page, pageSize: query.pageSize };
}

/** One round with its rules, rubric, log and the caller's actions. */
export async function getCall(ctx: ServiceContext, id: number): Promise<AwardCallDetail> {
  const call = await loadCall(ctx, id);
  const [counts, log, open] = await Promise.all([
    repo.countByCall(ctx.db, [id]),
    workflowLog(ctx, AWARD_CALL_WORKFLOW, { type: 'award_call', id }),
    ctx.db
      .selectFrom('award_objection as o')
      .innerJoin('award_application as a', 'a.id', 'o.application_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.call_id', '=', id)
      .where('o.decision', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  const capacities = call.access.isManager ? [AWARD_MANAGER] : [];
  return {
    ...toCallSummary(call.row, counts.get(id)),
    notice: call.row.notice,
    rules: call.rules,
    rubric: call.rubric,
    drawSeed: call.row.draw_seed,
    finalPublishedOn: call.row.final_published_on,
    recommendedOn: call.row.recommended_on,
    log,
    actions: availableTransitions(AWARD_CALL_WORKFLOW, call.state, capacities).map((t) => ({
      action: t.action,
      label: t.label,
      requiresNote: !!t.requiresNote,
      isSendBack: !!t.isSendBack,
    })),
    canManage: call.access.isManager,
    canApply: call.state === 'open' && call.access.adminSchoolIds.length > 0,
    openObjections: Number(open.n),
  };
}

async function countWhere(tx: TxContext, callId: number, condition: ReturnType<typeof sql>): Promise<number> {
  const r = await tx.db
    .selectFrom('award_application as a')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.call_id', '=', callId)
    .where(condition as never)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Checks the preconditions of a step and does its side effects, in the caller's transaction. */
async function beforeStep(tx: TxContext, call: LoadedCall, request: AwardCallTransition): Promise<string> {
  const id = call.row.id;
  const today = tx.clock.today();
  switch (request.action) {
    case 'start_review': {
      if ((await countWhere(tx, id, sql`a.status = 'submitted'`)) > 0)
        throw new AppError('INVALID_STATE', { userMessage: '尚有申报未完成形式审查' });
      if ((await countWhere(tx, id, sql`a.status = 'accepted'`)) === 0)
        throw new AppError('INVALID_STATE', { userMessage: '没有通过形式审查的申报，不能开始评审' });
      const short = await countWhere(
        tx,
        id,
        sql`a.status = 'accepted' and (select count(*) from award_assignment g where g.application_id = a.id) < ${call.rules.reviewersPerApplication}`,
      );
      if (short > 0)
        throw new AppError('INVALID_STATE', { userMessage: `尚有 ${short} 项申报未配齐 ${call.rules.reviewersPerApplication} 位评审专家` });
      return '';
    }
    case 'consolidate':
      return consolidateCall(tx, call);
    case 'reopen_review':
      await tx.db
        .updateTable('award_application')
        .set({ score: null, raw_mean: null, rank: null, grade: null, is_tie: false })
        .where('call_id', '=', id)
        .execute();
      return '';
    case 'start_publicity': {
      const start = request.publicityStart ?? today;
      if (start > today) throw invalid('publicityStart', '公示开始日期不能晚于今天（请在公示发布当天登记）');
      if (start < call.row.applications_due_on) throw invalid('publicityStart', '公示开始日期不能早于申报截止日期');
      const end = publicityEnd(start, call.rules.publicity);
      await tx.db.updateTable('award_call').set({ publicity_start: start, publicity_end: end }).where('id', '=', id).execute();
      return `公示期 ${start} 至 ${end}`;
    }
    case 'publish_final': {
      if (!call.row.publicity_end || today <= call.row.publicity_end)
        throw new AppError('INVALID_STATE', { userMessage: `公示期至 ${call.row.publicity_end ?? '—'} 结束，期满后方可公布获奖名单` });
      const open = await tx.db
        .selectFrom('award_objection as o')
        .innerJoin('award_application as a', 'a.id', 'o.application_id')
        .select('o.id')
        .where('a.call_id', '=', id)
        .where('o.decision', 'is', null)
        .execute();
      if (open.length > 0) throw new AppError('INVALID_STATE', { userMessage: `尚有 ${open.length} 条异议未处理` });
      const excluded = await applyFinalRestrictions(tx, call);
      await tx.db.updateTable('award_call').set({ final_published_on: today }).where('id', '=', id).execute();
      return excluded > 0 ? `因师德限制取消 ${excluded} 项` : '';
    }
    case 'recommend': {
      const n = await countWhere(tx, id, sql`a.is_recommended`);
      if (n === 0) throw new AppError('INVALID_STATE', { userMessage: '请先选定推荐参评市级的成果' });
      await tx.db.updateTable('award_call').set({ recommended_on: today }).where('id', '=', id).execute();
      return `推荐 ${n} 项`;
    }
    case 'conclude': {
      const missing = await countWhere(tx, id, sql`a.is_recommended and a.city_result is null`);
      if (missing > 0) throw new AppError('INVALID_STATE', { userMessage: `尚有 ${missing} 项推荐成果未登记市级评审结果` });
      return '';
    }
    default:
      return '';
  }
}

/** Moves a round one step (教师科) after checking the step's preconditions. */
export async function transitionCall(ctx: ServiceContext, id: number, request: AwardCallTransition): Promise<AwardCallDetail> {
  await advanceCall(ctx, id, request);
  return getCall(ctx, id);
}

/** One step of a round without reading it back (the demo loader runs many). */
export async function advanceCall(ctx: ServiceContext, id: number, request: AwardCallTransition): Promise<void> {
  const call = await loadCall(ctx, id);
  requireManager(call.access);
  await inTransaction(ctx, async (tx) => {
    const extra = await beforeStep(tx, call, request);
    const note = [request.note?.trim(), extra].filter(Boolean).join('；');
    await transition(
      tx,
      AWARD_CALL_WORKFLOW,
      { type: 'award_call', id },
      {
        action: request.action,
        capacities: [AWARD_MANAGER],
        ...(note ? { note } : {}),
        ...(request.expectedVersion !== undefined ? { expectedVersion: request.expectedVersion } : {}),
      },
    );
  });
}
