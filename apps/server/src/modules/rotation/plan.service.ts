/**
 * Rotation plans: create, list, detail, run the optimizer around the district's hand edits (manual and
 * locked moves, exclusions), and the edits themselves. Edits are allowed in 草案 only; each leaves an
 * audit row, and marks the stored result stale until the next run.
 */
import type {
  ExclusionInput,
  ManualMoveInput,
  MoveListQuery,
  MoveUpdate,
  PlanResult,
  RotationMovePage,
  RotationPlanDetail,
  RotationPlanInput,
  RotationPlanSummary,
} from '@zhiping/contracts';
import { optimizeRotationPlan, rotationLowerBound, ROTATION_PLAN_WORKFLOW, termLabel, availableTransitions } from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { loadYear } from '../indicators/indicator.service.ts';
import { startWorkflow, workflowLog } from '../workflow/workflow.service.ts';
import { computeEligibility } from './eligibility.service.ts';
import { buildPlanInput } from './plan-input.ts';
import { planCapacities, requireDistrictReader, requireManager, rotationAccess } from './rotation.policy.ts';
import { schoolsOn, toMove } from './rotation.mapper.ts';
import * as repo from './rotation.repository.ts';

type PlanRow = NonNullable<Awaited<ReturnType<typeof repo.findPlan>>>;

const stateLabel = (s: string | null) => ROTATION_PLAN_WORKFLOW.states[(s ?? 'draft') as 'draft']?.label ?? s ?? '';

function toSummary(p: PlanRow): RotationPlanSummary {
  return {
    id: p.id,
    year: p.school_year,
    title: p.title,
    state: p.state ?? 'draft',
    stateLabel: stateLabel(p.state),
    effectiveFrom: p.effective_from,
    moves: p.moves ?? 0,
    computedAt: p.computed_at ? p.computed_at.toISOString() : null,
    executedAt: p.executed_at ? p.executed_at.toISOString() : null,
    ruleSetTitle: p.rule_title,
    documentNumber: p.document_number,
  };
}

/** The plan or NOT_FOUND. */
export async function planOrThrow(ctx: ServiceContext, id: number): Promise<PlanRow> {
  const p = await repo.findPlan(ctx.db, id);
  if (!p) throw notFound('交流轮岗方案');
  return p;
}

/** Throws INVALID_STATE unless the plan is a draft. */
function requireDraft(p: PlanRow): void {
  if ((p.state ?? 'draft') !== 'draft')
    throw new AppError('INVALID_STATE', { userMessage: `方案当前为“${stateLabel(p.state)}”，只有草案可以调整` });
}

/** Years with statistics and the suggested plan year (the latest of them: the indicators a plan balances). */
export async function getYears(ctx: ServiceContext): Promise<{ statisticsYears: number[]; suggested: number }> {
  requireDistrictReader(rotationAccess(ctx.actor));
  const { years } = await loadYear(ctx.db, undefined);
  return { statisticsYears: years, suggested: years[0] ?? Number(ctx.clock.today().slice(0, 4)) };
}

/** Plans (district users), optionally of one year. */
export async function listPlans(ctx: ServiceContext, year?: number): Promise<RotationPlanSummary[]> {
  requireDistrictReader(rotationAccess(ctx.actor));
  return (await repo.findPlans(ctx.db, year)).map(toSummary);
}

