/**
 * The expert pool, reviewer assignment and blind scoring. The 教师科 keeps the pool (each expert signs
 * in with their own account; a teacher account carries the teacher's school and history), draws
 * reviewers for every accepted application with a seeded, reproducible draw that balances workload and
 * never picks a conflicted expert, and may adjust by hand (a conflicted pick is refused with the
 * reason). An expert sees only their assigned applications, without names or schools, and their
 * attachments only through the assignment.
 */
import type {
  AwardAssignmentBoard,
  AwardDrawResult,
  AwardExpert,
  AwardReviewSheet,
  AwardReviewTask,
  AwardScoreInput,
  Page,
} from '@zhiping/contracts';
import type { AwardExpertInput, PageQuery } from '@zhiping/contracts';
import {
  checkAwardConflict,
  drawReviewers,
  sheetTotal,
  validateSheet,
  type ApplicationProfile,
  type ReviewerProfile,
} from '@zhiping/domain';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { awardAccess, requireManager } from './award.policy.ts';
import * as repo from './award.repository.ts';
import { loadCall, type LoadedCall } from './call.service.ts';

function toExpert(e: repo.ExpertRow): AwardExpert {
  return {
    id: e.id,
    userId: e.user_id,
    username: e.username,
    name: e.name,
    organisation: e.organisation,
    schoolName: e.school_name,
    specialty: e.specialty,
    isActive: e.is_active,
  };
}

/** The expert pool (教师科). */
export async function listExperts(ctx: ServiceContext): Promise<AwardExpert[]> {
  requireManager(awardAccess(ctx.actor));
  return (await repo.findExperts(ctx.db)).map(toExpert);
}

/** Adds an account to the expert pool (a teacher account or district staff). */
export async function addExpert(ctx: ServiceContext, input: z.infer<typeof AwardExpertInput>): Promise<AwardExpert> {
  requireManager(awardAccess(ctx.actor));
  const user = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'teacher_id', 'is_disabled'])
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (!user || user.is_disabled) throw invalid('username', '没有这个登录账号，或账号已停用');
  const exists = await ctx.db.selectFrom('award_expert').select('id').where('user_id', '=', user.id).executeTakeFirst();
  if (exists) throw new AppError('CONFLICT', { userMessage: '该账号已在专家库中' });
  const id = await inTransaction(ctx, async (tx) => {
    const { id } = await tx.db
      .insertInto('award_expert')
      .values({ user_id: user.id, name: user.display_name, organisation: input.organisation, specialty: input.specialty })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx.db, tx.actor, {
      action: 'award.expert.add',
      entityType: 'award_expert',
      entityId: id,
      summary: `成果奖专家库加入 ${user.display_name}（${input.username}）`,
      after: input,
    });
    return id;
  });
  return toExpert((await repo.findExperts(ctx.db, { ids: [id] }))[0]!);
}

/** Reviewer profiles for the conflict rule (current school and assignment history). */
async function reviewerProfiles(db: Kysely<DB>, experts: repo.ExpertRow[]): Promise<ReviewerProfile[]> {
  const past = await repo.findPastSchools(
    db,
    experts.flatMap((e) => (e.teacher_id ? [e.teacher_id] : [])),
  );
  return experts.map((e) => ({
    id: e.id,
    teacherId: e.teacher_id,
    currentSchoolId: e.school_id,
    pastSchools: e.teacher_id ? (past.get(e.teacher_id) ?? []) : [],
  }));
}

async function applicationProfiles(db: Kysely<DB>, ids: number[]): Promise<ApplicationProfile[]> {
  const members = await repo.findMembers(db, ids);
  return ids.map((id) => {
    const m = members.get(id) ?? [];
    return { id, memberTeacherIds: m.map((x) => x.teacherId), schoolIds: [...new Set(m.map((x) => x.schoolId))] };
  });
}

function requireAssignable(call: LoadedCall): void {
  requireManager(call.access, '评审专家分配');
  if (call.state !== 'formal_check' && call.state !== 'reviewing')
    throw new AppError('INVALID_STATE', { userMessage: '申报截止后、汇总之前才能分配评审专家' });
}

