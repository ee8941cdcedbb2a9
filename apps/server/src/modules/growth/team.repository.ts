/** SQL of expert teams (专家团队) paired with rural or weak schools, their members and visits. */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Filters of the team list. */
export interface TeamFilter {
  reason?: string | undefined;
  schoolId?: number | undefined;
  q?: string | undefined;
  ids?: number[] | undefined;
  /** Teams this teacher leads or belongs to. */
  teacherId?: number | undefined;
  /** Only teams still paired (not ended). */
  isCurrent?: boolean | undefined;
  /** current: still paired; ended: the pairing has ended. */
  state?: 'current' | 'ended' | undefined;
}

function teamBase(db: Kysely<DB>, f: TeamFilter) {
  let q = db
    .selectFrom('growth_expert_team as g')
    .innerJoin('teacher as l', 'l.id', 'g.lead_teacher_id')
    .leftJoin('school_version as lv', (j) => j.onRef('lv.school_id', '=', 'l.school_id').on('lv.valid_to', 'is', null))
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'g.paired_school_id').on('v.valid_to', 'is', null));
  if (f.reason) q = q.where('g.pairing_reason', '=', f.reason as 'rural');
  if (f.schoolId) q = q.where('g.paired_school_id', '=', f.schoolId);
  if (f.q)
    q = q.where((eb) => eb.or([eb('g.name', 'like', `%${f.q}%`), eb('v.name', 'like', `%${f.q}%`), eb('l.name', 'like', `%${f.q}%`)]));
  if (f.ids) q = q.where('g.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.isCurrent || f.state === 'current') q = q.where('g.ended_on', 'is', null);
  if (f.state === 'ended') q = q.where('g.ended_on', 'is not', null);
  if (f.teacherId)
    q = q.where((eb) =>
      eb.or([
        eb('g.lead_teacher_id', '=', f.teacherId!),
        eb.exists(
          eb
            .selectFrom('growth_expert_member as m')
            .select('m.team_id')
            .whereRef('m.team_id', '=', 'g.id')
            .where('m.teacher_id', '=', f.teacherId!),
        ),
      ]),
    );
  return q.select([
    'g.id',
    'g.name',
    'g.lead_teacher_id',
    'l.name as lead_name',
    'l.school_id as lead_school_id',
    'lv.name as lead_school_name',
    'l.subject as lead_subject',
    'g.paired_school_id',
    'v.name as school_name',
    'v.urban_rural_code',
    'g.pairing_reason',
    'g.weak_reason',
    'g.started_on',
    'g.ended_on',
    'g.focus',
    sql<number>`(select count(*) from growth_expert_member m where m.team_id = g.id)`.as('members'),
    sql<number>`(select count(*) from growth_team_visit x where x.team_id = g.id)`.as('visits'),
    sql<string | null>`(select max(x.visited_on)::text from growth_team_visit x where x.team_id = g.id)`.as('last_visit_on'),
  ]);
}
export type TeamRow = Awaited<ReturnType<typeof findTeams>>[number];

/** Teams matching the filter, by name. */
export function findTeams(db: Kysely<DB>, f: TeamFilter) {
  return teamBase(db, f).orderBy('g.name').execute();
}

/** One page of teams with the total. */
export async function findTeamPage(db: Kysely<DB>, f: TeamFilter, page: { offset: number; limit: number }) {
  const base = teamBase(db, f);
  const total = await db
    .selectFrom(base.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base.orderBy('g.name').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

/** Inserts a team with its members; returns its id. */
export async function insertTeam(db: Kysely<DB>, row: Insertable<DB['growth_expert_team']>, memberIds: readonly number[]): Promise<number> {
  const id = (await db.insertInto('growth_expert_team').values(row).returning('id').executeTakeFirstOrThrow()).id;
  if (memberIds.length)
    await db
      .insertInto('growth_expert_member')
      .values(memberIds.map((teacher_id) => ({ team_id: id, teacher_id })))
      .execute();
  return id;
}

/** Member teacher ids of a team (the lead is a member too). */
export async function findMemberIds(db: Kysely<DB>, teamId: number): Promise<number[]> {
  const rows = await db.selectFrom('growth_expert_member').select('teacher_id').where('team_id', '=', teamId).execute();
  return rows.map((r) => r.teacher_id);
}

/** Visits of a team, newest first. */
export function findVisits(db: Kysely<DB>, teamId: number) {
  return db
    .selectFrom('growth_team_visit')
    .selectAll()
    .where('team_id', '=', teamId)
    .orderBy('visited_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Inserts a visit; returns its id. */
export async function insertVisit(db: Kysely<DB>, row: Insertable<DB['growth_team_visit']>): Promise<number> {
  return (await db.insertInto('growth_team_visit').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Locks a team row for the rest of the transaction; returns its end date (null while current). */
export async function lockTeam(db: Kysely<DB>, teamId: number): Promise<string | null> {
  const r = await db.selectFrom('growth_expert_team').select('ended_on').where('id', '=', teamId).forUpdate().executeTakeFirstOrThrow();
  return r.ended_on;
}

/** Ends a pairing on a day. */
export async function endTeam(db: Kysely<DB>, teamId: number, endedOn: string): Promise<void> {
  await db.updateTable('growth_expert_team').set({ ended_on: endedOn }).where('id', '=', teamId).execute();
}