/** Creates a draft plan under the rule set in force for the year (教师科). */
export async function createPlan(ctx: ServiceContext, input: RotationPlanInput): Promise<RotationPlanDetail> {
  requireManager(rotationAccess(ctx.actor));
  const e = await computeEligibility(ctx.db, input.year);
  const open = (await repo.findPlans(ctx.db, input.year)).filter((p) => !['executed', 'cancelled'].includes(p.state ?? 'draft'));
  if (open.length > 0)
    throw new AppError('CONFLICT', { userMessage: `${input.year} 学年已有未完成的方案“${open[0]!.title}”，请在其上调整` });
  if (input.effectiveFrom < `${input.year}-01-01` || input.effectiveFrom > `${input.year + 1}-08-31`)
    throw invalid('effectiveFrom', `生效日期须在 ${input.year} 学年内`);
  const id = await inTransaction(ctx, async (tx) => {
    const id = await repo.insertPlan(tx.db, {
      school_year: input.year,
      title: input.title,
      rule_set_id: e.ruleSet.id,
      effective_from: input.effectiveFrom,
      created_by_name: ctx.actor.displayName,
    });
    await startWorkflow(tx, ROTATION_PLAN_WORKFLOW, { type: 'rotation_plan', id });
    await recordAudit(tx.db, tx.actor, {
      action: 'rotation.plan.create',
      entityType: 'rotation_plan',
      entityId: id,
      summary: `新建 ${input.year} 学年交流轮岗方案“${input.title}”（规则：${e.ruleSet.title}，${e.ruleSet.documentNumber}）`,
      after: input,
    });
    return id;
  });
  return getPlan(ctx, id);
}

/** One plan with its result, actions, log, exclusions and review counts. */
export async function getPlan(ctx: ServiceContext, id: number): Promise<RotationPlanDetail> {
  const access = rotationAccess(ctx.actor);
  requireDistrictReader(access);
  const p = await planOrThrow(ctx, id);
  const [moves, exclusions, log] = await Promise.all([
    repo.findMoves(ctx.db, id),
    repo.findExclusions(ctx.db, id),
    workflowLog(ctx, ROTATION_PLAN_WORKFLOW, { type: 'rotation_plan', id }),
  ]);
  const e = exclusions.length ? await computeEligibility(ctx.db, p.school_year, p.rule_set_id) : null;
  const state = (p.state ?? 'draft') as 'draft';
  return {
    ...toSummary(p),
    version: p.version ?? 1,
    result: (p.result as PlanResult | null) ?? null,
    actions: availableTransitions(ROTATION_PLAN_WORKFLOW, state, planCapacities(access)).map((t) => ({
      action: t.action,
      label: t.label,
      requiresNote: !!t.requiresNote,
      isSendBack: !!t.isSendBack,
    })),
    log: log.map((l) => ({
      ...l,
      action:
        l.action === 'start' ? '新建方案' : (ROTATION_PLAN_WORKFLOW.transitions.find((x) => x.action === l.action)?.label ?? l.action),
      toState: stateLabel(l.toState),
      fromState: l.fromState === null ? null : stateLabel(l.fromState),
    })),
    exclusions: exclusions.map((x) => ({
      teacherId: x.teacher_id,
      name: x.name,
      schoolName: (x.school_id !== null && e?.schools.get(x.school_id)?.name) || '',
      reason: x.reason,
    })),
    reviews: {
      pending: moves.filter((m) => m.from_review === 'pending' || m.to_review === 'pending').length,
      accepted: moves.filter((m) => m.from_review === 'accepted' && m.to_review === 'accepted').length,
      objected: moves.filter((m) => m.from_review === 'objected' || m.to_review === 'objected').length,
      acknowledged: moves.filter((m) => m.acknowledged_at !== null).length,
    },
    canEdit: access.isManager && state === 'draft',
  };
}

