/** SQL of the composite growth views: a teacher's studios and applications, a school's and the district's counts. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Studios a teacher hosts or belongs to, with activities attended and their outputs. */
export function findTeacherStudios(db: Kysely<DB>, teacherId: number) {
  return db
    .selectFrom('growth_studio as s')
    .leftJoin('growth_studio_member as m', (j) => j.onRef('m.studio_id', '=', 's.id').on('m.teacher_id', '=', teacherId))
    .select([
      's.id',
      's.name',
      's.kind',
      's.host_teacher_id',
      's.term_start',
      'm.joined_on',
      'm.left_on',
      sql<number>`(select count(*) from growth_studio_activity a where a.studio_id = s.id and ${teacherId} = any(a.attendee_ids))`.as(
        'attended',
      ),
      sql<number>`(select coalesce(sum(jsonb_array_length(a.outputs)), 0) from growth_studio_activity a where a.studio_id = s.id and ${teacherId} = any(a.attendee_ids))`.as(
        'outputs',
      ),
    ])
    .where((eb) => eb.or([eb('s.host_teacher_id', '=', teacherId), eb('m.teacher_id', '=', teacherId)]))
    .orderBy('s.term_start', 'desc')
    .execute();
}

/** A teacher's applications with their rounds, newest first. */
export function findTeacherApplications(db: Kysely<DB>, teacherId: number) {
  return db
    .selectFrom('growth_application as a')
    .innerJoin('growth_round as r', 'r.id', 'a.round_id')
    .select(['a.round_id', 'r.year', 'r.kind', 'r.state', 'a.title', 'a.is_selected', 'a.final_score'])
    .where('a.teacher_id', '=', teacherId)
    .orderBy('r.year', 'desc')
    .orderBy('r.kind')
    .execute();
}

/** A teacher's test results with the mean of their school that year, oldest first. */
export function findTeacherTests(db: Kysely<DB>, teacherId: number) {
  return db
    .selectFrom('growth_test_score as ts')
    .select([
      'ts.year',
      'ts.subject',
      'ts.total',
      'ts.parts',
      sql<number | null>`(select round(avg(o.total), 1) from growth_test_score o where o.year = ts.year and o.school_id = ts.school_id)`.as(
        'school_mean',
      ),
    ])
    .where('ts.teacher_id', '=', teacherId)
    .orderBy('ts.year')
    .execute();
}

/** Active teachers (专任) of a school and how many hold a recognition valid today. */
export async function countSchoolTeachers(
  db: Kysely<DB>,
  schoolId: number,
  today: string,
): Promise<{ teachers: number; backbone: number }> {
  const r = await db
    .selectFrom('teacher as t')
    .select([
      (eb) => eb.fn.countAll<number>().as('teachers'),
      sql<number>`count(*) filter (where exists (select 1 from teacher_recognition g where g.teacher_id = t.id and g.issued_on <= ${today}
        and (g.valid_until is null or g.valid_until >= ${today})))`.as('backbone'),
    ])
    .where('t.school_id', '=', schoolId)
    .where('t.is_active', '=', true)
    .where('t.post', '=', 'teacher')
    .executeTakeFirstOrThrow();
  return { teachers: Number(r.teachers), backbone: Number(r.backbone) };
}

/** Applications and selections of a school per round. */
export function findSchoolSelections(db: Kysely<DB>, schoolId: number) {
  return db
    .selectFrom('growth_round as r')
    .innerJoin('growth_application as a', 'a.round_id', 'r.id')
    .select([
      'r.year',
      'r.kind',
      (eb) => eb.fn.countAll<number>().as('applied'),
      sql<number>`count(*) filter (where a.is_selected and r.state = 'published')`.as('selected'),
    ])
    .where('a.school_id', '=', schoolId)
    .groupBy(['r.year', 'r.kind'])
    .orderBy('r.year', 'desc')
    .orderBy('r.kind')
    .execute();
}

