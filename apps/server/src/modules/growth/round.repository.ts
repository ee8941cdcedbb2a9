/**
 * SQL of selection rounds (示范课 / 教学能手): rounds with application counts, reviewers, applications
 * with score counts, scores. Visibility of applications is applied in SQL by the caller's condition.
 */
import { sql, type Expression, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Rounds with their application and selection counts, newest first. */
export function findRounds(db: Kysely<DB>, f: { year?: number | undefined; kind?: string | undefined; ids?: number[] | undefined }) {
  let q = db.selectFrom('growth_round as r');
  if (f.year) q = q.where('r.year', '=', f.year);
  if (f.kind) q = q.where('r.kind', '=', f.kind as 'demo_lesson');
  if (f.ids) q = q.where('r.id', 'in', f.ids.length ? f.ids : [-1]);
  return q
    .selectAll('r')
    .select([
      sql<number>`(select count(*) from growth_application a where a.round_id = r.id)`.as('applications'),
      sql<number>`(select count(*) from growth_application a where a.round_id = r.id and a.is_selected)`.as('selected'),
    ])
    .orderBy('r.year', 'desc')
    .orderBy('r.kind')
    .execute();
}
export type RoundRow = Awaited<ReturnType<typeof findRounds>>[number];

/** Inserts a round; returns its id. */
export async function insertRound(db: Kysely<DB>, row: Insertable<DB['growth_round']>): Promise<number> {
  return (await db.insertInto('growth_round').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Sets a round's state (and publication facts). */
export async function setRoundState(
  db: Kysely<DB>,
  id: number,
  state: 'open' | 'reviewing' | 'published',
  published: { on: string; by: string } | null = null,
): Promise<void> {
  await db
    .updateTable('growth_round')
    .set({ state, published_on: published?.on ?? null, published_by_name: published?.by ?? null })
    .where('id', '=', id)
    .execute();
}

/** Reviewers of a round with how many applications each scored. */
export function findReviewers(db: Kysely<DB>, roundId: number) {
  return db
    .selectFrom('growth_round_reviewer as rr')
    .innerJoin('app_user as u', 'u.id', 'rr.user_id')
    .select([
      'u.id',
      'u.display_name',
      'u.username',
      sql<number>`(select count(*) from growth_review_score s join growth_application a on a.id = s.application_id
        where a.round_id = rr.round_id and s.reviewer_id = rr.user_id)`.as('scored'),
    ])
    .where('rr.round_id', '=', roundId)
    .orderBy('u.display_name')
    .execute();
}

/** Round ids where a user is a reviewer. */
export async function findReviewerRoundIds(db: Kysely<DB>, userId: number | null): Promise<Set<number>> {
  if (userId === null) return new Set();
  const rows = await db.selectFrom('growth_round_reviewer').select('round_id').where('user_id', '=', userId).execute();
  return new Set(rows.map((r) => r.round_id));
}

/** Replaces the reviewers of a round. */
export async function replaceReviewers(db: Kysely<DB>, roundId: number, userIds: readonly number[]): Promise<void> {
  await db.deleteFrom('growth_round_reviewer').where('round_id', '=', roundId).execute();
  if (userIds.length)
    await db
      .insertInto('growth_round_reviewer')
      .values(userIds.map((user_id) => ({ round_id: roundId, user_id })))
      .execute();
}

/** Active accounts that may review: district users and teacher accounts, by name. */
export function findReviewerCandidates(db: Kysely<DB>, q: string | undefined, limit: number) {
  let query = db
    .selectFrom('app_user as u')
    .innerJoin('role_grant as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.display_name', 'u.username', 'g.role', 'g.office'])
    .where('g.role', 'in', ['district_admin', 'district_staff', 'teacher'])
    .where('u.is_disabled', '=', false);
  if (q) query = query.where((eb) => eb.or([eb('u.display_name', 'like', `%${q}%`), eb('u.username', 'like', `%${q}%`)]));
  return query.orderBy('u.display_name').limit(limit).execute();
}

/** Filters of the application list. */
export interface ApplicationFilter {
  roundId?: number | undefined;
  schoolId?: number | undefined;
  isSelected?: boolean | undefined;
  q?: string | undefined;
  ids?: number[] | undefined;
  teacherId?: number | undefined;
}

function applicationBase(db: Kysely<DB>, visible: Expression<SqlBool>, f: ApplicationFilter, reviewerId: number | null) {
  let q = db
    .selectFrom('growth_application as a')
    .innerJoin('growth_round as r', 'r.id', 'a.round_id')
    .innerJoin('teacher as t', 't.id', 'a.teacher_id')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'a.school_id').on('v.valid_to', 'is', null))
    .where(visible);
  if (f.roundId) q = q.where('a.round_id', '=', f.roundId);
  if (f.schoolId) q = q.where('a.school_id', '=', f.schoolId);
  if (f.isSelected !== undefined) q = q.where('a.is_selected', '=', f.isSelected);
  if (f.q)
    q = q.where((eb) => eb.or([eb('t.name', 'like', `%${f.q}%`), eb('a.title', 'like', `%${f.q}%`), eb('v.name', 'like', `%${f.q}%`)]));
  if (f.ids) q = q.where('a.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.teacherId) q = q.where('a.teacher_id', '=', f.teacherId);
  return q
    .selectAll('a')
    .select([
      't.name as teacher_name',
      't.subject as teacher_subject',
      'v.name as school_name',
      'r.state as round_state',
      'r.year as round_year',
      'r.kind as round_kind',
      sql<number>`(select count(*) from growth_review_score s where s.application_id = a.id)`.as('score_count'),
      sql<
        number | null
      >`(select s.score from growth_review_score s where s.application_id = a.id and s.reviewer_id = ${reviewerId ?? -1})`.as('my_score'),
    ]);
}
export type ApplicationRowData = Awaited<ReturnType<typeof findApplications>>[number];

/** Applications visible under the condition, by school and name. */
export function findApplications(db: Kysely<DB>, visible: Expression<SqlBool>, f: ApplicationFilter, reviewerId: number | null = null) {
  return applicationBase(db, visible, f, reviewerId).orderBy('v.name').orderBy('t.name').execute();
}

/** One page of applications; published lists and selections order by rank, others by school and name. */
export async function findApplicationPage(
  db: Kysely<DB>,
  visible: Expression<SqlBool>,
  f: ApplicationFilter,
  reviewerId: number | null,
  page: { offset: number; limit: number },
) {
  const base = applicationBase(db, visible, f, reviewerId);
  const total = await db
    .selectFrom(base.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base.orderBy('v.name').orderBy('t.name').orderBy('a.id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

/** Inserts an application; returns its id. */
export async function insertApplication(db: Kysely<DB>, row: Insertable<DB['growth_application']>): Promise<number> {
  return (await db.insertInto('growth_application').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Deletes an application without scores. */
export async function deleteApplication(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('growth_application').where('id', '=', id).execute();
}

/** Stores (or replaces) a reviewer's score. */
export async function upsertScore(
  db: Kysely<DB>,
  row: { application_id: number; reviewer_id: number; score: number; comment: string },
): Promise<void> {
  await db
    .insertInto('growth_review_score')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['application_id', 'reviewer_id']).doUpdateSet({ score: row.score, comment: row.comment, scored_at: new Date() }),
    )
    .execute();
}

/** Every score of a round's applications. */
export function findRoundScores(db: Kysely<DB>, roundId: number) {
  return db
    .selectFrom('growth_review_score as s')
    .innerJoin('growth_application as a', 'a.id', 's.application_id')
    .select(['s.application_id', 's.reviewer_id', 's.score'])
    .where('a.round_id', '=', roundId)
    .execute();
}

/** Every application of a round with what selection needs. */
export function findRoundApplications(db: Kysely<DB>, roundId: number) {
  return db
    .selectFrom('growth_application')
    .select(['id', 'teacher_id', 'submitted_at', 'adjustment', 'blocked_reason', 'is_selected'])
    .where('round_id', '=', roundId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
}

/** Writes the consolidated outcome of one application. */
export async function setOutcome(
  db: Kysely<DB>,
  id: number,
  o: { final_score: number | null; rank: number | null; is_selected: boolean; blocked_reason: string | null },
): Promise<void> {
  await db.updateTable('growth_application').set(o).where('id', '=', id).execute();
}

/** Sets or clears a manual adjustment. */
export async function setAdjustment(
  db: Kysely<DB>,
  id: number,
  adjustment: 'include' | 'exclude' | null,
  reason: string | null,
): Promise<void> {
  await db.updateTable('growth_application').set({ adjustment, adjustment_reason: reason }).where('id', '=', id).execute();
}