/** Runs the optimizer around the hand edits and stores its moves and result (草案 only). */
export async function optimizePlan(ctx: ServiceContext, id: number): Promise<RotationPlanDetail> {
  requireManager(rotationAccess(ctx.actor));
  const p = await planOrThrow(ctx, id);
  requireDraft(p);
  const built = await buildPlanInput(ctx.db, p);
  const started = performance.now();
  const r = optimizeRotationPlan(built.input);
  const bound = rotationLowerBound(built.input);
  const elapsedMs = Math.round(performance.now() - started);
  const rules = built.input.rules;
  const highQuality = new Set(rules.highQualityTitles);
  const titleOf = new Map(built.eligibility.teachers.map((t) => [t.teacher_id, t.title]));
  const result: PlanResult = {
    baselineYear: built.baselineYear,
    cv: r.cvBefore.map((b, i) => ({
      stage: b.stage,
      indicator: b.indicator,
      code: b.code,
      label: termLabel(b.stage, b.indicator),
      before: b.cv,
      after: r.cvAfter[i]!.cv,
      lowerBound: bound.terms[i]!.cv,
    })),
    objectiveBefore: r.objectiveBefore,
    objectiveAfter: r.objectiveAfter,
    lowerBound: bound.total,
    isFeasible: r.isFeasible,
    problems: r.problems,
    rotated: r.shares.rotated,
    rotatedFromSending: r.shares.rotatedFromSending,
    backbone: r.shares.backbone,
    requiredRotated: r.shares.requiredRotated,
    requiredBackbone: r.shares.requiredBackbone,
    maxRotated: built.input.quota.maxRotated,
    share: r.shares.share,
    backboneShare: r.shares.backboneShare,
    isMinimumMet: r.shares.isMinimumMet,
    isBackboneMet: r.shares.isBackboneMet,
    eligible: built.input.quota.eligibleAll,
    eligibleSending: built.input.quota.eligibleSending,
    candidates: built.input.candidates.length,
    elapsedMs,
  };
  const existing = await repo.findMoves(ctx.db, id);
  const kept = new Map(existing.filter((m) => m.source !== 'optimizer').map((m) => [m.teacher_id, m]));
  await inTransaction(ctx, async (tx) => {
    await repo.deleteOptimizerMoves(tx.db, id);
    for (const m of r.moves) {
      const k = kept.get(m.teacherId);
      if (k) await repo.updateMove(tx.db, k.id, { reasons: JSON.stringify(m.reasons), counts_as_backbone: m.countsAsBackbone });
    }
    await repo.insertMoves(
      tx.db,
      r.moves
        .filter((m) => !kept.has(m.teacherId))
        .map((m) => ({
          plan_id: id,
          teacher_id: m.teacherId,
          from_school_id: m.fromSchoolId,
          to_school_id: m.toSchoolId,
          stage: m.stage,
          subject: m.subject,
          kind: rules.defaultMoveKind,
          is_backbone: m.isBackbone,
          counts_as_backbone: m.countsAsBackbone,
          is_above_qualification: m.isAboveQualification,
          is_high_quality: m.isBackbone || highQuality.has(titleOf.get(m.teacherId) ?? ''),
          source: 'optimizer' as const,
          reasons: JSON.stringify(m.reasons),
        })),
    );
    await repo.updatePlan(tx.db, id, { result: JSON.stringify(result), computed_at: ctx.clock.now(), updated_at: ctx.clock.now() });
    await recordAudit(tx.db, tx.actor, {
      action: 'rotation.plan.optimize',
      entityType: 'rotation_plan',
      entityId: id,
      summary: `计算交流轮岗方案“${p.title}”：交流 ${r.moves.length} 人（骨干 ${r.shares.backbone} 人），差异系数合计 ${r.objectiveBefore.toFixed(3)}→${r.objectiveAfter.toFixed(3)}${r.isFeasible ? '' : `；未满足：${r.problems.join('；')}`}`,
      after: { moves: r.moves.length, objectiveBefore: r.objectiveBefore, objectiveAfter: r.objectiveAfter, lowerBound: bound.total },
    });
  });
  return getPlan(ctx, id);
}

/** Marks the stored result stale (an edit changed the plan). */
async function markStale(db: ServiceContext['db'], id: number, now: Date): Promise<void> {
  await repo.updatePlan(db, id, { computed_at: null, updated_at: now });
}

