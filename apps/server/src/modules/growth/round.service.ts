/**
 * Yearly selection rounds of 示范课 and 教学能手: the 教师科 opens a round per year and kind with its target
 * (100) and application window; teachers apply for themselves or their school nominates them, with
 * everything the district holds prefilled (减负); reviewers (district users or teacher accounts) score
 * 0–100; consolidation takes the mean (dropping the highest and lowest from five reviewers on); the top N
 * are selected, adjusted by hand with reasons, and the list is published. Teachers under a 师德
 * restriction cannot apply, and are skipped with the reason when the list is published.
 */
import type {
  AdjustmentInput,
  ApplicationInput,
  ApplicationListQuery,
  ApplicationPrefill,
  ApplicationRow,
  Page,
  ReviewerCandidate,
  RoundDetail,
  RoundInput,
  RoundSummary,
  ScoreInput,
} from '@zhiping/contracts';
import { ROLE_LABELS, type Role } from '@zhiping/contracts';
import { ROUND_STATE_LABELS, SELECTION_KIND_LABELS, TITLE, consolidateReviewScores, selectTopN, type SelectionKind } from '@zhiping/domain';
import { sql, type Expression, type SqlBool } from 'kysely';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext, type TxContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { assertNotRestricted, findActiveRestrictions, restrictionMessage } from '../ethics/restrictions.ts';
import { findRecognitionsOf, findTeacherFacts, teacherRef } from './growth-lookup.ts';
import { growthAccess, requireGrowthReader, requireManager, type GrowthAccess } from './growth.policy.ts';
import * as repo from './round.repository.ts';

/** The summary of a round row for the caller. */
export function toRoundSummary(r: repo.RoundRow, today: string, reviewerRounds: Set<number>): RoundSummary {
  return {
    id: r.id,
    year: r.year,
    kind: r.kind,
    kindLabel: SELECTION_KIND_LABELS[r.kind],
    name: r.name,
    target: r.target,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    state: r.state,
    stateLabel: ROUND_STATE_LABELS[r.state],
    isWindowOpen: r.state === 'open' && r.opens_on <= today && today <= r.closes_on,
    applications: Number(r.applications),
    selected: Number(r.selected),
    publishedOn: r.published_on,
    isReviewer: reviewerRounds.has(r.id),
  };
}

/** Rounds, newest first (every growth reader). */
export async function listRounds(
  ctx: ServiceContext,
  query: { year?: number | undefined; kind?: string | undefined },
): Promise<RoundSummary[]> {
  const access = growthAccess(ctx.actor);
  requireGrowthReader(access);
  const [rows, mine] = await Promise.all([repo.findRounds(ctx.db, query), repo.findReviewerRoundIds(ctx.db, access.userId)]);
  return rows.map((r) => toRoundSummary(r, ctx.clock.today(), mine));
}

async function loadRound(ctx: ServiceContext, id: number) {
  const access = growthAccess(ctx.actor);
  requireGrowthReader(access);
  const [row] = await repo.findRounds(ctx.db, { ids: [id] });
  if (!row) throw notFound('评选');
  const reviewerRounds = await repo.findReviewerRoundIds(ctx.db, access.userId);
  return { access, row, isReviewer: reviewerRounds.has(id), reviewerRounds };
}

/** One round with reviewers (for the 教师科) and what the caller may do. */
export async function getRound(ctx: ServiceContext, id: number): Promise<RoundDetail> {
  const { access, row, reviewerRounds } = await loadRound(ctx, id);
  const summary = toRoundSummary(row, ctx.clock.today(), reviewerRounds);
  const own =
    access.teacherId !== null
      ? await ctx.db
          .selectFrom('growth_application')
          .select('id')
          .where('round_id', '=', id)
          .where('teacher_id', '=', access.teacherId)
          .executeTakeFirst()
      : undefined;
  return {
    ...summary,
    reviewers: access.isManager
      ? (await repo.findReviewers(ctx.db, id)).map((r) => ({
          id: r.id,
          name: r.display_name,
          username: r.username,
          scored: Number(r.scored),
        }))
      : [],
    canManage: access.isManager,
    canApplySelf: summary.isWindowOpen && access.teacherId !== null && !own,
    nominateSchoolIds: summary.isWindowOpen ? access.adminSchoolIds : [],
    ownApplicationId: own?.id ?? null,
  };
}

