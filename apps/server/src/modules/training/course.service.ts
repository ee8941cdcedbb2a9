/**
 * Courses (培训项目) and their sessions (期次) with enrolment, attendance and completion. Completing a
 * session credits its hours to each attending teacher in the ledger (one row per teacher and session,
 * the session as evidence). 教师科 manages district courses of any level; a school administrator runs
 * 校本 courses of their school and enrols, marks and completes their own teachers on any session.
 */
import type {
  AttendanceRequest,
  BatchResult,
  CompletionRequest,
  EnrolRequest,
  TrainingCourseDetail,
  TrainingCourseInput,
  TrainingCoursePage,
  TrainingCourseSummary,
  TrainingEnrolmentPage,
  TrainingSessionDetail,
  TrainingSessionInput,
  TrainingSessionSummary,
} from '@zhiping/contracts';
import type { z } from 'zod';
import type { TrainingCourseQuery, TrainingEnrolmentQuery } from '@zhiping/contracts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import {
  canManageCourse,
  manageableTeachers,
  readableTeachers,
  requireManager,
  requireSomeManager,
  trainingAccess,
  type TrainingAccess,
} from './training.policy.ts';
import * as repo from './training.repository.ts';

/** Course readers: district readers and school administrators (teachers see their own hours only). */
function courseReach(access: TrainingAccess) {
  const reach = readableTeachers(access);
  if (reach.kind === 'self' || reach.kind === 'none') throw new AppError('FORBIDDEN', { userMessage: '培训项目由区教师科和学校管理' });
  return reach;
}

function toCourse(r: repo.CourseRow, access: TrainingAccess): TrainingCourseSummary {
  return {
    id: r.id,
    title: r.title,
    provider: r.provider,
    level: r.level,
    category: r.category as TrainingCourseSummary['category'],
    mode: r.mode,
    isSeminar: r.is_seminar,
    hours: Number(r.hours),
    schoolId: r.school_id,
    schoolName: r.school_name,
    description: r.description,
    sessions: r.sessions,
    enrolled: r.enrolled,
    completed: r.completed,
    lastSessionOn: r.last_session_on,
    canManage: canManageCourse(access, { schoolId: r.school_id }),
  };
}

function toSession(r: repo.SessionRow): TrainingSessionSummary {
  return {
    id: r.id,
    courseId: r.course_id,
    name: r.name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    capacity: r.capacity,
    location: r.location,
    isClosed: r.is_closed,
    enrolled: r.enrolled,
    completed: r.completed,
  };
}

/** A page of visible courses. */
export async function listCourses(ctx: ServiceContext, query: z.infer<typeof TrainingCourseQuery>): Promise<TrainingCoursePage> {
  const access = trainingAccess(ctx.actor);
  const { total, rows } = await repo.findCoursePage(
    ctx.db,
    courseReach(access),
    { q: query.q, level: query.level, category: query.category, year: query.year },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map((r) => toCourse(r, access)), total, page: query.page, pageSize: query.pageSize };
}

async function loadCourse(ctx: ServiceContext, id: number) {
  const access = trainingAccess(ctx.actor);
  const { rows } = await repo.findCoursePage(ctx.db, courseReach(access), { ids: [id] }, { offset: 0, limit: 1 });
  if (!rows[0]) throw notFound('培训项目');
  return { access, course: toCourse(rows[0], access) };
}

/** One course with its sessions. */
export async function getCourse(ctx: ServiceContext, id: number): Promise<TrainingCourseDetail> {
  const { course } = await loadCourse(ctx, id);
  const sessions = await repo.findSessions(ctx.db, { courseId: id });
  return { ...course, sessionList: sessions.map(toSession) };
}

/** Creates a course: 教师科 any level; a school administrator 校本 of their school. */
export async function createCourse(ctx: ServiceContext, input: TrainingCourseInput): Promise<TrainingCourseDetail> {
  const access = trainingAccess(ctx.actor);
  if (input.level === 'school') {
    if (input.schoolId === null) throw invalid('schoolId', '校本培训须选择承办学校');
    if (!canManageCourse(access, { schoolId: input.schoolId })) throw new AppError('FORBIDDEN', { userMessage: '只能为本校登记校本培训' });
  } else {
    if (input.schoolId !== null) throw invalid('schoolId', '只有校本培训填写承办学校');
    requireManager(access, '国家级、市级和区级培训项目');
  }
  const id = await inTransaction(ctx, async (tx) => {
    const newId = await repo.insertCourse(tx.db, {
      title: input.title,
      provider: input.provider,
      level: input.level,
      category: input.category,
      mode: input.mode,
      is_seminar: input.isSeminar,
      hours: input.hours,
      school_id: input.schoolId,
      description: input.description,
      created_by_name: tx.actor.displayName,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'training.course.create',
      entityType: 'training_course',
      entityId: newId,
      schoolId: input.schoolId,
      summary: `登记培训项目“${input.title}”（${input.hours} 学时）`,
      after: input,
    });
    return newId;
  });
  return getCourse(ctx, id);
}