/** The assignment board: accepted applications with reviewers, conflicts, and expert loads. */
export async function getAssignmentBoard(ctx: ServiceContext, callId: number): Promise<AwardAssignmentBoard> {
  const call = await loadCall(ctx, callId);
  requireManager(call.access, '评审专家分配');
  const apps = await repo.findApplications(ctx.db, repo.applicationVisibleTo(call.access), { callId, status: 'accepted' });
  const experts = await repo.findExperts(ctx.db, { isActive: true });
  const [profiles, appProfiles, assignments] = await Promise.all([
    reviewerProfiles(ctx.db, experts),
    applicationProfiles(
      ctx.db,
      apps.map((a) => a.id),
    ),
    repo.findAssignments(
      ctx.db,
      apps.map((a) => a.id),
    ),
  ]);
  const rules = { asOf: ctx.clock.today(), lookbackYears: call.rules.coiLookbackYears };
  return {
    perApplication: call.rules.reviewersPerApplication,
    drawSeed: call.row.draw_seed,
    experts: experts.map((e) => ({ ...toExpert(e), load: assignments.filter((a) => a.expert_id === e.id).length })),
    rows: apps.map((a, i) => ({
      applicationId: a.id,
      title: a.title,
      leadName: a.lead_name,
      schoolName: a.school_name,
      reviewers: assignments
        .filter((g) => g.application_id === a.id)
        .map((g) => ({ expertId: g.expert_id, name: g.name, method: g.method, isSubmitted: !!g.is_submitted })),
      conflicts: profiles.flatMap((p) => {
        const reason = checkAwardConflict(p, appProfiles[i]!, rules);
        return reason ? [{ expertId: p.id, name: experts.find((e) => e.id === p.id)!.name, reason }] : [];
      }),
    })),
  };
}

/** Draws reviewers for every accepted application short of its count (seeded; the seed is kept on the round). */
export async function drawForCall(ctx: ServiceContext, callId: number, seed: number | undefined): Promise<AwardDrawResult> {
  const call = await loadCall(ctx, callId);
  requireAssignable(call);
  const useSeed = seed ?? call.row.draw_seed ?? (Number(ctx.clock.now().getTime() % 2_000_000_000) || 1);
  const apps = await repo.findApplications(ctx.db, repo.applicationVisibleTo(call.access), { callId, status: 'accepted' });
  const ids = apps.map((a) => a.id);
  const experts = await repo.findExperts(ctx.db, { isActive: true });
  const existing = new Map<number, number[]>();
  for (const g of await repo.findAssignments(ctx.db, ids))
    existing.set(g.application_id, [...(existing.get(g.application_id) ?? []), g.expert_id]);
  const result = drawReviewers(await applicationProfiles(ctx.db, ids), await reviewerProfiles(ctx.db, experts), {
    asOf: ctx.clock.today(),
    lookbackYears: call.rules.coiLookbackYears,
    perApplication: call.rules.reviewersPerApplication,
    seed: useSeed,
    existing,
  });
  const rows = result.assignments.flatMap((a) =>
    a.reviewerIds
      .filter((e) => !(existing.get(a.applicationId) ?? []).includes(e))
      .map((e) => ({ applicationId: a.applicationId, expertId: e })),
  );
  await inTransaction(ctx, async (tx) => {
    if (rows.length > 0)
      await tx.db
        .insertInto('award_assignment')
        .values(
          rows.map((r) => ({
            application_id: r.applicationId,
            expert_id: r.expertId,
            method: 'drawn' as const,
            assigned_by_name: tx.actor.displayName,
          })),
        )
        .execute();
    await tx.db.updateTable('award_call').set({ draw_seed: useSeed }).where('id', '=', callId).execute();
    await recordAudit(tx.db, tx.actor, {
      action: 'award.reviewers.draw',
      entityType: 'award_call',
      entityId: callId,
      summary: `随机抽取评审专家（种子 ${useSeed}）：新分配 ${rows.length} 人次，${result.unstaffed.length} 项专家不足`,
      after: { seed: useSeed, assignments: rows, unstaffed: result.unstaffed },
    });
  });
  return {
    seed: useSeed,
    assigned: rows.length,
    unstaffed: result.unstaffed.map((u) => ({ ...u, title: apps.find((a) => a.id === u.applicationId)!.title })),
  };
}

