/**
 * Inspectors (督学): users with the inspector role, their public profile (phone, title, duties), their
 * work history through the linked teacher record and configured related schools (the inputs of 回避),
 * the responsible-inspector assignments (责任督学挂牌督导, about 5 schools each) with each school's visit
 * rhythm, and the settings of that rhythm.
 */
import type { InspectorProfileInput, InspectorSettings, InspectorSummary, Responsibility, ResponsibilityInput } from '@zhiping/contracts';
import { responsibleInspectorStatus, type InspectorProfile } from '@zhiping/domain';
import type { z } from 'zod';
import type { ResponsibilityQuery } from '@zhiping/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { evaluationAccess, requireSupervisionReader, requireSupervisor } from '../evaluations/evaluation.policy.ts';
import { countUnfinishedItems } from '../rectification/rectification-lookup.ts';
import * as repo from './inspector.repository.ts';

/** Settings key of the visit interval. */
const INTERVAL_KEY = 'inspectors.visit_interval_days';
/** Monthly visits unless the district configures otherwise. */
export const DEFAULT_VISIT_INTERVAL_DAYS = 30;

/** The five duties of a responsible inspector (挂牌督导办法), shown on the school's plate by default. */
export const DEFAULT_DUTIES = [
  '督促学校依法办学、规范办学行为',
  '指导学校加强管理、提高教育教学质量',
  '受理和处理群众对学校的投诉和举报',
  '督促学校对发现的问题进行整改',
  '及时向教育督导部门报告督导情况',
];

/** An inspector as the conflict check and load balancing need them. */
export interface InspectorForAssignment {
  userId: number;
  name: string;
  profile: InspectorProfile;
}

/** Profiles for 回避 (current school, past schools with the last day there, related schools) of the given or all inspectors. */
export async function loadInspectorsForAssignment(db: Kysely<DB>, asOf: string, ids?: number[]): Promise<InspectorForAssignment[]> {
  const users = await repo.findInspectorUsers(db, ids);
  const teacherIds = users.flatMap((u) => (u.teacher_id ? [u.teacher_id] : []));
  const history = await repo.findWorkHistory(db, teacherIds);
  const related = await repo.findRelatedSchools(
    db,
    users.map((u) => u.id),
  );
  return users.map((u) => {
    const rows = history.filter((h) => h.teacher_id === u.teacher_id);
    // An open assignment (including a 交流轮岗 posting) counts as being at that school today.
    const pastSchools = rows.map((h) => ({ schoolId: String(h.school_id), until: h.valid_to ?? asOf }));
    return {
      userId: u.id,
      name: u.display_name,
      profile: {
        id: String(u.id),
        name: u.display_name,
        currentSchoolId: u.teacher_active && u.teacher_school_id ? String(u.teacher_school_id) : null,
        pastSchools,
        relatedSchoolIds: related.filter((r) => r.user_id === u.id).map((r) => String(r.school_id)),
      },
    };
  });
}

/** School ids an inspector is currently responsible for (責任督学). */
export function responsibleSchoolIdsOf(db: Kysely<DB>, userId: number | null): Promise<number[]> {
  return userId === null ? Promise.resolve([]) : repo.findResponsibleSchoolIds(db, userId);
}

/** The current responsible inspector of a school, or null. */
export async function responsibleInspectorOf(
  db: Kysely<DB>,
  schoolId: number,
): Promise<{ inspectorId: number; name: string; since: string } | null> {
  const r = await repo.findCurrentResponsibility(db, schoolId);
  return r ? { inspectorId: r.inspector_id, name: r.inspector_name, since: r.valid_from } : null;
}