/** Adds a session to a course the caller manages. */
export async function createSession(ctx: ServiceContext, courseId: number, input: TrainingSessionInput): Promise<TrainingSessionDetail> {
  const { access, course } = await loadCourse(ctx, courseId);
  if (!canManageCourse(access, course)) throw new AppError('FORBIDDEN', { userMessage: '无权为该培训项目开设期次' });
  const id = await inTransaction(ctx, async (tx) => {
    const newId = await repo.insertSession(tx.db, {
      course_id: courseId,
      name: input.name,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      capacity: input.capacity,
      location: input.location,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'training.session.create',
      entityType: 'training_session',
      entityId: newId,
      schoolId: course.schoolId,
      summary: `“${course.title}”开设期次“${input.name}”（${input.startsOn} 至 ${input.endsOn}，${input.capacity} 人）`,
      after: input,
    });
    return newId;
  });
  return getSession(ctx, id);
}

async function loadSession(ctx: ServiceContext, id: number) {
  const [row] = await repo.findSessions(ctx.db, { ids: [id] });
  if (!row) throw notFound('培训期次');
  const { access, course } = await loadCourse(ctx, row.course_id);
  return { access, course, row };
}

/** One session with its course and counts (counts over all enrolments; names only within reach). */
export async function getSession(ctx: ServiceContext, id: number): Promise<TrainingSessionDetail> {
  const { access, course, row } = await loadSession(ctx, id);
  return {
    ...toSession(row),
    course,
    attended: row.attended,
    absent: row.absent,
    canManage: manageableTeachers(access).kind !== 'none',
  };
}

