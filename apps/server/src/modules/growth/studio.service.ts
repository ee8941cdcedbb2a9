/**
 * 名师工作室 use cases: list and open studios, create one (host, members, type, subject, term, goals),
 * add or end memberships, record activities (research lessons, lectures, joint lesson preparation) with
 * attendance and outputs, and the yearly review against the studio's goals with the year's counts taken
 * from the records. The 教师科 manages; a studio's host records its activities.
 */
import type {
  ActivityInput,
  Page,
  ReviewInput,
  StudioDetail,
  StudioInput,
  StudioListQuery,
  StudioMembersInput,
  StudioSummary,
  StudioUpdateInput,
} from '@zhiping/contracts';
import { ACTIVITY_KIND_LABELS, REVIEW_RATING_LABELS, STUDIO_KIND_LABELS, type ReviewRating } from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { findTeacherFacts, teacherRef } from './growth-lookup.ts';
import { growthAccess, requireGrowthReader, requireManager, type GrowthAccess } from './growth.policy.ts';
import * as repo from './studio.repository.ts';

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The summary of a studio row as of today. */
export function toStudioSummary(r: repo.StudioRow, today: string): StudioSummary {
  const review = r.latest_review;
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    kindLabel: STUDIO_KIND_LABELS[r.kind],
    subject: r.subject,
    host: { id: r.host_teacher_id, name: r.host_name, schoolId: r.school_id, schoolName: r.school_name, subject: r.host_subject },
    schoolId: r.school_id,
    schoolName: r.school_name,
    termStart: r.term_start,
    termEnd: r.term_end,
    isActive: r.term_start <= today && today <= r.term_end,
    members: Number(r.members),
    activitiesThisYear: Number(r.activities),
    outputsThisYear: Number(r.outputs),
    latestReview: review
      ? { year: review.year, rating: review.rating as ReviewRating, ratingLabel: REVIEW_RATING_LABELS[review.rating as ReviewRating] }
      : null,
  };
}

/** Throws VALIDATION_FAILED unless every teacher exists and is active; returns their facts. */
async function activeTeachers(ctx: ServiceContext, ids: readonly number[], field: string) {
  const facts = await findTeacherFacts(ctx.db, ids);
  for (const id of ids) {
    const t = facts.get(id);
    if (!t || !t.is_active) throw invalid(field, `教师（编号 ${id}）不存在或已离职`);
  }
  return facts;
}