/** Adds or changes a move by hand (草案): the teacher must be due this year and the school must differ. */
export async function addManualMove(ctx: ServiceContext, id: number, input: ManualMoveInput): Promise<RotationPlanDetail> {
  requireManager(rotationAccess(ctx.actor));
  const p = await planOrThrow(ctx, id);
  requireDraft(p);
  const e = await computeEligibility(ctx.db, p.school_year, p.rule_set_id);
  const t = e.teachers.find((x) => x.teacher_id === input.teacherId);
  if (!t || t.status !== 'eligible') throw invalid('teacherId', '只能调整本学年应交流（未免除）的教师');
  const to = e.schools.get(input.toSchoolId);
  if (!to || to.id === t.school_id) throw invalid('toSchoolId', '请选择另一所学校作为交流学校');
  const moves = await repo.findMoves(ctx.db, id);
  const existing = moves.find((m) => m.teacher_id === input.teacherId);
  const kind = input.kind ?? e.ruleSet.rules.defaultMoveKind;
  await inTransaction(ctx, async (tx) => {
    await repo.deleteExclusion(tx.db, id, input.teacherId);
    if (existing) await repo.deleteMove(tx.db, existing.id);
    await repo.insertMoves(tx.db, [
      {
        plan_id: id,
        teacher_id: t.teacher_id,
        from_school_id: t.school_id,
        to_school_id: to.id,
        stage: t.teaching_stage as 'primary' | 'junior',
        subject: t.subject,
        kind,
        is_backbone: t.is_backbone,
        counts_as_backbone: t.is_backbone && t.restriction === null,
        is_above_qualification: false,
        is_high_quality: t.is_backbone || e.ruleSet.rules.highQualityTitles.includes(t.title),
        source: 'manual',
        reasons: JSON.stringify([
          '区教师科人工调整（重新计算后显示对指标的影响）',
          ...(t.restriction ? [`不计入骨干教师交流：${t.restriction}`] : []),
        ]),
      },
    ]);
    await markStale(tx.db, id, ctx.clock.now());
    await recordAudit(tx.db, tx.actor, {
      action: 'rotation.move.manual',
      entityType: 'rotation_plan',
      entityId: id,
      schoolId: t.school_id,
      summary: `方案“${p.title}”：人工安排 ${t.name} 由 ${e.schools.get(t.school_id)?.name ?? ''} 交流至 ${to.name}`,
      after: input,
    });
  });
  return getPlan(ctx, id);
}