/** Opens a round (教师科); one per year and kind. */
export async function createRound(ctx: ServiceContext, input: RoundInput): Promise<RoundDetail> {
  requireManager(growthAccess(ctx.actor), '示范课和教学能手评选');
  const [existing] = await repo.findRounds(ctx.db, { year: input.year, kind: input.kind });
  if (existing) throw new AppError('CONFLICT', { userMessage: `${input.year} 年度${SELECTION_KIND_LABELS[input.kind]}评选已存在` });
  const id = await inTransaction(ctx, async (tx) => {
    const roundId = await repo.insertRound(tx.db, {
      year: input.year,
      kind: input.kind,
      name: input.name,
      target: input.target,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      created_by_name: tx.actor.displayName,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.round.create',
      entityType: 'growth_round',
      entityId: roundId,
      summary: `发布${input.name}（名额 ${input.target}，申报 ${input.opensOn} 至 ${input.closesOn}）`,
      after: input,
    });
    return roundId;
  });
  return getRound(ctx, id);
}

/**
 * The condition on application `a` (joined with round `r`) for the caller: the 教师科 and the round's
 * reviewers see every application; a school its own teachers'; a teacher their own; everyone the
 * selected ones once the list is published.
 */
function applicationsVisibleTo(access: GrowthAccess, isReviewer: boolean): Expression<SqlBool> {
  if (access.isManager || isReviewer) return sql<SqlBool>`true`;
  const parts = [sql<SqlBool>`(r.state = 'published' and a.is_selected)`];
  if (access.adminSchoolIds.length) parts.push(sql<SqlBool>`a.school_id in (${sql.join(access.adminSchoolIds)})`);
  if (access.teacherId !== null) parts.push(sql<SqlBool>`a.teacher_id = ${access.teacherId}`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Whether the caller may see scores and ranks of an application (no public ranking of teachers). */
function canSeeScore(access: GrowthAccess, isReviewer: boolean, r: repo.ApplicationRowData): boolean {
  if (access.isManager || isReviewer) return true;
  if (r.round_state !== 'published') return false;
  return access.adminSchoolIds.includes(r.school_id) || access.teacherId === r.teacher_id;
}

function toApplicationRow(r: repo.ApplicationRowData, showScore: boolean): ApplicationRow {
  return {
    id: r.id,
    roundId: r.round_id,
    teacher: { id: r.teacher_id, name: r.teacher_name, schoolId: r.school_id, schoolName: r.school_name, subject: r.teacher_subject },
    subject: r.subject,
    teachingStage: r.teaching_stage,
    title: r.title,
    materialLink: r.material_link,
    statement: r.statement,
    source: r.source,
    submittedBy: r.submitted_by_name,
    submittedAt: r.submitted_at.toISOString(),
    scoreCount: Number(r.score_count),
    myScore: r.my_score === null ? null : Number(r.my_score),
    finalScore: showScore && r.final_score !== null ? Number(r.final_score) : null,
    rank: showScore ? r.rank : null,
    isSelected: r.is_selected,
    adjustment: showScore ? r.adjustment : null,
    adjustmentReason: showScore ? r.adjustment_reason : null,
    blockedReason: showScore ? r.blocked_reason : null,
  };
}

/** A page of a round's applications visible to the caller. */
export async function listApplications(ctx: ServiceContext, roundId: number, query: ApplicationListQuery): Promise<Page<ApplicationRow>> {
  const { access, isReviewer } = await loadRound(ctx, roundId);
  const { total, rows } = await repo.findApplicationPage(
    ctx.db,
    applicationsVisibleTo(access, isReviewer),
    { roundId, schoolId: query.schoolId, isSelected: query.selected === undefined ? undefined : query.selected === 'true', q: query.q },
    isReviewer ? access.userId : null,
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return {
    items: rows.map((r) => toApplicationRow(r, canSeeScore(access, isReviewer, r))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every visible application of a round (for the xlsx export). */
export async function listAllApplications(ctx: ServiceContext, roundId: number): Promise<{ round: repo.RoundRow; rows: ApplicationRow[] }> {
  const { access, row, isReviewer } = await loadRound(ctx, roundId);
  const rows = await repo.findApplications(
    ctx.db,
    applicationsVisibleTo(access, isReviewer),
    { roundId },
    isReviewer ? access.userId : null,
  );
  return { round: row, rows: rows.map((r) => toApplicationRow(r, canSeeScore(access, isReviewer, r))) };
}

/** Resolves whom an application is for and checks the caller may apply for them. */
async function applicantOf(ctx: ServiceContext, access: GrowthAccess, teacherId: number | undefined) {
  const id = teacherId ?? access.teacherId;
  if (id === null || id === undefined) throw invalid('teacherId', '请选择申报教师');
  const t = (await findTeacherFacts(ctx.db, [id])).get(id);
  if (!t || !t.is_active || t.school_id === null) throw invalid('teacherId', '教师不存在、已离职或没有任职学校');
  const isSelf = access.teacherId === id;
  const isOwnSchool = access.adminSchoolIds.includes(t.school_id);
  if (!isSelf && !isOwnSchool && !access.isManager) throw new AppError('NOT_FOUND', { userMessage: '教师不存在或无权为其申报' });
  return { teacher: t, source: isSelf ? ('self' as const) : ('school' as const) };
}

/** What the district already holds about an applicant (prefilled, never typed again). */
export async function getPrefill(ctx: ServiceContext, roundId: number, teacherId: number | undefined): Promise<ApplicationPrefill> {
  const { access, row } = await loadRound(ctx, roundId);
  const { teacher } = await applicantOf(ctx, access, teacherId);
  const [recognitions, test, studios, restrictions] = await Promise.all([
    findRecognitionsOf(ctx.db, teacher.id),
    ctx.db
      .selectFrom('growth_test_score')
      .select(['year', 'total'])
      .where('teacher_id', '=', teacher.id)
      .orderBy('year', 'desc')
      .executeTakeFirst(),
    ctx.db
      .selectFrom('growth_studio as s')
      .select('s.name')
      .where((eb) =>
        eb.or([
          eb('s.host_teacher_id', '=', teacher.id),
          eb.exists(
            eb
              .selectFrom('growth_studio_member as m')
              .select('m.studio_id')
              .whereRef('m.studio_id', '=', 's.id')
              .where('m.teacher_id', '=', teacher.id)
              .where('m.left_on', 'is', null),
          ),
        ]),
      )
      .execute(),
    findActiveRestrictions(ctx.db, [teacher.id], ctx.clock.today()),
  ]);
  const blocking = (restrictions.get(teacher.id) ?? []).find((r) => r.purposes.includes(row.kind));
  const showTest = access.isManager || access.teacherId === teacher.id || access.adminSchoolIds.includes(teacher.school_id!);
  return {
    teacher: teacherRef(teacher),
    teachingStage: teacher.teaching_stage,
    title: (TITLE.labels as Record<string, string>)[teacher.title] ?? teacher.title,
    recognitions,
    latestTest: showTest && test ? { year: test.year, total: Number(test.total) } : null,
    studios: studios.map((s) => s.name),
    blockedReason: blocking ? restrictionMessage(blocking, row.kind) : null,
  };
}

/** Submits an application (the teacher themself, their school, or the 教师科) inside the window. */
export async function submitApplication(ctx: ServiceContext, roundId: number, input: ApplicationInput): Promise<ApplicationRow> {
  const { access, row } = await loadRound(ctx, roundId);
  const today = ctx.clock.today();
  if (row.state !== 'open') throw new AppError('INVALID_STATE', { userMessage: '该评选已截止申报' });
  if (!access.isManager && (today < row.opens_on || today > row.closes_on))
    throw new AppError('INVALID_STATE', { userMessage: `申报时间为 ${row.opens_on} 至 ${row.closes_on}` });
  const { teacher, source } = await applicantOf(ctx, access, input.teacherId);
  if (row.kind === 'demo_lesson' && input.title === '') throw invalid('title', '示范课须填写课题');
  await assertNotRestricted(ctx.db, teacher.id, row.kind, today);
  const id = await inTransaction(ctx, async (tx) => {
    const exists = await tx.db
      .selectFrom('growth_application')
      .select('id')
      .where('round_id', '=', roundId)
      .where('teacher_id', '=', teacher.id)
      .executeTakeFirst();
    if (exists) throw new AppError('CONFLICT', { userMessage: `${teacher.name}已申报本次评选` });
    const applicationId = await repo.insertApplication(tx.db, {
      round_id: roundId,
      teacher_id: teacher.id,
      school_id: teacher.school_id!,
      subject: teacher.subject ?? '',
      teaching_stage: teacher.teaching_stage,
      title: input.title,
      material_link: input.materialLink,
      statement: input.statement,
      source,
      submitted_by_name: tx.actor.displayName,
      final_score: null,
      rank: null,
      adjustment: null,
      adjustment_reason: null,
      blocked_reason: null,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.application.submit',
      entityType: 'growth_application',
      entityId: applicationId,
      schoolId: teacher.school_id,
      summary: `${source === 'self' ? '本人申报' : '推荐申报'}${row.name}：${teacher.name}${input.title ? `《${input.title}》` : ''}`,
      after: { roundId, teacherId: teacher.id, ...input },
    });
    return applicationId;
  });
  const [created] = await repo.findApplications(ctx.db, sql<SqlBool>`true`, { ids: [id] });
  return toApplicationRow(created!, access.isManager);
}

/** Withdraws an application while the round is open (its submitter's side or the 教师科). */
export async function withdrawApplication(ctx: ServiceContext, applicationId: number): Promise<void> {
  const access = growthAccess(ctx.actor);
  requireGrowthReader(access);
  const [a] = await repo.findApplications(ctx.db, applicationsVisibleTo(access, false), { ids: [applicationId] });
  if (!a) throw notFound('申报');
  if (!access.isManager && access.teacherId !== a.teacher_id && !access.adminSchoolIds.includes(a.school_id)) throw notFound('申报');
  if (a.round_state !== 'open') throw new AppError('INVALID_STATE', { userMessage: '评审已开始，不能撤回申报' });
  await inTransaction(ctx, async (tx) => {
    await repo.deleteApplication(tx.db, applicationId);
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.application.withdraw',
      entityType: 'growth_application',
      entityId: applicationId,
      schoolId: a.school_id,
      summary: `撤回申报：${a.teacher_name}`,
    });
  });
}

/** Accounts that may be reviewers (教师科). */
export async function listReviewerCandidates(ctx: ServiceContext, q: string | undefined): Promise<ReviewerCandidate[]> {
  requireManager(growthAccess(ctx.actor), '评审专家');
  const rows = await repo.findReviewerCandidates(ctx.db, q, 50);
  const seen = new Map<number, ReviewerCandidate>();
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.set(r.id, {
      id: r.id,
      name: r.display_name,
      username: r.username,
      roleLabel: `${ROLE_LABELS[r.role as Role] ?? r.role}${r.office ? `（${r.office}）` : ''}`,
    });
  }
  return [...seen.values()];
}

/** Replaces a round's reviewers (教师科; before publication). */
export async function setReviewers(ctx: ServiceContext, roundId: number, userIds: number[]): Promise<RoundDetail> {
  const { access, row } = await loadRound(ctx, roundId);
  requireManager(access, '评审专家');
  if (row.state === 'published') throw new AppError('INVALID_STATE', { userMessage: '名单已公布，不能调整评审' });
  const ids = [...new Set(userIds)];
  const allowed = new Set((await repo.findReviewerCandidates(ctx.db, undefined, 100000)).map((r) => r.id));
  const bad = ids.find((u) => !allowed.has(u));
  if (bad !== undefined) throw invalid('userIds', `账号（编号 ${bad}）不能担任评审：评审须为区级用户或教师账号`);
  await inTransaction(ctx, async (tx) => {
    await repo.replaceReviewers(tx.db, roundId, ids);
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.round.reviewers',
      entityType: 'growth_round',
      entityId: roundId,
      summary: `${row.name}指定评审 ${ids.length} 人`,
      after: { userIds: ids },
    });
  });
  return getRound(ctx, roundId);
}

/** A reviewer scores an application 0–100 while the round is under review (not their own application). */
export async function scoreApplication(ctx: ServiceContext, applicationId: number, input: ScoreInput): Promise<ApplicationRow> {
  const access = growthAccess(ctx.actor);
  const [a] = await repo.findApplications(ctx.db, sql<SqlBool>`true`, { ids: [applicationId] });
  if (!a) throw notFound('申报');
  const reviewerRounds = await repo.findReviewerRoundIds(ctx.db, access.userId);
  if (!reviewerRounds.has(a.round_id)) throw new AppError('FORBIDDEN', { userMessage: '只有本次评选的评审可以评分' });
  if (a.round_state !== 'reviewing') throw new AppError('INVALID_STATE', { userMessage: '评选不在评审阶段，不能评分' });
  if (access.teacherId === a.teacher_id) throw new AppError('FORBIDDEN', { userMessage: '评审须回避本人的申报' });
  await inTransaction(ctx, async (tx) => {
    await repo.upsertScore(tx.db, {
      application_id: applicationId,
      reviewer_id: access.userId!,
      score: input.score,
      comment: input.comment,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.application.score',
      entityType: 'growth_application',
      entityId: applicationId,
      schoolId: a.school_id,
      summary: `评审评分：${a.teacher_name}`,
      after: input,
    });
  });
  const [after] = await repo.findApplications(ctx.db, sql<SqlBool>`true`, { ids: [applicationId] }, access.userId);
  return toApplicationRow(after!, true);
}

/** Sets or clears a manual adjustment with its reason (教师科, under review). */
export async function adjustApplication(ctx: ServiceContext, applicationId: number, input: AdjustmentInput): Promise<ApplicationRow> {
  const access = growthAccess(ctx.actor);
  requireManager(access, '评选结果调整');
  const [a] = await repo.findApplications(ctx.db, sql<SqlBool>`true`, { ids: [applicationId] });
  if (!a) throw notFound('申报');
  if (a.round_state !== 'reviewing') throw new AppError('INVALID_STATE', { userMessage: '只有评审阶段可以人工调整' });
  await inTransaction(ctx, async (tx) => {
    await repo.setAdjustment(tx.db, applicationId, input.adjustment, input.adjustment ? input.reason : null);
    await consolidate(tx, a.round_id);
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.application.adjust',
      entityType: 'growth_application',
      entityId: applicationId,
      schoolId: a.school_id,
      summary: `人工调整：${a.teacher_name}${input.adjustment === 'include' ? '调入' : input.adjustment === 'exclude' ? '调出' : '取消调整'}${input.reason ? `（${input.reason}）` : ''}`,
      after: input,
    });
  });
  const [after] = await repo.findApplications(ctx.db, sql<SqlBool>`true`, { ids: [applicationId] });
  return toApplicationRow(after!, true);
}

