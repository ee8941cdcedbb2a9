/**
 * SQL of score sheets: one row per evaluation, sheet (inspector_id; NULL for the school's self-
 * evaluation) and check point, with a revision that grows on every change so offline clients can
 * detect conflicts; the lead inspector's overrides; evidence counts.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** A stored score row. */
export interface ScoreRow {
  evaluation_id: number;
  inspector_id: number | null;
  code: string;
  input: unknown;
  points: number | null;
  note: string;
  revision: number;
  updated_by_name: string;
  updated_at: Date;
}

const SCORE_COLUMNS = [
  'evaluation_id',
  'inspector_id',
  'code',
  'input',
  'points',
  'note',
  'revision',
  'updated_by_name',
  'updated_at',
] as const;

/** The scores of one sheet (inspectorId null: the self-evaluation). */
export function findSheetScores(db: Kysely<DB>, evaluationId: number, inspectorId: number | null): Promise<ScoreRow[]> {
  let q = db.selectFrom('evaluation_score').select(SCORE_COLUMNS).where('evaluation_id', '=', evaluationId);
  q = inspectorId === null ? q.where('inspector_id', 'is', null) : q.where('inspector_id', '=', inspectorId);
  return q.orderBy('code').execute();
}

/** Locks and returns the rows of some codes of a sheet (FOR UPDATE). */
export async function lockSheetScores(
  db: Kysely<DB>,
  evaluationId: number,
  inspectorId: number | null,
  codes: string[],
): Promise<Map<string, ScoreRow>> {
  if (codes.length === 0) return new Map();
  let q = db.selectFrom('evaluation_score').select(SCORE_COLUMNS).where('evaluation_id', '=', evaluationId).where('code', 'in', codes);
  q = inspectorId === null ? q.where('inspector_id', 'is', null) : q.where('inspector_id', '=', inspectorId);
  const rows = await q.forUpdate().execute();
  return new Map(rows.map((r) => [r.code, r]));
}

/** What a write stores. */
export interface ScoreWrite {
  input: unknown;
  points: number | null;
  note: string;
  by: { id: number | null; name: string };
  at: Date;
}