/** A page of a session's enrolments (a school administrator sees their own teachers). */
export async function listEnrolments(
  ctx: ServiceContext,
  sessionId: number,
  query: z.infer<typeof TrainingEnrolmentQuery>,
): Promise<TrainingEnrolmentPage> {
  const { access } = await loadSession(ctx, sessionId);
  const { total, rows } = await repo.findEnrolmentPage(
    ctx.db,
    sessionId,
    readableTeachers(access),
    { status: query.status },
    {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    },
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      teacherId: r.teacher_id,
      teacherName: r.teacher_name,
      idNumberMasked: r.id_number_masked,
      schoolId: r.school_id,
      schoolName: r.school_name,
      status: r.status,
      creditedHours: r.credited_hours === null ? null : Number(r.credited_hours),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The teachers of a request the caller may manage; NOT_FOUND names any other id. */
async function manageable(ctx: ServiceContext, access: TrainingAccess, ids: readonly number[]) {
  requireSomeManager(access);
  const unique = [...new Set(ids)];
  const found = await repo.findTeachersInReach(ctx.db, unique, manageableTeachers(access));
  if (found.length !== unique.length) {
    const missing = unique.filter((id) => !found.some((t) => t.id === id));
    throw new AppError('NOT_FOUND', { userMessage: `教师不存在、已离职或不在管理范围内（编号 ${missing.slice(0, 5).join('、')}）` });
  }
  return found;
}

/** Enrols teachers on a session within its capacity. */
export async function enrol(ctx: ServiceContext, sessionId: number, req: EnrolRequest): Promise<BatchResult> {
  const { access, row, course } = await loadSession(ctx, sessionId);
  if (row.is_closed) throw new AppError('INVALID_STATE', { userMessage: '该期次已结业，不能再报名' });
  const teachers = await manageable(ctx, access, req.teacherIds);
  const existing = new Set(
    (
      await repo.findEnrolments(
        ctx.db,
        sessionId,
        teachers.map((t) => t.id),
      )
    ).map((e) => e.teacher_id),
  );
  const fresh = teachers.filter((t) => !existing.has(t.id));
  if (row.enrolled + fresh.length > row.capacity)
    throw new AppError('CONFLICT', {
      userMessage: `名额不足：已报名 ${row.enrolled} 人，名额 ${row.capacity} 人，本次 ${fresh.length} 人`,
    });
  await inTransaction(ctx, async (tx) => {
    await repo.insertEnrolments(
      tx.db,
      sessionId,
      fresh.map((t) => t.id),
      tx.actor.displayName,
    );
    await recordAudit(tx.db, tx.actor, {
      action: 'training.enrol',
      entityType: 'training_session',
      entityId: sessionId,
      schoolId: course.schoolId,
      summary: `“${course.title}·${row.name}”报名 ${fresh.length} 人：${fresh
        .slice(0, 10)
        .map((t) => t.name)
        .join('、')}${fresh.length > 10 ? '等' : ''}`,
      after: { teacherIds: fresh.map((t) => t.id) },
    });
  });
  return {
    changed: fresh.length,
    skipped: teachers.length - fresh.length,
    messages: existing.size ? [`${existing.size} 人已报名，未重复报名`] : [],
  };
}

/** Marks attendance of enrolled teachers (completed enrolments stay completed). */
export async function markAttendance(ctx: ServiceContext, sessionId: number, req: AttendanceRequest): Promise<BatchResult> {
  const { access, row, course } = await loadSession(ctx, sessionId);
  const teachers = await manageable(ctx, access, req.teacherIds);
  const enrolments = await repo.findEnrolments(
    ctx.db,
    sessionId,
    teachers.map((t) => t.id),
  );
  const open = enrolments.filter((e) => e.status !== 'completed');
  const notEnrolled = teachers.length - enrolments.length;
  await inTransaction(ctx, async (tx) => {
    await repo.setEnrolmentStatus(
      tx.db,
      open.map((e) => e.id),
      req.status,
    );
    await recordAudit(tx.db, tx.actor, {
      action: 'training.attendance',
      entityType: 'training_session',
      entityId: sessionId,
      schoolId: course.schoolId,
      summary: `“${course.title}·${row.name}”登记${req.status === 'attended' ? '出勤' : '缺勤'} ${open.length} 人`,
      after: { teacherIds: open.map((e) => e.teacher_id), status: req.status },
    });
  });
  const messages = [];
  if (notEnrolled) messages.push(`${notEnrolled} 人未报名该期次`);
  if (enrolments.length > open.length) messages.push(`${enrolments.length - open.length} 人已结业，未改动`);
  return { changed: open.length, skipped: teachers.length - open.length, messages };
}

/** Completes attending teachers: credits the course's hours to each in the ledger. */
export async function completeTeachers(ctx: ServiceContext, sessionId: number, req: CompletionRequest): Promise<BatchResult> {
  const { access, row, course } = await loadSession(ctx, sessionId);
  const completedOn = req.completedOn ?? row.ends_on;
  if (completedOn < row.starts_on) throw invalid('completedOn', '结业日期不能早于开班日期');
  if (completedOn > ctx.clock.today()) throw invalid('completedOn', '结业日期不能晚于今天');
  const teachers = await manageable(ctx, access, req.teacherIds);
  const enrolments = await repo.findEnrolments(
    ctx.db,
    sessionId,
    teachers.map((t) => t.id),
  );
  const ready = enrolments.filter((e) => e.status === 'attended');
  await inTransaction(ctx, async (tx) => {
    const creditIds = await repo.insertCredits(
      tx.db,
      ready.map((e) => ({
        teacher_id: e.teacher_id,
        source: 'session' as const,
        session_id: sessionId,
        outside_id: null,
        import_id: null,
        title: course.title,
        provider: course.provider,
        level: course.level,
        category: course.category,
        is_seminar: course.isSeminar,
        hours: course.hours,
        completed_on: completedOn,
        evidence: `培训期次：${row.name}（${row.starts_on} 至 ${row.ends_on}）`,
        created_by_name: tx.actor.displayName,
      })),
    );
    await repo.completeEnrolments(
      tx.db,
      ready.map((e, i) => ({ enrolmentId: e.id, creditId: creditIds[i]! })),
    );
    await recordAudit(tx.db, tx.actor, {
      action: 'training.complete',
      entityType: 'training_session',
      entityId: sessionId,
      schoolId: course.schoolId,
      summary: `“${course.title}·${row.name}”结业 ${ready.length} 人，每人记 ${course.hours} 学时（${completedOn}）`,
      after: { teacherIds: ready.map((e) => e.teacher_id), hours: course.hours, completedOn },
    });
  });
  const messages = [];
  const notAttended = enrolments.filter((e) => e.status === 'enrolled' || e.status === 'absent').length;
  if (notAttended) messages.push(`${notAttended} 人未登记出勤，不能结业`);
  if (enrolments.some((e) => e.status === 'completed'))
    messages.push(`${enrolments.filter((e) => e.status === 'completed').length} 人已结业`);
  if (teachers.length > enrolments.length) messages.push(`${teachers.length - enrolments.length} 人未报名该期次`);
  return { changed: ready.length, skipped: teachers.length - ready.length, messages };
}

/** Closes a session (no more enrolment). */
export async function closeSession(ctx: ServiceContext, sessionId: number): Promise<TrainingSessionDetail> {
  const { access, row, course } = await loadSession(ctx, sessionId);
  if (!canManageCourse(access, course)) throw new AppError('FORBIDDEN', { userMessage: '无权结束该期次' });
  await inTransaction(ctx, async (tx) => {
    await repo.closeSession(tx.db, sessionId);
    await recordAudit(tx.db, tx.actor, {
      action: 'training.session.close',
      entityType: 'training_session',
      entityId: sessionId,
      schoolId: course.schoolId,
      summary: `“${course.title}·${row.name}”结束报名`,
    });
  });
  return getSession(ctx, sessionId);
}