/** Sets the reviewers of one application by hand; a conflicted expert is refused with the reason. */
export async function assignManually(ctx: ServiceContext, applicationId: number, expertIds: number[]): Promise<AwardAssignmentBoard> {
  const [app] = await repo.findApplications(ctx.db, repo.applicationVisibleTo(awardAccess(ctx.actor)), { ids: [applicationId] });
  if (!app) throw notFound('申报');
  const call = await loadCall(ctx, app.call_id);
  requireAssignable(call);
  if (app.status !== 'accepted') throw new AppError('INVALID_STATE', { userMessage: '只有通过形式审查的申报可以分配专家' });
  const ids = [...new Set(expertIds)];
  const experts = await repo.findExperts(ctx.db, { ids });
  if (experts.length !== ids.length || experts.some((e) => !e.is_active)) throw invalid('expertIds', '所选专家不在专家库中或已停用');
  const [profile] = await applicationProfiles(ctx.db, [applicationId]);
  const rules = { asOf: ctx.clock.today(), lookbackYears: call.rules.coiLookbackYears };
  for (const p of await reviewerProfiles(ctx.db, experts)) {
    const reason = checkAwardConflict(p, profile!, rules);
    if (reason) throw new AppError('INVALID_STATE', { userMessage: `${experts.find((e) => e.id === p.id)!.name}：${reason}` });
  }
  const current = await repo.findAssignments(ctx.db, [applicationId]);
  const removed = current.filter((c) => !ids.includes(c.expert_id));
  if (removed.some((r) => r.is_submitted)) throw new AppError('INVALID_STATE', { userMessage: '已提交评分的专家不能撤换' });
  const added = ids.filter((id) => !current.some((c) => c.expert_id === id));
  await inTransaction(ctx, async (tx) => {
    if (removed.length > 0)
      await tx.db
        .deleteFrom('award_assignment')
        .where('application_id', '=', applicationId)
        .where(
          'expert_id',
          'in',
          removed.map((r) => r.expert_id),
        )
        .execute();
    if (added.length > 0)
      await tx.db
        .insertInto('award_assignment')
        .values(
          added.map((e) => ({
            application_id: applicationId,
            expert_id: e,
            method: 'manual' as const,
            assigned_by_name: tx.actor.displayName,
          })),
        )
        .execute();
    await recordAudit(tx.db, tx.actor, {
      action: 'award.reviewers.assign',
      entityType: 'award_application',
      entityId: applicationId,
      schoolId: app.school_id,
      summary: `调整《${app.title}》的评审专家：新增 ${added.length} 人，撤换 ${removed.length} 人`,
      before: { expertIds: current.map((c) => c.expert_id) },
      after: { expertIds: ids },
    });
  });
  return getAssignmentBoard(ctx, call.row.id);
}

async function expertOf(ctx: ServiceContext) {
  const [e] = await repo.findExperts(ctx.db, { userId: ctx.actor.userId });
  return e ?? null;
}

/** A blind code for an application (no names, no school). */
const blindCode = (year: number, id: number) => `CG${year}-${String(id).padStart(4, '0')}`;

