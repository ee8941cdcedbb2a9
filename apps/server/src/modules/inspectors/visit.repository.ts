/** SQL of responsible inspectors' visit records (常规督导记录). */
import { sql, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Who sees which visits: everything (district), or visits at these schools or by this inspector. */
export type VisitScope = { kind: 'district' } | { kind: 'limited'; schoolIds: number[]; inspectorId: number | null };

/** Filters of the visit list. */
export interface VisitFilter {
  schoolId?: number | undefined;
  inspectorId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  ids?: number[] | undefined;
}

function visitBase(db: Kysely<DB>, scope: VisitScope, f: VisitFilter) {
  let q = db
    .selectFrom('inspector_visit as iv')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'iv.school_id').on('v.valid_to', 'is', null))
    .innerJoin('app_user as u', 'u.id', 'iv.inspector_id');
  if (scope.kind === 'limited') {
    const bySchool = scope.schoolIds.length > 0 ? sql<SqlBool>`iv.school_id in (${sql.join(scope.schoolIds)})` : sql<SqlBool>`false`;
    const byInspector = scope.inspectorId !== null ? sql<SqlBool>`iv.inspector_id = ${scope.inspectorId}` : sql<SqlBool>`false`;
    q = q.where(sql<SqlBool>`(${bySchool} or ${byInspector})`);
  }
  if (f.schoolId) q = q.where('iv.school_id', '=', f.schoolId);
  if (f.inspectorId) q = q.where('iv.inspector_id', '=', f.inspectorId);
  if (f.from) q = q.where('iv.visit_date', '>=', f.from);
  if (f.to) q = q.where('iv.visit_date', '<=', f.to);
  if (f.ids) q = q.where('iv.id', 'in', f.ids.length > 0 ? f.ids : [-1]);
  return q.select([
    'iv.id',
    'iv.school_id',
    'v.name as school_name',
    'iv.inspector_id',
    'u.display_name as inspector_name',
    'iv.visit_date',
    'iv.items',
    'iv.summary',
    'iv.follow_ups',
    'iv.problem_count',
    'iv.created_at',
    (eb) =>
      eb
        .selectFrom('rectification_item as r')
        .select(sql<number[]>`coalesce(array_agg(r.id order by r.id), '{}')`.as('ids'))
        .whereRef('r.visit_id', '=', 'iv.id')
        .as('rectification_ids'),
  ]);
}
export type VisitRow = Awaited<ReturnType<typeof findVisits>>[number];

/** Visits in scope, newest first. */
export function findVisits(db: Kysely<DB>, scope: VisitScope, f: VisitFilter) {
  return visitBase(db, scope, f).orderBy('iv.visit_date', 'desc').orderBy('iv.id', 'desc').execute();
}

/** A page of visits with the total. */
export async function findVisitPage(db: Kysely<DB>, scope: VisitScope, f: VisitFilter, page: { offset: number; limit: number }) {
  const base = visitBase(db, scope, f);
  const total = await db
    .selectFrom(base.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base.orderBy('iv.visit_date', 'desc').orderBy('iv.id', 'desc').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

/** Inserts a visit; returns its id. */
export async function insertVisit(db: Kysely<DB>, row: Insertable<DB['inspector_visit']>): Promise<number> {
  return (await db.insertInto('inspector_visit').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Inserts many visits at once (demo data); returns their ids in order. */
export async function insertVisits(db: Kysely<DB>, rows: Insertable<DB['inspector_visit']>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const r = await db
      .insertInto('inspector_visit')
      .values(rows.slice(i, i + 500))
      .returning('id')
      .execute();
    ids.push(...r.map((x) => x.id));
  }
  return ids;
}