/** Locks/unlocks, redirects or changes the kind of a move (草案). */
export async function updateMove(ctx: ServiceContext, id: number, moveId: number, input: MoveUpdate): Promise<RotationPlanDetail> {
  requireManager(rotationAccess(ctx.actor));
  const p = await planOrThrow(ctx, id);
  requireDraft(p);
  const m = await repo.findMove(ctx.db, moveId);
  if (!m || m.plan_id !== id) throw notFound('调动');
  if (input.toSchoolId !== undefined && input.toSchoolId === m.from_school_id) throw invalid('toSchoolId', '交流学校不能是原学校');
  const source =
    input.toSchoolId !== undefined && input.toSchoolId !== m.to_school_id
      ? 'manual'
      : input.isLocked === undefined
        ? m.source
        : m.source === 'manual'
          ? 'manual'
          : input.isLocked
            ? 'locked'
            : 'optimizer';
  await inTransaction(ctx, async (tx) => {
    await repo.updateMove(tx.db, moveId, {
      source,
      ...(input.toSchoolId !== undefined ? { to_school_id: input.toSchoolId } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
    });
    if (input.toSchoolId !== undefined) await markStale(tx.db, id, ctx.clock.now());
    await recordAudit(tx.db, tx.actor, {
      action: 'rotation.move.update',
      entityType: 'rotation_plan',
      entityId: id,
      summary: `方案“${p.title}”：调整教师 ${m.teacher_id} 的调动（${input.isLocked === true ? '锁定' : input.isLocked === false ? '解除锁定' : ''}${input.toSchoolId ? ' 改变交流学校' : ''}${input.kind ? ` 方式 ${input.kind === 'full' ? '调动' : '交流（编制不动）'}` : ''}）`,
      before: { source: m.source, to_school_id: m.to_school_id, kind: m.kind },
      after: input,
    });
  });
  return getPlan(ctx, id);
}

/** Removes a move (草案); a later run may propose the teacher again unless excluded. */
export async function removeMove(ctx: ServiceContext, id: number, moveId: number): Promise<RotationPlanDetail> {
  requireManager(rotationAccess(ctx.actor));
  const p = await planOrThrow(ctx, id);
  requireDraft(p);
  const m = await repo.findMove(ctx.db, moveId);
  if (!m || m.plan_id !== id) throw notFound('调动');
  await inTransaction(ctx, async (tx) => {
    await repo.deleteMove(tx.db, moveId);
    await markStale(tx.db, id, ctx.clock.now());
    await recordAudit(tx.db, tx.actor, {
      action: 'rotation.move.remove',
      entityType: 'rotation_plan',
      entityId: id,
      summary: `方案“${p.title}”：删除教师 ${m.teacher_id} 的调动`,
      before: { teacher_id: m.teacher_id, to_school_id: m.to_school_id },
    });
  });
  return getPlan(ctx, id);
}

/** Excludes a teacher from the plan with a reason (草案); removes their move. */
export async function excludeTeacher(ctx: ServiceContext, id: number, input: ExclusionInput): Promise<RotationPlanDetail> {
  requireManager(rotationAccess(ctx.actor));
  const p = await planOrThrow(ctx, id);
  requireDraft(p);
  const e = await computeEligibility(ctx.db, p.school_year, p.rule_set_id);
  const t = e.teachers.find((x) => x.teacher_id === input.teacherId && x.status === 'eligible');
  if (!t) throw invalid('teacherId', '只能排除本学年应交流的教师');
  const moves = await repo.findMoves(ctx.db, id);
  const m = moves.find((x) => x.teacher_id === input.teacherId);
  await inTransaction(ctx, async (tx) => {
    if (m) await repo.deleteMove(tx.db, m.id);
    await repo.insertExclusion(tx.db, { plan_id: id, teacher_id: input.teacherId, reason: input.reason });
    await markStale(tx.db, id, ctx.clock.now());
    await recordAudit(tx.db, tx.actor, {
      action: 'rotation.exclusion.add',
      entityType: 'rotation_plan',
      entityId: id,
      schoolId: t.school_id,
      summary: `方案“${p.title}”：排除 ${t.name}（${input.reason}）`,
      after: input,
    });
  });
  return getPlan(ctx, id);
}

/** Takes a teacher's exclusion back (草案). */
export async function includeTeacher(ctx: ServiceContext, id: number, teacherId: number): Promise<RotationPlanDetail> {
  requireManager(rotationAccess(ctx.actor));
  const p = await planOrThrow(ctx, id);
  requireDraft(p);
  await inTransaction(ctx, async (tx) => {
    if ((await repo.deleteExclusion(tx.db, id, teacherId)) === 0) throw notFound('排除记录');
    await markStale(tx.db, id, ctx.clock.now());
    await recordAudit(tx.db, tx.actor, {
      action: 'rotation.exclusion.remove',
      entityType: 'rotation_plan',
      entityId: id,
      summary: `方案“${p.title}”：撤销对教师 ${teacherId} 的排除`,
    });
  });
  return getPlan(ctx, id);
}

/** A page of a plan's moves (district users). */
export async function listPlanMoves(ctx: ServiceContext, id: number, q: MoveListQuery): Promise<RotationMovePage> {
  requireDistrictReader(rotationAccess(ctx.actor));
  const p = await planOrThrow(ctx, id);
  const { total, rows } = await repo.findMovePage(
    ctx.db,
    {
      planId: id,
      ...(q.schoolId ? { schoolIds: [q.schoolId] } : {}),
      ...(q.q ? { q: q.q } : {}),
      ...(q.review ? { review: q.review } : {}),
    },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  const schools = await schoolsOn(ctx, p.effective_from);
  return { items: rows.map((r) => toMove(r, schools)), total, page: q.page, pageSize: q.pageSize };
}