/** The caller's review tasks (their assignments), blind. */
export async function listReviewTasks(ctx: ServiceContext, query: PageQuery): Promise<Page<AwardReviewTask>> {
  const expert = await expertOf(ctx);
  if (!expert) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const base = ctx.db
    .selectFrom('award_assignment as g')
    .innerJoin('award_application as a', 'a.id', 'g.application_id')
    .innerJoin('award_call as c', 'c.id', 'a.call_id')
    .innerJoin('workflow_instance as wi', (j) =>
      j
        .on('wi.definition_key', '=', 'award.call')
        .on('wi.subject_type', '=', 'award_call')
        .on(sql<SqlBool>`wi.subject_id = c.id::text`),
    )
    .leftJoin('award_score as s', (j) => j.onRef('s.application_id', '=', 'g.application_id').onRef('s.expert_id', '=', 'g.expert_id'))
    .where('g.expert_id', '=', expert.id);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .select([
      'a.id',
      'a.title',
      'a.field',
      'a.stage',
      'a.subject',
      'c.id as call_id',
      'c.title as call_title',
      'c.year',
      'c.review_due_on',
      'wi.state',
      's.total',
      's.is_submitted',
    ])
    .orderBy('c.year', 'desc')
    .orderBy(sql`coalesce(s.is_submitted, false)`)
    .orderBy('a.id')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      applicationId: r.id,
      code: blindCode(r.year, r.id),
      callId: r.call_id,
      callTitle: r.call_title,
      callState: r.state,
      reviewDueOn: r.review_due_on,
      title: r.title,
      field: r.field,
      stage: r.stage,
      subject: r.subject,
      total: r.total === null ? null : Number(r.total),
      isSubmitted: !!r.is_submitted,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Loads the caller's assignment for an application; NOT_FOUND when they are not assigned. */
async function loadTask(ctx: ServiceContext, applicationId: number) {
  const expert = await expertOf(ctx);
  if (!expert) throw notFound('评审任务');
  const a = await ctx.db
    .selectFrom('award_assignment as g')
    .innerJoin('award_application as a', 'a.id', 'g.application_id')
    .leftJoin('award_score as s', (j) => j.onRef('s.application_id', '=', 'g.application_id').onRef('s.expert_id', '=', 'g.expert_id'))
    .select([
      'a.id',
      'a.call_id',
      'a.title',
      'a.field',
      'a.stage',
      'a.subject',
      'a.summary',
      's.points',
      's.total',
      's.comment',
      's.is_submitted',
    ])
    .where('g.expert_id', '=', expert.id)
    .where('g.application_id', '=', applicationId)
    .executeTakeFirst();
  if (!a) throw notFound('评审任务');
  const [call] = await repo.findCalls(ctx.db, { ids: [a.call_id], isDraftVisible: true });
  return { expert, a, call: call! };
}

/** One blind sheet: the application without names or school, the rubric and the expert's points. */
export async function getReviewSheet(ctx: ServiceContext, applicationId: number): Promise<AwardReviewSheet> {
  const { a, call } = await loadTask(ctx, applicationId);
  const files = await repo.findAttachments(ctx.db, applicationId);
  return {
    applicationId: a.id,
    code: blindCode(call.year, a.id),
    callId: call.id,
    callTitle: call.title,
    callState: call.state,
    reviewDueOn: call.review_due_on,
    title: a.title,
    field: a.field,
    stage: a.stage,
    subject: a.subject,
    summary: a.summary,
    attachments: files.map((f) => ({
      id: f.id,
      fileName: `材料${files.indexOf(f) + 1}${f.file_name.includes('.') ? f.file_name.slice(f.file_name.lastIndexOf('.')) : ''}`,
      contentType: f.content_type,
      size: f.size_bytes,
    })),
    rubric: call.rubric as AwardReviewSheet['rubric'],
    points: (a.points as Record<string, number> | null) ?? {},
    comment: a.comment ?? '',
    total: a.total === null ? null : Number(a.total),
    isSubmitted: !!a.is_submitted,
    canScore: call.state === 'reviewing' && !a.is_submitted,
  };
}

/** An attachment of an assigned application (served under a neutral name). */
export async function getReviewAttachment(ctx: ServiceContext, applicationId: number, fileId: number) {
  await loadTask(ctx, applicationId);
  const files = await repo.findAttachments(ctx.db, applicationId);
  const f = await repo.findAttachment(ctx.db, applicationId, fileId);
  if (!f) throw notFound('申报材料');
  const ext = f.file_name.includes('.') ? f.file_name.slice(f.file_name.lastIndexOf('.')) : '';
  return { fileName: `材料${files.findIndex((x) => x.id === fileId) + 1}${ext}`, contentType: f.content_type, buffer: f.content };
}

/** Saves (or submits) the expert's points; a submitted sheet is final. */
export async function saveScore(ctx: ServiceContext, applicationId: number, input: AwardScoreInput): Promise<AwardReviewSheet> {
  const { expert, a, call } = await loadTask(ctx, applicationId);
  if (call.state !== 'reviewing') throw new AppError('INVALID_STATE', { userMessage: '该批次不在专家评审阶段' });
  if (a.is_submitted) throw new AppError('INVALID_STATE', { userMessage: '评分已提交，不能修改' });
  const rubric = call.rubric as Parameters<typeof validateSheet>[0];
  const problems = input.submit
    ? validateSheet(rubric, input.points)
    : validateSheet(rubric, input.points).filter((p) => !p.endsWith('未评分'));
  if (problems.length > 0) throw invalid('points', problems[0]!);
  const total = sheetTotal(input.points);
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    await tx.db
      .insertInto('award_score')
      .values({
        application_id: applicationId,
        expert_id: expert.id,
        points: JSON.stringify(input.points),
        total,
        comment: input.comment,
        is_submitted: input.submit,
        updated_at: now,
        submitted_at: input.submit ? now : null,
      })
      .onConflict((oc) =>
        oc.columns(['application_id', 'expert_id']).doUpdateSet({
          points: JSON.stringify(input.points),
          total,
          comment: input.comment,
          is_submitted: input.submit,
          updated_at: now,
          submitted_at: input.submit ? now : null,
        }),
      )
      .execute();
    await recordAudit(tx.db, tx.actor, {
      action: input.submit ? 'award.score.submit' : 'award.score.save',
      entityType: 'award_application',
      entityId: applicationId,
      summary: `${input.submit ? '提交' : '暂存'}成果奖评分（${blindCode(call.year, applicationId)}，合计 ${total}）`,
      after: { points: input.points, total },
    });
  });
  return getReviewSheet(ctx, applicationId);
}
