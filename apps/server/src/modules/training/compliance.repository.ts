/** SQL of cycle compliance: hours per teacher and level in a cycle, and seminars in a year, in one pass over the ledger. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { TeacherReach } from './training.policy.ts';
import { teacherInReach } from './training.repository.ts';

/** What a compliance read covers. */
export interface CycleTotalsQuery {
  reach: TeacherReach;
  /** Cycle, both days inclusive. */
  cycleStart: string;
  cycleEnd: string;
  /** The year whose seminars are counted, both days inclusive. */
  yearStart: string;
  yearEnd: string;
  schoolId?: number | undefined;
  teacherIds?: readonly number[];
}

/** One 专任教师 with their hours by level in the cycle and seminars in the year. */
export interface CycleTotalsRow {
  teacher_id: number;
  teacher_name: string;
  id_number_masked: string;
  school_id: number | null;
  school_name: string | null;
  subject: string | null;
  service_start: string | null;
  national: number;
  city: number;
  district: number;
  school: number;
  seminars: number;
}

/**
 * Active 专任教师 (post 'teacher') within reach with their credited hours by level in the cycle and their
 * seminars in the year. The ledger is read once (range over both periods, FILTER per level):
 *
 *   with h as (select teacher_id, sum(hours) filter (where level = 'national' and completed_on between …) …,
 *              count(*) filter (where is_seminar and completed_on between …) as seminars
 *              from training_credit where completed_on between least(…) and greatest(…) group by teacher_id)
 *   select t.…, coalesce(a.first_day, joined_school_on) as service_start, h.… from teacher t left join h …
 *     left join (select teacher_id, min(valid_from) as first_day from teacher_assignment group by 1) a …
 */
export async function findCycleTotals(db: Kysely<DB>, q: CycleTotalsQuery): Promise<CycleTotalsRow[]> {
  const from = q.cycleStart < q.yearStart ? q.cycleStart : q.yearStart;
  const to = q.cycleEnd > q.yearEnd ? q.cycleEnd : q.yearEnd;
  const inCycle = sql`c.completed_on between ${q.cycleStart}::date and ${q.cycleEnd}::date`;
  // float8 sums: hours carry one decimal, so a double's sum rounds back exactly, and it aggregates far faster than numeric.
  const level = (l: string) => sql<number>`coalesce(sum(c.hours::float8) filter (where c.level = ${l} and ${inCycle}), 0)`;
  const teacherFilter = q.teacherIds ? sql`and c.teacher_id = any(${sql.val([...q.teacherIds])}::int[])` : sql``;
  const schoolFilter = q.schoolId ? sql`and t.school_id = ${q.schoolId}` : sql``;
  const teacherIdFilter = q.teacherIds ? sql`and t.id = any(${sql.val([...q.teacherIds])}::int[])` : sql``;
  const result = await sql<CycleTotalsRow>`
    with h as (
      select c.teacher_id,
        ${level('national')} as national, ${level('city')} as city,
        ${level('district')} as district, ${level('school')} as school,
        count(*) filter (where c.is_seminar and c.completed_on between ${q.yearStart}::date and ${q.yearEnd}::date)::int as seminars
      from training_credit c
      where c.completed_on between ${from}::date and ${to}::date ${teacherFilter}
      group by c.teacher_id
    )
    select t.id as teacher_id, t.name as teacher_name, t.id_number_masked, t.school_id, v.name as school_name, t.subject,
      coalesce(a.first_day, t.joined_school_on)::text as service_start,
      coalesce(h.national, 0) as national, coalesce(h.city, 0) as city, coalesce(h.district, 0) as district,
      coalesce(h.school, 0) as school, coalesce(h.seminars, 0) as seminars
    from teacher t
    left join h on h.teacher_id = t.id
    left join (select teacher_id, min(valid_from) as first_day from teacher_assignment group by teacher_id) a on a.teacher_id = t.id
    left join school_version v on v.school_id = t.school_id and v.valid_to is null
    where t.is_active and t.post = 'teacher' and t.school_id is not null
      and ${teacherInReach(q.reach, 't.id', 't.school_id')} ${schoolFilter} ${teacherIdFilter}`.execute(db);
  return result.rows.map((r) => ({
    ...r,
    national: Number(r.national),
    city: Number(r.city),
    district: Number(r.district),
    school: Number(r.school),
    seminars: Number(r.seminars),
  }));
}

/** Hours by category of credits in a period for teachers within reach (for charts). */
export async function findHoursByCategory(
  db: Kysely<DB>,
  q: { reach: TeacherReach; from: string; to: string; schoolId?: number | undefined },
): Promise<{ category: string; hours: number }[]> {
  const schoolFilter = q.schoolId ? sql`and t.school_id = ${q.schoolId}` : sql``;
  const r = await sql<{ category: string; hours: number }>`
    select c.category, sum(c.hours) as hours from training_credit c join teacher t on t.id = c.teacher_id
    where c.completed_on between ${q.from}::date and ${q.to}::date and ${teacherInReach(q.reach, 't.id', 't.school_id')} ${schoolFilter}
    group by c.category order by 2 desc`.execute(db);
  return r.rows.map((x) => ({ category: x.category, hours: Math.round(Number(x.hours) * 10) / 10 }));
}

/** Pending outside trainings of teachers within reach. */
export async function countPendingOutside(db: Kysely<DB>, reach: TeacherReach, schoolId?: number): Promise<number> {
  let q = db
    .selectFrom('training_outside as o')
    .innerJoin('teacher as t', 't.id', 'o.teacher_id')
    .where('o.status', '=', 'pending')
    .where(teacherInReach(reach, 't.id', 't.school_id'));
  if (schoolId) q = q.where('t.school_id', '=', schoolId);
  const r = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return r.n;
}
