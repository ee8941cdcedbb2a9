/**
 * Inputs of the 优质均衡 item “教师5年360学时培训完成率” (teachers.training_completion_rate) from the ledger.
 *
 * 口径 (stated in the value's warnings): the rule flagged as the indicator basis (the national 5-year
 * 360-学时 rule, 教师〔2011〕1号); for indicator year Y, its latest cycle ended by 31 December of Y (2025 and
 * 2026 both judge 2021–2025); a year whose cycle has no ledger rows has no value (manual judgement). Denominator: active 专任教师 in
 * service during that cycle (requirements pro-rated for teachers who joined mid-cycle); numerator: those who
 * met the total and every sub-quota by the cycle's end. The roster is today's teacher records.
 */
import { latestEndedCycle } from '@zhiping/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { computeStandings, cycleLabel } from './compliance.service.ts';
import { resolveIndicatorRule } from './rule.service.ts';

/** Teachers in the cycle and those who completed it, per school, with the 口径 note. */
export interface TrainingCompletionInputs {
  bySchool: Map<number, { inCycle: number; completed: number }>;
  warnings: string[];
}

/** Loads the completion counts of an indicator year, or null when no basis rule or no ledger rows in its cycle. */
export async function loadTrainingCompletion(db: Kysely<DB>, year: number): Promise<TrainingCompletionInputs | null> {
  const yearEnd = `${year}-12-31`;
  const rule = await resolveIndicatorRule(db, yearEnd);
  if (!rule) return null;
  const cycle = latestEndedCycle(rule.spec, yearEnd);
  const any = await db
    .selectFrom('training_credit')
    .where('completed_on', '>=', cycle.start)
    .where('completed_on', '<=', cycle.end)
    .select('id')
    .limit(1)
    .executeTakeFirst();
  if (!any) return null;
  const asOf = cycle.end < yearEnd ? cycle.end : yearEnd;
  const standings = await computeStandings(db, { reach: { kind: 'all' }, rule, cycle, today: asOf });
  const bySchool = new Map<number, { inCycle: number; completed: number }>();
  for (const s of standings) {
    if (s.schoolId === null) continue;
    const c = bySchool.get(s.schoolId) ?? { inCycle: 0, completed: 0 };
    c.inCycle += 1;
    if (s.status === 'complete') c.completed += 1;
    bySchool.set(s.schoolId, c);
  }
  return {
    bySchool,
    warnings: [
      `口径：${rule.row.name}（${rule.row.document_number}），周期 ${cycleLabel(cycle)}${cycle.end > yearEnd ? '（周期未结束，截至年底）' : ''}；分母为周期内在岗的专任教师（周期中入职者按在岗天数折算要求），分子为周期内学时总量及分级要求均达标者；名单按当前教师档案`,
    ],
  };
}

/**
 * A cheap fingerprint of what the completion reads beyond the teacher tables: the ledger only grows (rows
 * are never updated or deleted), so its largest id changes with any new hours; rules are few.
 * SQL: `select (select max(id) from training_credit), (select count(*), sum(xmin) from training_rule)`.
 */
export async function trainingFingerprint(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ f: string }>`select concat_ws('.', (select max(id) from training_credit),
    (select count(*) from training_rule), (select coalesce(sum(xmin::text::bigint), 0) from training_rule)) as f`.execute(db);
  return r.rows[0]?.f ?? '';
}