/**
 * Consolidates every application of a round and selects the top N: mean of the reviewers' scores
 * (trimmed from five on), restrictions checked on `onDate` (blocked ones skipped with the reason).
 */
export async function consolidate(
  tx: TxContext,
  roundId: number,
  onDate = tx.clock.today(),
): Promise<{ selected: number; blocked: number }> {
  const [round] = await repo.findRounds(tx.db, { ids: [roundId] });
  const [apps, scores] = await Promise.all([repo.findRoundApplications(tx.db, roundId), repo.findRoundScores(tx.db, roundId)]);
  const restrictions = await findActiveRestrictions(
    tx.db,
    apps.map((a) => a.teacher_id),
    onDate,
  );
  const byApp = new Map<number, number[]>();
  for (const s of scores) byApp.set(s.application_id, [...(byApp.get(s.application_id) ?? []), Number(s.score)]);
  const candidates = apps.map((a, order) => {
    const blocking = (restrictions.get(a.teacher_id) ?? []).find((r) => r.purposes.includes(round!.kind));
    return {
      id: a.id,
      score: consolidateReviewScores(byApp.get(a.id) ?? []).score,
      order,
      blockedReason: blocking ? restrictionMessage(blocking, round!.kind as SelectionKind) : null,
      adjustment: a.adjustment,
    };
  });
  const outcomes = new Map(selectTopN(candidates, round!.target).map((o) => [o.id, o]));
  for (const c of candidates) {
    const o = outcomes.get(c.id)!;
    await repo.setOutcome(tx.db, c.id, { final_score: c.score, rank: o.rank, is_selected: o.isSelected, blocked_reason: c.blockedReason });
  }
  return { selected: [...outcomes.values()].filter((o) => o.isSelected).length, blocked: candidates.filter((c) => c.blockedReason).length };
}

