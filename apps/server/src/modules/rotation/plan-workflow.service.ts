/**
 * A rotation plan through its workflow: submission to school review (result must be current and meet the
 * shares), each school's review of its own moves, teacher notification and acknowledgement, district
 * approval — which executes the plan: dated teacher_assignment rows (full or partial, 编制 staying at the
 * home school for a partial move) in the same transaction, so base data and indicators follow.
 */
import type {
  MoveListQuery,
  MoveReviewInput,
  PlanResult,
  RotationMovePage,
  RotationPlanDetail,
  TransitionRequest,
} from '@zhiping/contracts';
import { ROTATION_PLAN_WORKFLOW } from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { transition } from '../workflow/workflow.service.ts';
import { getPlan, planOrThrow } from './plan.service.ts';
import { schoolsOn, toMove } from './rotation.mapper.ts';
import { planCapacities, rotationAccess } from './rotation.policy.ts';
import * as repo from './rotation.repository.ts';

/** Applies a workflow action with its preconditions; 'approve' executes the plan. */
export async function transitionPlan(ctx: ServiceContext, id: number, input: TransitionRequest): Promise<RotationPlanDetail> {
  const access = rotationAccess(ctx.actor);
  const p = await planOrThrow(ctx, id);
  const moves = await repo.findMoves(ctx.db, id);
  const result = p.result as PlanResult | null;
  if (input.action === 'submit_review') {
    if (moves.length === 0) throw new AppError('INVALID_STATE', { userMessage: '方案中还没有调动，请先计算方案' });
    if (!p.computed_at || !result) throw new AppError('INVALID_STATE', { userMessage: '方案修改后尚未重新计算，请先点击“重新计算”' });
    if (!result.isMinimumMet || !result.isBackboneMet)
      throw new AppError('INVALID_STATE', { userMessage: `方案未满足交流比例要求：${result.problems.join('；')}` });
  }
  if (input.action === 'notify_teachers') {
    const pending = moves.filter((m) => m.from_review === 'pending' || m.to_review === 'pending').length;
    const objected = moves.filter((m) => m.from_review === 'objected' || m.to_review === 'objected').length;
    if (objected > 0) throw new AppError('INVALID_STATE', { userMessage: `有 ${objected} 条调动被学校提出异议，请退回草案调整后重新提交` });
    if (pending > 0) throw new AppError('INVALID_STATE', { userMessage: `尚有 ${pending} 条调动未经派出或接收学校审核` });
  }
  await inTransaction(ctx, async (tx) => {
    await transition(
      tx,
      ROTATION_PLAN_WORKFLOW,
      { type: 'rotation_plan', id },
      {
        action: input.action,
        capacities: planCapacities(access),
        ...(input.note !== undefined ? { note: input.note } : {}),
        ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}),
      },
    );
    if (input.action === 'submit_review' || input.action === 'send_back') await repo.resetReviews(tx.db, id);
    if (input.action === 'approve') await executePlan(tx, p, moves);
    await repo.updatePlan(tx.db, id, { updated_at: ctx.clock.now() });
  });
  return getPlan(ctx, id);
}

/** Creates each move's dated assignment (closing the open one the day before) and moves the teacher row. */
async function executePlan(
  tx: Parameters<Parameters<typeof inTransaction>[1]>[0],
  p: Awaited<ReturnType<typeof planOrThrow>>,
  moves: Awaited<ReturnType<typeof repo.findMoves>>,
): Promise<void> {
  // A full move closes the open assignment; a partial one (交流, 编制 at home) runs beside the home placement.
  const full = moves.filter((m) => m.kind === 'full').map((m) => m.teacher_id);
  const open = await repo.findOpenAssignments(tx.db, full);
  const late = open.filter((a) => a.valid_from >= p.effective_from);
  if (late.length > 0)
    throw new AppError('INVALID_STATE', {
      userMessage: `${late.length} 名教师当前任职开始日期不早于方案生效日期 ${p.effective_from}，请调整生效日期后再审批`,
    });
  await repo.closeAssignments(tx.db, full, p.effective_from);
  for (const m of moves) {
    const assignmentId = await repo.insertAssignment(tx.db, {
      teacher_id: m.teacher_id,
      school_id: m.to_school_id,
      home_school_id: m.kind === 'partial' ? m.from_school_id : null,
      kind: m.kind,
      valid_from: p.effective_from,
      valid_to: m.kind === 'partial' ? `${p.school_year + 1}-08-31` : null,
      reason: `${p.school_year}学年交流轮岗（方案“${p.title}”）`,
    });
    await repo.updateMove(tx.db, m.id, { assignment_id: assignmentId });
    if (m.kind === 'full') await repo.setTeacherSchool(tx.db, m.teacher_id, m.to_school_id, p.effective_from, tx.clock.now());
  }
  await repo.updatePlan(tx.db, p.id, { executed_at: tx.clock.now() });
  await recordAudit(tx.db, tx.actor, {
    action: 'rotation.plan.execute',
    entityType: 'rotation_plan',
    entityId: p.id,
    summary: `执行交流轮岗方案“${p.title}”：自 ${p.effective_from} 起 ${moves.length} 名教师交流（${moves.filter((m) => m.kind === 'partial').length} 人编制留原校）`,
    after: { moves: moves.map((m) => ({ teacher: m.teacher_id, from: m.from_school_id, to: m.to_school_id, kind: m.kind })) },
  });
}