/** A page of studios (every growth reader sees the list: it is public information of the district). */
export async function listStudios(ctx: ServiceContext, query: StudioListQuery): Promise<Page<StudioSummary>> {
  requireGrowthReader(growthAccess(ctx.actor));
  const today = ctx.clock.today();
  const { total, rows } = await repo.findStudioPage(ctx.db, query, yearOf(today), {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map((r) => toStudioSummary(r, today)), total, page: query.page, pageSize: query.pageSize };
}

/** Every studio matching the filters (for the xlsx export). */
export async function listAllStudios(ctx: ServiceContext, query: Omit<StudioListQuery, 'page' | 'pageSize'>): Promise<StudioSummary[]> {
  requireGrowthReader(growthAccess(ctx.actor));
  const today = ctx.clock.today();
  return (await repo.findStudios(ctx.db, query, yearOf(today))).map((r) => toStudioSummary(r, today));
}

function canManageStudio(access: GrowthAccess, hostTeacherId: number): boolean {
  return access.isManager || (access.teacherId !== null && access.teacherId === hostTeacherId);
}

async function loadStudio(ctx: ServiceContext, id: number) {
  const access = growthAccess(ctx.actor);
  requireGrowthReader(access);
  const [row] = await repo.findStudios(ctx.db, { ids: [id] }, yearOf(ctx.clock.today()));
  if (!row) throw notFound('工作室');
  return { access, row };
}

/** One studio with members, activities, reviews and the year counts for the review form. */
export async function getStudio(ctx: ServiceContext, id: number): Promise<StudioDetail> {
  const { access, row } = await loadStudio(ctx, id);
  const [members, activities, reviews, yearFacts] = await Promise.all([
    repo.findMembers(ctx.db, id),
    repo.findActivities(ctx.db, id),
    repo.findReviews(ctx.db, id),
    repo.countByYear(ctx.db, id),
  ]);
  const names = new Map(members.map((m) => [m.id, m.name]));
  names.set(row.host_teacher_id, row.host_name);
  const missing = activities.flatMap((a) => a.attendee_ids).filter((tid) => !names.has(tid));
  for (const [tid, t] of await findTeacherFacts(ctx.db, missing)) names.set(tid, t.name);
  const host = (await findTeacherFacts(ctx.db, [row.host_teacher_id])).get(row.host_teacher_id)!;
  return {
    ...toStudioSummary(row, ctx.clock.today()),
    goals: row.goals,
    memberList: [
      {
        ...teacherRef(host),
        title: host.title,
        isHost: true,
        joinedOn: row.term_start,
        leftOn: null,
        attended: activities.filter((a) => a.attendee_ids.includes(host.id)).length,
      },
      ...members
        .filter((m) => m.id !== row.host_teacher_id)
        .map((m) => ({
          ...teacherRef(m),
          title: m.title,
          isHost: false,
          joinedOn: m.joined_on,
          leftOn: m.left_on,
          attended: Number(m.attended),
        })),
    ],
    activities: activities.map((a) => ({
      id: a.id,
      kind: a.kind,
      kindLabel: ACTIVITY_KIND_LABELS[a.kind],
      title: a.title,
      heldOn: a.held_on,
      place: a.place,
      attendees: a.attendee_ids.map((tid) => ({ id: tid, name: names.get(tid) ?? `教师${tid}` })),
      outputs: a.outputs.map((o) => ({ kind: o.kind, title: o.title, link: o.link })),
      createdBy: a.created_by_name,
    })),
    reviews: reviews.map((r) => ({
      year: r.year,
      rating: r.rating,
      ratingLabel: REVIEW_RATING_LABELS[r.rating],
      summary: r.summary,
      activities: r.activities,
      outputs: r.outputs,
      reviewedBy: r.reviewed_by_name,
      reviewedAt: r.reviewed_at.toISOString(),
    })),
    yearFacts,
    canManage: canManageStudio(access, row.host_teacher_id),
  };
}

/** Creates a studio with its host (at the host's school) and members (教师科). */
export async function createStudio(ctx: ServiceContext, input: StudioInput): Promise<StudioDetail> {
  requireManager(growthAccess(ctx.actor), '名师工作室');
  const memberIds = [...new Set(input.memberIds)].filter((m) => m !== input.hostTeacherId);
  const facts = await activeTeachers(ctx, [input.hostTeacherId, ...memberIds], 'memberIds');
  const host = facts.get(input.hostTeacherId)!;
  if (host.school_id === null) throw invalid('hostTeacherId', '主持人须有任职学校');
  const id = await inTransaction(ctx, async (tx) => {
    const studioId = await repo.insertStudio(tx.db, {
      name: input.name,
      kind: input.kind,
      subject: input.subject || null,
      host_teacher_id: input.hostTeacherId,
      school_id: host.school_id!,
      term_start: input.termStart,
      term_end: input.termEnd,
      goals: input.goals,
      created_by_name: tx.actor.displayName,
    });
    await repo.upsertMembers(tx.db, studioId, memberIds, input.termStart);
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.studio.create',
      entityType: 'growth_studio',
      entityId: studioId,
      schoolId: host.school_id,
      summary: `设立${STUDIO_KIND_LABELS[input.kind]}“${input.name}”（主持人 ${host.name}，成员 ${memberIds.length} 人）`,
      after: input,
    });
    return studioId;
  });
  return getStudio(ctx, id);
}

/**
 * Corrects a studio's own facts (教师科): name, type, subject, term and goals. The host stays (a new host
 * means a new studio). The term must still hold every recorded activity and reviewed year; a term end
 * before today ends the studio, and no activity or member can then be recorded after it.
 */
export async function updateStudio(ctx: ServiceContext, id: number, input: StudioUpdateInput): Promise<StudioDetail> {
  const { access, row } = await loadStudio(ctx, id);
  requireManager(access, '名师工作室');
  await inTransaction(ctx, async (tx) => {
    // Locked, so an activity recorded meanwhile (addActivity locks it too) is checked against the new term;
    // read under the lock, the audit's "before" is what this change replaces.
    const current = await repo.lockStudio(tx.db, id);
    const dates = (await repo.findActivities(tx.db, id)).map((a) => a.held_on).sort();
    const first = dates[0];
    const last = dates[dates.length - 1];
    if (first !== undefined && first < input.termStart) throw invalid('termStart', `任期开始晚于已记录的活动（${first}）`);
    if (last !== undefined && last > input.termEnd) throw invalid('termEnd', `任期结束早于已记录的活动（${last}）`);
    const years = (await repo.findReviews(tx.db, id)).map((r) => r.year);
    const outside = years.find((y) => y < yearOf(input.termStart) || y > yearOf(input.termEnd));
    if (outside !== undefined) throw invalid('termEnd', `已有 ${outside} 年度考核，任期须包含该年度`);
    const before = {
      name: current.name,
      kind: current.kind,
      subject: current.subject,
      termStart: current.term_start,
      termEnd: current.term_end,
      goals: current.goals,
    };
    await repo.updateStudio(tx.db, id, {
      name: input.name,
      kind: input.kind,
      subject: input.subject || null,
      term_start: input.termStart,
      term_end: input.termEnd,
      goals: input.goals,
    });
    const ends = input.termEnd < tx.clock.today() && current.term_end >= tx.clock.today();
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.studio.update',
      entityType: 'growth_studio',
      entityId: id,
      schoolId: row.school_id,
      summary: ends
        ? `工作室“${input.name}”于 ${input.termEnd} 结束`
        : `修改工作室“${input.name}”（任期 ${input.termStart} 至 ${input.termEnd}）`,
      before,
      after: input,
    });
  });
  return getStudio(ctx, id);
}