/** Every inspector with profile, current school, related schools and responsible-school count. */
export async function listInspectors(ctx: ServiceContext): Promise<InspectorSummary[]> {
  requireSupervisionReader(evaluationAccess(ctx.actor));
  const users = await repo.findInspectorUsers(ctx.db);
  const related = await repo.findRelatedSchools(
    ctx.db,
    users.map((u) => u.id),
  );
  const schools = await repo.findSchoolsWithResponsible(ctx.db, {});
  return users.map((u) => ({
    userId: u.id,
    username: u.username,
    name: u.display_name,
    phone: u.phone ?? '',
    title: u.title ?? '',
    duties: u.duties ?? '',
    teacherId: u.teacher_id,
    currentSchoolName: u.teacher_active ? (u.teacher_school_name ?? null) : null,
    responsibleSchools: schools.filter((s) => s.inspector_id === u.id).length,
    relatedSchools: related
      .filter((r) => r.user_id === u.id)
      .map((r) => ({ schoolId: r.school_id, schoolName: r.school_name, reason: r.reason })),
  }));
}

/** Saves an inspector's public profile and related schools (督导室). */
export async function saveInspectorProfile(ctx: ServiceContext, userId: number, input: InspectorProfileInput): Promise<InspectorSummary> {
  requireSupervisor(evaluationAccess(ctx.actor), '督学信息');
  const [user] = await repo.findInspectorUsers(ctx.db, [userId]);
  if (!user) throw notFound('督学');
  const schoolIds = [...new Set(input.relatedSchools.map((r) => r.schoolId))];
  if (schoolIds.length !== input.relatedSchools.length) throw invalid('relatedSchools', '关联学校重复');
  const known = await repo.findSchoolsWithResponsible(ctx.db, { schoolIds });
  if (known.length !== schoolIds.length) throw invalid('relatedSchools', '关联学校不存在或已撤销');
  await inTransaction(ctx, async (tx) => {
    await repo.upsertProfile(
      tx.db,
      userId,
      { phone: input.phone, title: input.title, duties: input.duties },
      tx.actor.displayName,
      tx.clock.now(),
    );
    await repo.replaceRelatedSchools(tx.db, userId, input.relatedSchools);
    await recordAudit(tx.db, tx.actor, {
      action: 'inspector.profile.save',
      entityType: 'user',
      entityId: userId,
      summary: `保存督学 ${user.display_name} 的公示信息和关联学校（${input.relatedSchools.length} 所）`,
      before: { phone: user.phone, title: user.title, duties: user.duties },
      after: input,
    });
  });
  return (await listInspectors(ctx)).find((i) => i.userId === userId)!;
}

/** The configured settings of the visit rhythm. */
export async function readInspectorSettings(db: Kysely<DB>): Promise<InspectorSettings> {
  const v = await repo.findSetting(db, INTERVAL_KEY);
  return { visitIntervalDays: typeof v === 'number' ? v : DEFAULT_VISIT_INTERVAL_DAYS };
}

/** The settings (any supervision reader). */
export async function getInspectorSettings(ctx: ServiceContext): Promise<InspectorSettings> {
  requireSupervisionReader(evaluationAccess(ctx.actor));
  return readInspectorSettings(ctx.db);
}

/** Changes the settings (督导室, audited). */
export async function saveInspectorSettings(ctx: ServiceContext, input: InspectorSettings): Promise<InspectorSettings> {
  requireSupervisor(evaluationAccess(ctx.actor), '责任督学设置');
  const before = await readInspectorSettings(ctx.db);
  await inTransaction(ctx, async (tx) => {
    await repo.upsertSetting(tx.db, INTERVAL_KEY, input.visitIntervalDays, tx.clock.now());
    await recordAudit(tx.db, tx.actor, {
      action: 'inspector.settings.save',
      entityType: 'setting',
      entityId: INTERVAL_KEY,
      summary: `责任督学督导周期改为 ${input.visitIntervalDays} 天`,
      before,
      after: input,
    });
  });
  return input;
}