/** Inserts the first revision of a score unless a concurrent writer got there first; true when inserted. */
export async function insertScore(
  db: Kysely<DB>,
  evaluationId: number,
  inspectorId: number | null,
  code: string,
  w: ScoreWrite,
): Promise<boolean> {
  const r = await db
    .insertInto('evaluation_score')
    .values({
      evaluation_id: evaluationId,
      inspector_id: inspectorId,
      code,
      input: w.input === null ? null : JSON.stringify(w.input),
      points: w.points,
      note: w.note,
      revision: 1,
      updated_by: w.by.id,
      updated_by_name: w.by.name,
      updated_at: w.at,
    })
    .onConflict((oc) => oc.constraint('evaluation_score_key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Writes the next revision if the row is still at `revision`; true when written. */
export async function updateScore(
  db: Kysely<DB>,
  evaluationId: number,
  inspectorId: number | null,
  code: string,
  revision: number,
  w: ScoreWrite,
): Promise<boolean> {
  let q = db
    .updateTable('evaluation_score')
    .set({
      input: w.input === null ? null : JSON.stringify(w.input),
      points: w.points,
      note: w.note,
      revision: revision + 1,
      updated_by: w.by.id,
      updated_by_name: w.by.name,
      updated_at: w.at,
    })
    .where('evaluation_id', '=', evaluationId)
    .where('code', '=', code)
    .where('revision', '=', revision);
  q = inspectorId === null ? q.where('inspector_id', 'is', null) : q.where('inspector_id', '=', inspectorId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** What consolidation reads of a score. */
export type TeamScoreRow = Pick<ScoreRow, 'evaluation_id' | 'inspector_id' | 'code' | 'input' | 'note'>;

/** The scores of the current team members (not the self-evaluation) of many evaluations: only what consolidation reads. */
export function findTeamScores(db: Kysely<DB>, evaluationIds: number[]): Promise<TeamScoreRow[]> {
  if (evaluationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('evaluation_score as s')
    .innerJoin('evaluation_assignment as a', (j) =>
      j.onRef('a.evaluation_id', '=', 's.evaluation_id').onRef('a.inspector_id', '=', 's.inspector_id'),
    )
    .select(['s.evaluation_id', 's.inspector_id', 's.code', 's.input', 's.note'])
    .where('s.evaluation_id', 'in', evaluationIds)
    .where('s.input', 'is not', null)
    .execute();
}

/** Evidence files per check point of an evaluation. */
export async function countEvidence(db: Kysely<DB>, evaluationId: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('evaluation_evidence')
    .select(['code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('evaluation_id', '=', evaluationId)
    .where('code', 'is not', null)
    .groupBy('code')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.code!, Number(r.n)]));
}

/** Evidence counts per check point of many evaluations. */
export async function countEvidenceOf(db: Kysely<DB>, evaluationIds: number[]): Promise<Map<number, Record<string, number>>> {
  const out = new Map<number, Record<string, number>>();
  if (evaluationIds.length === 0) return out;
  const rows = await db
    .selectFrom('evaluation_evidence')
    .select(['evaluation_id', 'code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('evaluation_id', 'in', evaluationIds)
    .where('code', 'is not', null)
    .groupBy(['evaluation_id', 'code'])
    .execute();
  for (const r of rows) out.set(r.evaluation_id!, { ...(out.get(r.evaluation_id!) ?? {}), [r.code!]: Number(r.n) });
  return out;
}

/** A stored override row. */
export interface OverrideRow {
  evaluation_id: number;
  code: string;
  input: unknown;
  note: string;
  reason: string;
  decided_by_name: string;
  decided_at: Date;
}

/** The lead's overrides of many evaluations. */
export function findOverrides(db: Kysely<DB>, evaluationIds: number[]): Promise<OverrideRow[]> {
  if (evaluationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('evaluation_override')
    .select(['evaluation_id', 'code', 'input', 'note', 'reason', 'decided_by_name', 'decided_at'])
    .where('evaluation_id', 'in', evaluationIds)
    .execute();
}

/** Stores (or replaces) an override. */
export async function upsertOverride(
  db: Kysely<DB>,
  o: {
    evaluationId: number;
    code: string;
    input: unknown;
    note: string;
    reason: string;
    by: { id: number | null; name: string };
    at: Date;
  },
): Promise<void> {
  const values = {
    input: JSON.stringify(o.input),
    note: o.note,
    reason: o.reason,
    decided_by: o.by.id,
    decided_by_name: o.by.name,
    decided_at: o.at,
  };
  await db
    .insertInto('evaluation_override')
    .values({ evaluation_id: o.evaluationId, code: o.code, ...values })
    .onConflict((oc) => oc.columns(['evaluation_id', 'code']).doUpdateSet(values))
    .execute();
}

/** Removes an override; true when one existed. */
export async function deleteOverride(db: Kysely<DB>, evaluationId: number, code: string): Promise<boolean> {
  const r = await db
    .deleteFrom('evaluation_override')
    .where('evaluation_id', '=', evaluationId)
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Scored (non-cleared) check points per sheet of an evaluation: inspector id (null = self) → count. */
export async function countScoredPerSheet(db: Kysely<DB>, evaluationId: number): Promise<Map<number | null, number>> {
  const rows = await db
    .selectFrom('evaluation_score')
    .select(['inspector_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('evaluation_id', '=', evaluationId)
    .where('input', 'is not', null)
    .groupBy('inspector_id')
    .execute();
  return new Map(rows.map((r) => [r.inspector_id, Number(r.n)]));
}

/** Inserts many first-revision scores at once, one statement per 5,000 rows over column arrays (demo data and benchmarks). */
export async function insertScoreRows(
  db: Kysely<DB>,
  rows: {
    evaluationId: number;
    inspectorId: number | null;
    code: string;
    input: unknown;
    points: number | null;
    note: string;
    byName: string;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const b = rows.slice(i, i + 5000);
    await sql`insert into evaluation_score (evaluation_id, inspector_id, code, input, points, note, updated_by_name)
      select * from unnest(${b.map((r) => r.evaluationId)}::int[], ${b.map((r) => r.inspectorId)}::int[], ${b.map((r) => r.code)}::text[],
        ${b.map((r) => JSON.stringify(r.input))}::jsonb[], ${b.map((r) => r.points)}::numeric[], ${b.map((r) => r.note)}::text[],
        ${b.map((r) => r.byName)}::text[])`.execute(db);
  }
}

/** The self-evaluation scores of many evaluations. */
export function findSelfScores(db: Kysely<DB>, evaluationIds: number[]): Promise<ScoreRow[]> {
  if (evaluationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('evaluation_score')
    .select(SCORE_COLUMNS)
    .where('evaluation_id', 'in', evaluationIds)
    .where('inspector_id', 'is', null)
    .execute();
}
