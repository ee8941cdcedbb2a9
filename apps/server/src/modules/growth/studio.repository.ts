/** SQL of 名师工作室: studios with member and yearly activity counts, members, activities, reviews. */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { StudioOutput } from '../../db/tables-growth.ts';

/** Filters of the studio list. */
export interface StudioFilter {
  kind?: string | undefined;
  schoolId?: number | undefined;
  q?: string | undefined;
  ids?: number[] | undefined;
  /** Studios this teacher hosts or belongs to. */
  teacherId?: number | undefined;
}

function studioBase(db: Kysely<DB>, f: StudioFilter, year: number) {
  let q = db
    .selectFrom('growth_studio as s')
    .innerJoin('teacher as h', 'h.id', 's.host_teacher_id')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.school_id').on('v.valid_to', 'is', null));
  if (f.kind) q = q.where('s.kind', '=', f.kind as 'teacher');
  if (f.schoolId) q = q.where('s.school_id', '=', f.schoolId);
  if (f.q)
    q = q.where((eb) => eb.or([eb('s.name', 'like', `%${f.q}%`), eb('h.name', 'like', `%${f.q}%`), eb('s.subject', 'like', `%${f.q}%`)]));
  if (f.ids) q = q.where('s.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.teacherId)
    q = q.where((eb) =>
      eb.or([
        eb('s.host_teacher_id', '=', f.teacherId!),
        eb.exists(
          eb
            .selectFrom('growth_studio_member as m')
            .select('m.studio_id')
            .whereRef('m.studio_id', '=', 's.id')
            .where('m.teacher_id', '=', f.teacherId!),
        ),
      ]),
    );
  return q.select([
    's.id',
    's.name',
    's.kind',
    's.subject',
    's.host_teacher_id',
    'h.name as host_name',
    'h.subject as host_subject',
    's.school_id',
    'v.name as school_name',
    's.term_start',
    's.term_end',
    's.goals',
    sql<number>`(select count(*) from growth_studio_member m where m.studio_id = s.id and m.left_on is null)`.as('members'),
    sql<number>`(select count(*) from growth_studio_activity a where a.studio_id = s.id and extract(year from a.held_on) = ${year})`.as(
      'activities',
    ),
    sql<number>`(select coalesce(sum(jsonb_array_length(a.outputs)), 0) from growth_studio_activity a where a.studio_id = s.id and extract(year from a.held_on) = ${year})`.as(
      'outputs',
    ),
    sql<{
      year: number;
      rating: string;
    } | null>`(select json_build_object('year', r.year, 'rating', r.rating) from growth_studio_review r where r.studio_id = s.id order by r.year desc limit 1)`.as(
      'latest_review',
    ),
  ]);
}
export type StudioRow = Awaited<ReturnType<typeof findStudios>>[number];

/** Studios matching the filter, by kind and name. */
export function findStudios(db: Kysely<DB>, f: StudioFilter, year: number) {
  return studioBase(db, f, year).orderBy('s.kind').orderBy('s.name').execute();
}

/** One page of studios with the total. */
export async function findStudioPage(db: Kysely<DB>, f: StudioFilter, year: number, page: { offset: number; limit: number }) {
  const base = studioBase(db, f, year);
  const total = await db
    .selectFrom(base.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base.orderBy('s.kind').orderBy('s.name').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

/** Inserts a studio; returns its id. */
export async function insertStudio(db: Kysely<DB>, row: Insertable<DB['growth_studio']>): Promise<number> {
  return (await db.insertInto('growth_studio').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a studio's own facts. */
export async function updateStudio(db: Kysely<DB>, id: number, row: Updateable<DB['growth_studio']>): Promise<void> {
  await db.updateTable('growth_studio').set(row).where('id', '=', id).execute();
}

/** Locks a studio row for the rest of the transaction and returns its own facts as they stand under the lock. */
export function lockStudio(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('growth_studio')
    .select(['name', 'kind', 'subject', 'term_start', 'term_end', 'goals'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Adds members (a member who left is re-admitted). */
export async function upsertMembers(db: Kysely<DB>, studioId: number, teacherIds: readonly number[], joinedOn: string): Promise<void> {
  if (teacherIds.length === 0) return;
  await db
    .insertInto('growth_studio_member')
    .values(teacherIds.map((teacher_id) => ({ studio_id: studioId, teacher_id, joined_on: joinedOn, left_on: null })))
    .onConflict((oc) => oc.columns(['studio_id', 'teacher_id']).doUpdateSet({ joined_on: joinedOn, left_on: null }))
    .execute();
}

/** Marks a member as having left on a day; false when not a current member. */
export async function endMembership(db: Kysely<DB>, studioId: number, teacherId: number, leftOn: string): Promise<boolean> {
  const r = await db
    .updateTable('growth_studio_member')
    .set({ left_on: leftOn })
    .where('studio_id', '=', studioId)
    .where('teacher_id', '=', teacherId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Members of a studio with how many of its activities each attended. */
export function findMembers(db: Kysely<DB>, studioId: number) {
  return db
    .selectFrom('growth_studio_member as m')
    .innerJoin('teacher as t', 't.id', 'm.teacher_id')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 't.school_id').on('v.valid_to', 'is', null))
    .select([
      't.id',
      't.name',
      't.school_id',
      'v.name as school_name',
      't.subject',
      't.title',
      'm.joined_on',
      'm.left_on',
      sql<number>`(select count(*) from growth_studio_activity a where a.studio_id = m.studio_id and m.teacher_id = any(a.attendee_ids))`.as(
        'attended',
      ),
    ])
    .where('m.studio_id', '=', studioId)
    .orderBy('m.left_on', 'desc')
    .orderBy('t.name')
    .execute();
}

/** Inserts an activity; returns its id. */
export async function insertActivity(
  db: Kysely<DB>,
  row: Omit<Insertable<DB['growth_studio_activity']>, 'outputs'> & { outputs: StudioOutput[] },
): Promise<number> {
  return (
    await db
      .insertInto('growth_studio_activity')
      .values({ ...row, outputs: JSON.stringify(row.outputs) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Activities of a studio, newest first. */
export function findActivities(db: Kysely<DB>, studioId: number) {
  return db
    .selectFrom('growth_studio_activity')
    .selectAll()
    .where('studio_id', '=', studioId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Activities and outputs of a studio per calendar year. */
export async function countByYear(db: Kysely<DB>, studioId: number): Promise<{ year: number; activities: number; outputs: number }[]> {
  const rows = await db
    .selectFrom('growth_studio_activity')
    .select([
      sql<number>`extract(year from held_on)::int`.as('year'),
      (eb) => eb.fn.countAll<number>().as('activities'),
      sql<number>`coalesce(sum(jsonb_array_length(outputs)), 0)`.as('outputs'),
    ])
    .where('studio_id', '=', studioId)
    .groupBy(sql`extract(year from held_on)`)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => ({ year: Number(r.year), activities: Number(r.activities), outputs: Number(r.outputs) }));
}

/** Reviews of a studio, newest first. */
export function findReviews(db: Kysely<DB>, studioId: number) {
  return db.selectFrom('growth_studio_review').selectAll().where('studio_id', '=', studioId).orderBy('year', 'desc').execute();
}

/** Stores (or replaces) the yearly review. */
export async function upsertReview(db: Kysely<DB>, row: Insertable<DB['growth_studio_review']>): Promise<void> {
  await db
    .insertInto('growth_studio_review')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['studio_id', 'year']).doUpdateSet({
        rating: row.rating,
        summary: row.summary,
        activities: row.activities,
        outputs: row.outputs,
        reviewed_by_name: row.reviewed_by_name,
        reviewed_at: new Date(),
      }),
    )
    .execute();
}
