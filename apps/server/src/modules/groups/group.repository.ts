/** SQL of school organisations and their dated memberships. */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Condition: a dated row is in force on `date` (valid_from ≤ date < valid_to). */
const inForce = (alias: string, date: string) =>
  sql<boolean>`${sql.ref(`${alias}.valid_from`)} <= ${date} and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${date})`;

/** A page of groups with core schools and member counts as of a date. */
export async function findGroupPage(
  db: Kysely<DB>,
  f: { kind?: string | undefined; q?: string | undefined; asOf: string; includeDissolved: boolean },
  page: { offset: number; limit: number },
) {
  let q = db.selectFrom('school_group as g');
  if (f.kind) q = q.where('g.kind', '=', f.kind as DB['school_group']['kind']);
  if (f.q) q = q.where('g.name', 'like', `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  if (!f.includeDissolved) q = q.where(inForce('g', f.asOf));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'g.id',
      'g.kind',
      'g.name',
      'g.model',
      'g.stage',
      'g.valid_from',
      'g.valid_to',
      (eb) =>
        eb
          .selectFrom('school_group_member as m')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('m.group_id', '=', 'g.id')
          .where(inForce('m', f.asOf))
          .as('member_count'),
    ])
    .orderBy('g.kind')
    .orderBy('g.name')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: Number(total.n), rows };
}

/** Core (or helper) school names of groups as of a date, keyed by group id. */
export async function findCoreSchoolNames(db: Kysely<DB>, groupIds: number[], asOf: string): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (groupIds.length === 0) return map;
  const rows = await db
    .selectFrom('school_group_member as m')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'm.school_id').on('v.valid_to', 'is', null))
    .select(['m.group_id', 'v.name'])
    .where('m.group_id', 'in', groupIds)
    .where('m.role', 'in', ['core', 'helper'])
    .where(inForce('m', asOf))
    .orderBy('v.name')
    .execute();
  for (const r of rows) map.set(r.group_id, [...(map.get(r.group_id) ?? []), r.name]);
  return map;
}

/** One group. */
export function findGroup(db: Kysely<DB>, id: number) {
  return db.selectFrom('school_group').selectAll().where('id', '=', id).executeTakeFirst();
}

/** All memberships of a group (history included), with school names. */
export function findMembers(db: Kysely<DB>, groupId: number) {
  return db
    .selectFrom('school_group_member as m')
    .innerJoin('school as s', 's.id', 'm.school_id')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'm.school_id').on('v.valid_to', 'is', null))
    .select(['m.id', 'm.school_id', 's.code as school_code', 'v.name as school_name', 'm.role', 'm.valid_from', 'm.valid_to'])
    .where('m.group_id', '=', groupId)
    .orderBy('m.valid_to', (o) => o.desc().nullsFirst())
    .orderBy('m.role')
    .orderBy('v.name')
    .execute();
}

/** Memberships of a school in groups of a kind that overlap [from, to). */
export function findOverlappingMemberships(db: Kysely<DB>, schoolId: number, kind: string, from: string, to: string | null) {
  let q = db
    .selectFrom('school_group_member as m')
    .innerJoin('school_group as g', 'g.id', 'm.group_id')
    .select(['m.id', 'g.id as group_id', 'g.name'])
    .where('m.school_id', '=', schoolId)
    .where('g.kind', '=', kind as DB['school_group']['kind'])
    .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', from)]));
  if (to) q = q.where('m.valid_from', '<', to);
  return q.execute();
}

/** Inserts a group; returns its id. */
export async function insertGroup(db: Kysely<DB>, g: Insertable<DB['school_group']>): Promise<number> {
  return (await db.insertInto('school_group').values(g).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a group. */
export async function updateGroup(db: Kysely<DB>, id: number, g: Updateable<DB['school_group']>): Promise<void> {
  await db.updateTable('school_group').set(g).where('id', '=', id).execute();
}

/** Inserts a membership. */
export async function insertMember(db: Kysely<DB>, m: Insertable<DB['school_group_member']>): Promise<void> {
  await db.insertInto('school_group_member').values(m).execute();
}

/** One membership of a group. */
export function findMember(db: Kysely<DB>, groupId: number, memberId: number) {
  return db.selectFrom('school_group_member').selectAll().where('group_id', '=', groupId).where('id', '=', memberId).executeTakeFirst();
}

/** Ends a membership on a date. */
export async function endMember(db: Kysely<DB>, memberId: number, validTo: string): Promise<void> {
  await db.updateTable('school_group_member').set({ valid_to: validTo }).where('id', '=', memberId).execute();
}

/** Ends every open membership of a group on a date (dissolution). */
export async function endOpenMembers(db: Kysely<DB>, groupId: number, validTo: string): Promise<void> {
  await db
    .updateTable('school_group_member')
    .set({ valid_to: validTo })
    .where('group_id', '=', groupId)
    .where('valid_to', 'is', null)
    .execute();
}

/** Whether a school exists. */
export function findSchoolName(db: Kysely<DB>, schoolId: number) {
  return db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .select(['s.id', 'v.name'])
    .where('s.id', '=', schoolId)
    .executeTakeFirst();
}