/** Every open school with its responsible inspector, last visit, next due date and overdue flag. */
export async function listResponsibilities(
  ctx: ServiceContext,
  query: z.infer<typeof ResponsibilityQuery>,
): Promise<{ intervalDays: number; items: Responsibility[] }> {
  const access = evaluationAccess(ctx.actor, await responsibleSchoolIdsOf(ctx.db, ctx.actor.userId));
  requireSupervisionReader(access);
  const scoped = access.isDistrictReader ? undefined : [...new Set([...access.adminSchoolIds, ...access.responsibleSchoolIds])];
  const rows = await repo.findSchoolsWithResponsible(ctx.db, { inspectorId: query.inspectorId, schoolIds: scoped });
  const ids = rows.map((r) => r.school_id);
  const [visits, unfinished, { visitIntervalDays }] = await Promise.all([
    repo.findVisitDates(ctx.db, ids),
    countUnfinishedItems(ctx.db, ids),
    readInspectorSettings(ctx.db),
  ]);
  const today = ctx.clock.today();
  const items = rows.map((r): Responsibility => {
    const status = r.inspector_id
      ? responsibleInspectorStatus(visits.get(r.school_id) ?? [], {
          intervalDays: visitIntervalDays,
          today,
          assignedOn: r.since ?? undefined,
        })
      : { lastVisit: (visits.get(r.school_id) ?? []).at(-1) ?? null, nextDue: null, isOverdue: false, daysOverdue: 0 };
    return {
      schoolId: r.school_id,
      schoolCode: r.school_code,
      schoolName: r.school_name,
      streetName: r.street_name,
      inspectorId: r.inspector_id,
      inspectorName: r.inspector_name,
      since: r.since,
      ...status,
      openRectifications: unfinished.get(r.school_id) ?? 0,
    };
  });
  const filtered = items.filter(
    (i) =>
      (query.overdue === undefined || i.isOverdue === (query.overdue === 'true')) &&
      (query.unassigned !== 'true' || i.inspectorId === null),
  );
  return { intervalDays: visitIntervalDays, items: filtered };
}

/** Makes an inspector responsible for a school from a date, ending the predecessor the day before (督导室). */
export async function assignResponsibility(ctx: ServiceContext, input: ResponsibilityInput): Promise<Responsibility> {
  requireSupervisor(evaluationAccess(ctx.actor), '责任督学');
  const [school] = await repo.findSchoolsWithResponsible(ctx.db, { schoolIds: [input.schoolId] });
  if (!school) throw notFound('学校');
  const [next] = input.inspectorId === null ? [] : await repo.findInspectorUsers(ctx.db, [input.inspectorId]);
  if (input.inspectorId !== null && !next) throw invalid('inspectorId', '该用户不是督学或已停用');
  await inTransaction(ctx, async (tx) => {
    const current = await repo.findCurrentResponsibility(tx.db, input.schoolId);
    if (current && current.inspector_id === input.inspectorId)
      throw new AppError('INVALID_STATE', { userMessage: '该督学已是这所学校的责任督学' });
    if (current) {
      if (input.since < current.valid_from) throw invalid('since', `不能早于现任责任督学的开始日期 ${current.valid_from}`);
      const dayBefore = new Date(Date.parse(`${input.since}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      if (dayBefore < current.valid_from) await repo.deleteResponsibility(tx.db, current.id);
      else await repo.endResponsibility(tx.db, current.id, dayBefore);
    }
    if (input.inspectorId !== null) await repo.insertResponsibility(tx.db, input.schoolId, input.inspectorId, input.since);
    await recordAudit(tx.db, tx.actor, {
      action: 'inspector.responsibility.assign',
      entityType: 'school',
      entityId: input.schoolId,
      schoolId: input.schoolId,
      summary: `${school.school_name} 的责任督学：${current?.inspector_name ?? '（无）'} → ${next?.display_name ?? '（无）'}，自 ${input.since}`,
      before: current ? { inspectorId: current.inspector_id, since: current.valid_from } : null,
      after: input,
    });
  });
  const list = await listResponsibilities(ctx, {});
  return list.items.find((i) => i.schoolId === input.schoolId)!;
}