/** close (open → reviewing), reopen (reviewing → open), consolidate (reviewing), publish (reviewing → published). */
export async function actOnRound(
  ctx: ServiceContext,
  roundId: number,
  action: 'close' | 'consolidate' | 'publish' | 'reopen',
): Promise<RoundDetail> {
  const { access, row } = await loadRound(ctx, roundId);
  requireManager(access, '示范课和教学能手评选');
  const need = action === 'close' ? 'open' : 'reviewing';
  if (row.state !== need)
    throw new AppError('INVALID_STATE', {
      userMessage: `评选当前为“${ROUND_STATE_LABELS[row.state]}”，不能${{ close: '截止申报', reopen: '重新开放申报', consolidate: '汇总评分', publish: '公布名单' }[action]}`,
    });
  await inTransaction(ctx, async (tx) => {
    let summary = '';
    if (action === 'close') {
      await repo.setRoundState(tx.db, roundId, 'reviewing');
      summary = `${row.name}截止申报，进入评审（申报 ${row.applications} 份）`;
    } else if (action === 'reopen') {
      await repo.setRoundState(tx.db, roundId, 'open');
      summary = `${row.name}重新开放申报`;
    } else {
      const r = await consolidate(tx, roundId);
      if (action === 'publish') {
        if (r.selected === 0) throw new AppError('INVALID_STATE', { userMessage: '尚无入选者（请先完成评分），不能公布名单' });
        await repo.setRoundState(tx.db, roundId, 'published', { on: tx.clock.today(), by: tx.actor.displayName });
      }
      summary = `${row.name}${action === 'publish' ? '公布名单' : '汇总评分'}：入选 ${r.selected} 人${r.blocked ? `，师德限制未入选 ${r.blocked} 人` : ''}`;
    }
    await recordAudit(tx.db, tx.actor, { action: `growth.round.${action}`, entityType: 'growth_round', entityId: roundId, summary });
  });
  return getRound(ctx, roundId);
}
