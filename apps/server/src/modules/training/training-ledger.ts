/**
 * The hours ledger as other areas read it (ethics counts each teacher's yearly 师德 training, growth
 * shows hours): credited hours and seminars per teacher in a date range. The ledger holds only credited
 * hours — a session completion, an imported completion list row, or an outside training once approved —
 * so every row counts. No access checks here: callers scope the teacher ids they pass.
 */
import type { TrainingCategory } from '@zhiping/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Options of a ledger read. */
export interface LedgerRange {
  /** Only these teachers (all teachers when absent). */
  teacherIds?: readonly number[];
  /** First day, inclusive ('YYYY-MM-DD'). */
  from: string;
  /** Last day, inclusive ('YYYY-MM-DD'). */
  to: string;
  /** Only trainings of this category (e.g. 'ethics' for 师德师风). */
  category?: TrainingCategory;
}

function ledgerQuery(db: Kysely<DB>, opts: LedgerRange) {
  let q = db
    .selectFrom('training_credit as c')
    .where('c.completed_on', '>=', opts.from)
    .where('c.completed_on', '<=', opts.to)
    .groupBy('c.teacher_id');
  if (opts.teacherIds) q = q.where('c.teacher_id', '=', sql<number>`any(${sql.val([...opts.teacherIds])}::int[])`);
  if (opts.category) q = q.where('c.category', '=', opts.category);
  return q;
}

/**
 * Credited hours per teacher completed in [from, to]; teachers without hours are absent from the map.
 * SQL: `select teacher_id, sum(hours) from training_credit where completed_on between $from and $to
 * [and teacher_id = any($ids)] [and category = $c] group by teacher_id`.
 */
export async function trainingHoursByTeacher(db: Kysely<DB>, opts: LedgerRange): Promise<Map<number, number>> {
  if (opts.teacherIds && opts.teacherIds.length === 0) return new Map();
  const rows = await ledgerQuery(db, opts)
    .select(['c.teacher_id', sql<number>`sum(c.hours)`.as('hours')])
    .execute();
  return new Map(rows.map((r) => [r.teacher_id, Math.round(Number(r.hours) * 10) / 10]));
}

/** Seminars (高端研修研讨) completed per teacher in [from, to]; teachers without any are absent. */
export async function seminarCountByTeacher(db: Kysely<DB>, opts: LedgerRange): Promise<Map<number, number>> {
  if (opts.teacherIds && opts.teacherIds.length === 0) return new Map();
  const rows = await ledgerQuery(db, opts)
    .where('c.is_seminar', '=', true)
    .select(['c.teacher_id', sql<number>`count(*)::int`.as('n')])
    .execute();
  return new Map(rows.map((r) => [r.teacher_id, Number(r.n)]));
}