/** Moves a school administrator reviews: from or to their schools, in plans under school review (or later, read only). */
export async function listSchoolMoves(ctx: ServiceContext, q: MoveListQuery): Promise<RotationMovePage> {
  const access = rotationAccess(ctx.actor);
  if (access.adminSchoolIds.length === 0) throw new AppError('FORBIDDEN', { userMessage: '仅学校管理员可审核本校的交流调动' });
  const ids = q.schoolId ? access.adminSchoolIds.filter((x) => x === q.schoolId) : access.adminSchoolIds;
  const { total, rows } = await repo.findMovePage(
    ctx.db,
    {
      schoolIds: ids,
      states: ['school_review', 'teacher_notice', 'district_approval', 'executed'],
      ...(q.q ? { q: q.q } : {}),
      ...(q.review ? { review: q.review } : {}),
    },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  const schools = await schoolsOn(ctx, rows[0]?.effective_from ?? ctx.clock.today());
  return { items: rows.map((r) => toMove(r, schools)), total, page: q.page, pageSize: q.pageSize };
}

/** A school's decision on one move (its sending or receiving side, whichever the admin holds). */
export async function reviewMove(ctx: ServiceContext, moveId: number, input: MoveReviewInput): Promise<void> {
  const access = rotationAccess(ctx.actor);
  const m = await repo.findMove(ctx.db, moveId);
  const isFrom = m ? access.adminSchoolIds.includes(m.from_school_id) : false;
  const isTo = m ? access.adminSchoolIds.includes(m.to_school_id) : false;
  if (!m || (!isFrom && !isTo)) throw notFound('调动');
  const p = await planOrThrow(ctx, m.plan_id);
  if (p.state !== 'school_review') throw new AppError('INVALID_STATE', { userMessage: '方案不在学校审核阶段' });
  await inTransaction(ctx, async (tx) => {
    await repo.updateMove(tx.db, moveId, {
      ...(isFrom ? { from_review: input.decision, from_review_note: input.note } : {}),
      ...(isTo ? { to_review: input.decision, to_review_note: input.note } : {}),
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'rotation.move.review',
      entityType: 'rotation_move',
      entityId: moveId,
      schoolId: isFrom ? m.from_school_id : m.to_school_id,
      summary: `${isFrom ? '派出' : '接收'}学校${input.decision === 'accepted' ? '同意' : '对'}教师 ${m.teacher_id} 的交流${input.decision === 'objected' ? `提出异议：${input.note}` : ''}`,
      after: input,
    });
  });
}

/** The actor's own moves (a teacher), from the notification stage on. */
export async function listMyMoves(ctx: ServiceContext): Promise<RotationMovePage> {
  const teacherId = ctx.actor.teacherId;
  if (teacherId === null) throw new AppError('FORBIDDEN', { userMessage: '当前账号未关联教师档案' });
  const { total, rows } = await repo.findMovePage(
    ctx.db,
    { teacherId, states: ['teacher_notice', 'district_approval', 'executed'] },
    { offset: 0, limit: 50 },
  );
  const schools = await schoolsOn(ctx, rows[0]?.effective_from ?? ctx.clock.today());
  return { items: rows.map((r) => toMove(r, schools)), total, page: 1, pageSize: 50 };
}

/** The teacher acknowledges their move (教师告知). */
export async function acknowledgeMove(ctx: ServiceContext, moveId: number): Promise<void> {
  const m = await repo.findMove(ctx.db, moveId);
  if (!m || ctx.actor.teacherId === null || m.teacher_id !== ctx.actor.teacherId) throw notFound('调动');
  const p = await planOrThrow(ctx, m.plan_id);
  if (p.state !== 'teacher_notice') throw new AppError('INVALID_STATE', { userMessage: '方案不在教师告知阶段' });
  if (m.acknowledged_at) return;
  await inTransaction(ctx, async (tx) => {
    await repo.updateMove(tx.db, moveId, { acknowledged_at: ctx.clock.now() });
    await recordAudit(tx.db, tx.actor, {
      action: 'rotation.move.acknowledge',
      entityType: 'rotation_move',
      entityId: moveId,
      schoolId: m.from_school_id,
      summary: `教师确认已知悉交流安排（方案“${p.title}”）`,
    });
  });
}
