/**
 * One teacher's training as they (or their school, or the district) see it: the standing in each rule
 * in force, seminars of the last years, hours by year, recent ledger rows and pending submissions.
 * The teacher fills nothing in for this: every figure comes from the ledger (减负).
 */
import type { TeacherTrainingSummary, TrainingCredit } from '@zhiping/contracts';
import { cycleContaining, evaluateSeminars } from '@zhiping/domain';
import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { computeStandings, ruleCycleRef } from './compliance.service.ts';
import { currentRules } from './rule.service.ts';
import { readableTeachers, requireTrainingReader, trainingAccess } from './training.policy.ts';
import { findCreditPage, findTeachersInReach, teacherInReach, type CreditRow } from './training.repository.ts';

/** A ledger row as the API shows it. */
export function toCredit(r: CreditRow): TrainingCredit {
  return {
    id: Number(r.id),
    teacherId: r.teacher_id,
    teacherName: r.teacher_name,
    schoolName: r.school_name,
    source: r.source,
    title: r.title,
    provider: r.provider,
    level: r.level,
    category: r.category as TrainingCredit['category'],
    isSeminar: r.is_seminar,
    hours: Number(r.hours),
    completedOn: r.completed_on,
    evidence: r.evidence,
  };
}

/** The summary of one teacher within the caller's reach (NOT_FOUND otherwise). */
export async function getTeacherSummary(ctx: ServiceContext, teacherId: number): Promise<TeacherTrainingSummary> {
  const access = trainingAccess(ctx.actor);
  requireTrainingReader(access);
  const reach = readableTeachers(access);
  const [teacher] = await findTeachersInReach(ctx.db, [teacherId], reach);
  if (!teacher) throw notFound('教师');
  const today = ctx.clock.today();
  const rules = await currentRules(ctx.db, today);
  const cycles = await Promise.all(
    rules.map(async (rule) => {
      const cycle = cycleContaining(rule.spec, today);
      const [standing] = await computeStandings(ctx.db, { reach, rule, cycle, today, teacherIds: [teacherId] });
      return { ref: ruleCycleRef(rule, cycle, today), standing: standing ?? null };
    }),
  );
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear - 4, thisYear - 3, thisYear - 2, thisYear - 1, thisYear];
  const byYear = await sql<{ year: number; hours: number; seminars: number }>`
    select extract(year from completed_on)::int as year, sum(hours) as hours, count(*) filter (where is_seminar)::int as seminars
    from training_credit where teacher_id = ${teacherId} and completed_on >= ${`${years[0]}-01-01`}::date
    group by 1`.execute(ctx.db);
  const yearRow = (y: number) => byYear.rows.find((r) => Number(r.year) === y);
  const serviceStart = cycles.find((c) => c.standing)?.standing?.serviceStart ?? null;
  const seminarRuleRow = rules.find((r) => r.spec.seminarMinPerYear > 0);
  const seminarRule = seminarRuleRow?.spec;
  // Years before the seminar rule took effect carry no requirement.
  const seminarYears = years.filter((y) => seminarRuleRow && y >= Number(seminarRuleRow.row.effective_from.slice(0, 4)));
  const recent = await findCreditPage(ctx.db, reach, { teacherId }, { offset: 0, limit: 10 });
  const pending = await ctx.db
    .selectFrom('training_outside as o')
    .innerJoin('teacher as t', 't.id', 'o.teacher_id')
    .where('o.teacher_id', '=', teacherId)
    .where('o.status', '=', 'pending')
    .where(teacherInReach(reach, 't.id', 't.school_id'))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const school = teacher.school_id
    ? await ctx.db
        .selectFrom('school_version')
        .where('school_id', '=', teacher.school_id)
        .where('valid_to', 'is', null)
        .select('name')
        .executeTakeFirst()
    : undefined;
  return {
    teacherId,
    teacherName: teacher.name,
    schoolName: school?.name ?? null,
    isInCycle: cycles.some((c) => c.standing !== null),
    cycles,
    seminars: seminarRule
      ? seminarYears.map((year) => {
          const s = evaluateSeminars({ rule: seminarRule, year, done: yearRow(year)?.seminars ?? 0, serviceStart, asOf: today });
          return { year, required: s.required, done: s.done, shortfall: s.shortfall };
        })
      : [],
    hoursByYear: years.map((year) => ({ year, hours: Math.round(Number(yearRow(year)?.hours ?? 0) * 10) / 10 })),
    recent: recent.rows.map(toCredit),
    pendingOutside: pending.n,
  };
}

/** The signed-in teacher's own summary. */
export async function getMySummary(ctx: ServiceContext): Promise<TeacherTrainingSummary> {
  const access = trainingAccess(ctx.actor);
  if (access.ownTeacherId === null) throw new AppError('FORBIDDEN', { userMessage: '当前账号未关联教师档案' });
  return getTeacherSummary(
    { ...ctx, actor: { ...ctx.actor, grants: ctx.actor.grants.filter((g) => g.role === 'teacher') } },
    access.ownTeacherId,
  );
}