/** Adds members to a studio (教师科). */
export async function addMembers(ctx: ServiceContext, id: number, input: StudioMembersInput): Promise<StudioDetail> {
  const { access, row } = await loadStudio(ctx, id);
  requireManager(access, '工作室成员');
  if (input.joinedOn > row.term_end) throw invalid('joinedOn', `工作室任期已于 ${row.term_end} 结束，不能再加入成员`);
  const ids = [...new Set(input.teacherIds)].filter((t) => t !== row.host_teacher_id);
  const facts = await activeTeachers(ctx, ids, 'teacherIds');
  await inTransaction(ctx, async (tx) => {
    await repo.upsertMembers(tx.db, id, ids, input.joinedOn);
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.studio.members',
      entityType: 'growth_studio',
      entityId: id,
      schoolId: row.school_id,
      summary: `工作室“${row.name}”加入成员：${ids.map((t) => facts.get(t)!.name).join('、')}`,
      after: input,
    });
  });
  return getStudio(ctx, id);
}

/** Ends a membership today (教师科). */
export async function removeMember(ctx: ServiceContext, id: number, teacherId: number): Promise<StudioDetail> {
  const { access, row } = await loadStudio(ctx, id);
  requireManager(access, '工作室成员');
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.endMembership(tx.db, id, teacherId, tx.clock.today()))) throw notFound('工作室成员');
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.studio.member_leave',
      entityType: 'growth_studio',
      entityId: id,
      schoolId: row.school_id,
      summary: `工作室“${row.name}”成员（教师编号 ${teacherId}）退出`,
    });
  });
  return getStudio(ctx, id);
}

/** Records an activity with attendance (members and host only) and outputs (the host or the 教师科). */
export async function addActivity(ctx: ServiceContext, id: number, input: ActivityInput): Promise<StudioDetail> {
  const { access, row } = await loadStudio(ctx, id);
  if (!canManageStudio(access, row.host_teacher_id)) throw new AppError('FORBIDDEN', { userMessage: '工作室活动由主持人或区教师科记录' });
  if (input.heldOn > ctx.clock.today()) throw invalid('heldOn', '活动日期不能晚于今天');
  const members = new Set((await repo.findMembers(ctx.db, id)).map((m) => m.id));
  members.add(row.host_teacher_id);
  const stranger = input.attendeeIds.find((t) => !members.has(t));
  if (stranger !== undefined) throw invalid('attendeeIds', `参加人员（教师编号 ${stranger}）不是本工作室成员`);
  await inTransaction(ctx, async (tx) => {
    // The term is read under the studio's lock, so a concurrent term change (updateStudio) is respected.
    const term = await repo.lockStudio(tx.db, id);
    if (input.heldOn < term.term_start) throw invalid('heldOn', '活动日期早于工作室任期');
    if (input.heldOn > term.term_end) throw invalid('heldOn', `活动日期晚于工作室任期（${term.term_end} 结束）`);
    const activityId = await repo.insertActivity(tx.db, {
      studio_id: id,
      kind: input.kind,
      title: input.title,
      held_on: input.heldOn,
      place: input.place,
      attendee_ids: [...new Set(input.attendeeIds)],
      outputs: input.outputs,
      created_by_name: tx.actor.displayName,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.studio.activity',
      entityType: 'growth_studio_activity',
      entityId: activityId,
      schoolId: row.school_id,
      summary: `工作室“${row.name}”${ACTIVITY_KIND_LABELS[input.kind]}：${input.title}（${input.heldOn}，参加 ${input.attendeeIds.length} 人，成果 ${input.outputs.length} 项）`,
      after: input,
    });
  });
  return getStudio(ctx, id);
}

/** The yearly review against the goals; activity and output counts come from the records (教师科). */
export async function reviewStudio(ctx: ServiceContext, id: number, input: ReviewInput): Promise<StudioDetail> {
  const { access, row } = await loadStudio(ctx, id);
  requireManager(access, '工作室年度考核');
  if (input.year > yearOf(ctx.clock.today())) throw invalid('year', '不能考核未来年度');
  const facts = (await repo.countByYear(ctx.db, id)).find((f) => f.year === input.year) ?? { activities: 0, outputs: 0 };
  await inTransaction(ctx, async (tx) => {
    await repo.upsertReview(tx.db, {
      studio_id: id,
      year: input.year,
      rating: input.rating,
      summary: input.summary,
      activities: facts.activities,
      outputs: facts.outputs,
      reviewed_by_name: tx.actor.displayName,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.studio.review',
      entityType: 'growth_studio',
      entityId: id,
      schoolId: row.school_id,
      summary: `工作室“${row.name}”${input.year} 年度考核：${REVIEW_RATING_LABELS[input.rating]}（活动 ${facts.activities} 次，成果 ${facts.outputs} 项）`,
      after: input,
    });
  });
  return getStudio(ctx, id);
}