/** Studios active in a year (their term overlaps it). */
export function findActiveStudios(db: Kysely<DB>, year: number) {
  return db
    .selectFrom('growth_studio as s')
    .innerJoin('teacher as h', 'h.id', 's.host_teacher_id')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.school_id').on('v.valid_to', 'is', null))
    .select(['s.id', 's.name', 's.kind', 's.school_id', 'v.name as school_name', 'h.name as host_name'])
    .where('s.term_start', '<=', `${year}-12-31`)
    .where('s.term_end', '>=', `${year}-01-01`)
    .orderBy('s.kind')
    .orderBy('s.name')
    .execute();
}

/** Current members (and hosts) of the given studios, one row per teacher and studio. */
export function findStudioPeople(db: Kysely<DB>, studioIds: readonly number[]) {
  const ids = studioIds.length ? [...studioIds] : [-1];
  return db
    .selectFrom('growth_studio_member as m')
    .innerJoin('growth_studio as s', 's.id', 'm.studio_id')
    .select(['m.teacher_id', 's.name as studio_name'])
    .where('m.studio_id', 'in', ids)
    .where('m.left_on', 'is', null)
    .union(
      db.selectFrom('growth_studio as s').select(['s.host_teacher_id as teacher_id', 's.name as studio_name']).where('s.id', 'in', ids),
    )
    .execute();
}

/** Activities and outputs of a year. */
export async function countActivities(db: Kysely<DB>, year: number): Promise<{ activities: number; outputs: number }> {
  const r = await db
    .selectFrom('growth_studio_activity')
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`coalesce(sum(jsonb_array_length(outputs)), 0)`.as('outputs')])
    .where(sql<boolean>`extract(year from held_on) = ${year}`)
    .executeTakeFirstOrThrow();
  return { activities: Number(r.n), outputs: Number(r.outputs) };
}

/** Review ratings of the latest reviewed year up to `year`. */
export async function findRatings(db: Kysely<DB>, year: number): Promise<{ year: number; ratings: Map<string, number> }> {
  const latest = await db
    .selectFrom('growth_studio_review')
    .select((eb) => eb.fn.max('year').as('y'))
    .where('year', '<=', year)
    .executeTakeFirst();
  const y = latest?.y ?? year;
  const rows = await db
    .selectFrom('growth_studio_review')
    .select(['rating', (eb) => eb.fn.countAll<number>().as('n')])
    .where('year', '=', y)
    .groupBy('rating')
    .execute();
  return { year: y, ratings: new Map(rows.map((r) => [r.rating, Number(r.n)])) };
}

/** Current pairings with their school's 城乡 code and team members. */
export function findCurrentPairings(db: Kysely<DB>) {
  return db
    .selectFrom('growth_expert_team as g')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'g.paired_school_id').on('v.valid_to', 'is', null))
    .select(['g.id', 'g.name', 'g.paired_school_id', 'v.name as school_name', 'v.urban_rural_code', 'g.pairing_reason', 'g.weak_reason'])
    .where('g.ended_on', 'is', null)
    .orderBy('v.name')
    .execute();
}

/** Experts of the current teams: one row per teacher and team. */
export function findCurrentExperts(db: Kysely<DB>) {
  return db
    .selectFrom('growth_expert_member as m')
    .innerJoin('growth_expert_team as g', 'g.id', 'm.team_id')
    .select(['m.teacher_id', 'g.name as team_name', 'g.paired_school_id'])
    .where('g.ended_on', 'is', null)
    .execute();
}

/** Visits made in a year. */
export async function countVisits(db: Kysely<DB>, year: number): Promise<number> {
  const r = await db
    .selectFrom('growth_team_visit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`extract(year from visited_on) = ${year}`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Selected applications of the published round of a year and kind. */
export function findSelected(db: Kysely<DB>, year: number, kind: 'demo_lesson' | 'teaching_expert') {
  return db
    .selectFrom('growth_application as a')
    .innerJoin('growth_round as r', 'r.id', 'a.round_id')
    .select(['a.teacher_id', 'a.title', 'a.subject'])
    .where('r.year', '=', year)
    .where('r.kind', '=', kind)
    .where('r.state', '=', 'published')
    .where('a.is_selected', '=', true)
    .execute();
}
