/**
 * Cycle compliance per teacher, school and district: the ledger's hours by level in the chosen cycle
 * are judged by the domain rules (pro-rating for mid-cycle joiners, sub-quotas, at-risk). Lists are
 * filtered and paged on the server; the same computation feeds the xlsx export, the cards and the
 * 优质均衡 indicator.
 */
import type {
  ComplianceCounts,
  ComplianceOverview,
  CompliancePage,
  ComplianceQuery,
  CycleView,
  RuleCycleRef,
  SchoolCompliance,
  TeacherStanding,
} from '@zhiping/contracts';
import {
  CYCLE_STATUS_LABELS,
  TRAINING_CATEGORIES,
  cycleContaining,
  cycleNumbered,
  evaluateCycle,
  evaluateSeminars,
  type TrainingCycle,
} from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import * as repo from './compliance.repository.ts';
import { resolveRule, type ResolvedRule } from './rule.service.ts';
import { readableTeachers, requireTrainingReader, trainingAccess, type TeacherReach } from './training.policy.ts';

/** Chinese label of a cycle ('2024–2026'). */
export function cycleLabel(c: TrainingCycle): string {
  const [ys, ye] = [c.start.slice(0, 4), c.end.slice(0, 4)];
  const plain = c.start.endsWith('-01-01') && c.end.endsWith('-12-31');
  return plain ? `${ys}–${ye}年` : `${c.start} 至 ${c.end}`;
}

const view = (c: TrainingCycle): CycleView => ({ ...c, label: cycleLabel(c) });

/** The cycle asked for (by its first day) or the one containing today; VALIDATION_FAILED for a day that starts no cycle. */
export function chooseCycle(rule: ResolvedRule, cycleStart: string | undefined, today: string): TrainingCycle {
  if (!cycleStart) return cycleContaining(rule.spec, today);
  const c = cycleContaining(rule.spec, cycleStart);
  if (c.start !== cycleStart) throw invalid('cycleStart', `${cycleStart} 不是该规则某一周期的起始日（应为如 ${c.start}）`);
  return c;
}

/** The rule and cycle reference shown with every result: the chosen cycle and the current and two previous ones. */
export function ruleCycleRef(rule: ResolvedRule, cycle: TrainingCycle, today: string): RuleCycleRef {
  const current = cycleContaining(rule.spec, today);
  const k0 = Math.round((Number(current.start.slice(0, 4)) - Number(rule.spec.cycleAnchor.slice(0, 4))) / rule.spec.cycleYears);
  const cycles = [0, -1, -2].map((d) => view(cycleNumbered(rule.spec, k0 + d)));
  return {
    ruleCode: rule.row.code,
    ruleName: rule.row.name,
    ruleVersion: rule.row.version,
    documentNumber: rule.row.document_number,
    requiredHours: rule.spec.requiredHours,
    cycleYears: rule.spec.cycleYears,
    seminarMinPerYear: rule.spec.seminarMinPerYear,
    cycle: view(cycle),
    cycles,
    asOf: today,
  };
}

/** The year whose seminars are shown with a cycle: this year while the cycle runs, else its last year. */
function seminarYearOf(cycle: TrainingCycle, today: string): number {
  return Number((today <= cycle.end ? today : cycle.end).slice(0, 4));
}

/** Standings of the teachers within reach (专任教师 in the cycle only). */
export async function computeStandings(
  db: Kysely<DB>,
  opts: {
    reach: TeacherReach;
    rule: ResolvedRule;
    cycle: TrainingCycle;
    today: string;
    schoolId?: number | undefined;
    teacherIds?: readonly number[];
  },
): Promise<TeacherStanding[]> {
  const year = seminarYearOf(opts.cycle, opts.today);
  const rows = await repo.findCycleTotals(db, {
    reach: opts.reach,
    cycleStart: opts.cycle.start,
    cycleEnd: opts.cycle.end,
    yearStart: `${year}-01-01`,
    yearEnd: `${year}-12-31`,
    schoolId: opts.schoolId,
    ...(opts.teacherIds ? { teacherIds: opts.teacherIds } : {}),
  });
  const out: TeacherStanding[] = [];
  for (const r of rows) {
    const hours = { national: r.national, city: r.city, district: r.district, school: r.school };
    const s = evaluateCycle({ rule: opts.rule.spec, cycle: opts.cycle, serviceStart: r.service_start, hours, asOf: opts.today });
    if (s.status === 'not_in_cycle') continue;
    const seminars = evaluateSeminars({ rule: opts.rule.spec, year, done: r.seminars, serviceStart: r.service_start, asOf: opts.today });
    out.push({
      teacherId: r.teacher_id,
      teacherName: r.teacher_name,
      idNumberMasked: r.id_number_masked,
      schoolId: r.school_id,
      schoolName: r.school_name,
      subject: r.subject,
      serviceStart: r.service_start,
      required: s.required,
      earned: s.earned,
      needed: s.needed,
      hoursByLevel: hours,
      quotas: s.quotas.map((q) => ({ label: q.label, required: q.required, earned: q.earned, shortfall: q.shortfall })),
      status: s.status,
      statusLabel: CYCLE_STATUS_LABELS[s.status],
      daysLeft: s.daysLeft,
      neededPerYear: s.neededPerYear,
      seminarsThisYear: seminars.done,
      seminarsRequired: seminars.required,
    });
  }
  return out;
}

/** Counts over standings. */
export function countStandings(list: readonly TeacherStanding[]): ComplianceCounts {
  const c = { teachers: list.length, complete: 0, onTrack: 0, atRisk: 0, incomplete: 0, seminarMet: 0, hours: 0 };
  for (const s of list) {
    if (s.status === 'complete') c.complete += 1;
    else if (s.status === 'on_track') c.onTrack += 1;
    else if (s.status === 'at_risk') c.atRisk += 1;
    else c.incomplete += 1;
    if (s.seminarsThisYear >= s.seminarsRequired) c.seminarMet += 1;
    c.hours += s.earned;
  }
  return { ...c, hours: Math.round(c.hours * 10) / 10, completionRate: c.teachers ? c.complete / c.teachers : null };
}

const STATUS_ORDER = { at_risk: 0, incomplete: 1, on_track: 2, complete: 3 } as const;

const COLLATOR = new Intl.Collator('zh');

/** Orders standings: at risk first, then unfinished, by hours still needed; then school and name. */
export function sortStandings(list: TeacherStanding[]): TeacherStanding[] {
  return list.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      b.needed - a.needed ||
      (a.schoolId ?? 0) - (b.schoolId ?? 0) ||
      COLLATOR.compare(a.teacherName, b.teacherName) ||
      a.teacherId - b.teacherId,
  );
}

/** The filtered standings and reference of a compliance query (no paging). */
export async function queryStandings(ctx: ServiceContext, query: Omit<ComplianceQuery, 'page' | 'pageSize'>) {
  const access = trainingAccess(ctx.actor);
  requireTrainingReader(access);
  const today = ctx.clock.today();
  const rule = await resolveRule(ctx.db, query.rule, today);
  const cycle = chooseCycle(rule, query.cycleStart, today);
  const all = await computeStandings(ctx.db, { reach: readableTeachers(access), rule, cycle, today, schoolId: query.schoolId });
  const q = query.q?.trim();
  const filtered = all.filter(
    (s) =>
      (!query.status || s.status === query.status) &&
      (query.seminarShort !== 'true' || s.seminarsThisYear < s.seminarsRequired) &&
      (!q || s.teacherName.includes(q) || (s.schoolName ?? '').includes(q)),
  );
  return { ref: ruleCycleRef(rule, cycle, today), counts: countStandings(all), items: sortStandings(filtered) };
}

/** One page of the compliance list with the counts of everything the filters (but status) select. */
export async function getCompliancePage(ctx: ServiceContext, query: ComplianceQuery): Promise<CompliancePage> {
  const { ref, counts, items } = await queryStandings(ctx, query);
  const offset = (query.page - 1) * query.pageSize;
  return {
    ref,
    counts,
    items: items.slice(offset, offset + query.pageSize),
    total: items.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** District (or school) overview: counts, each school's counts, hours by level and category, pending approvals. */
export async function getComplianceOverview(
  ctx: ServiceContext,
  query: { rule?: string | undefined; cycleStart?: string | undefined; schoolId?: number | undefined },
): Promise<ComplianceOverview> {
  const access = trainingAccess(ctx.actor);
  requireTrainingReader(access);
  const reach = readableTeachers(access);
  const today = ctx.clock.today();
  const rule = await resolveRule(ctx.db, query.rule, today);
  const cycle = chooseCycle(rule, query.cycleStart, today);
  const [all, byCategory, pendingOutside] = await Promise.all([
    computeStandings(ctx.db, { reach, rule, cycle, today, schoolId: query.schoolId }),
    repo.findHoursByCategory(ctx.db, { reach, from: cycle.start, to: cycle.end, schoolId: query.schoolId }),
    repo.countPendingOutside(ctx.db, reach, query.schoolId),
  ]);
  const bySchool = new Map<number, TeacherStanding[]>();
  for (const s of all) {
    if (s.schoolId === null) continue;
    const list = bySchool.get(s.schoolId) ?? [];
    list.push(s);
    bySchool.set(s.schoolId, list);
  }
  const schools: SchoolCompliance[] = [...bySchool.entries()]
    .map(([schoolId, list]) => ({ schoolId, schoolName: list[0]!.schoolName ?? '', ...countStandings(list) }))
    .sort(
      (a, b) => (a.completionRate ?? 1) - (b.completionRate ?? 1) || b.atRisk - a.atRisk || COLLATOR.compare(a.schoolName, b.schoolName),
    );
  const hoursByLevel = { national: 0, city: 0, district: 0, school: 0 };
  for (const s of all) for (const l of Object.keys(hoursByLevel) as (keyof typeof hoursByLevel)[]) hoursByLevel[l] += s.hoursByLevel[l];
  for (const l of Object.keys(hoursByLevel) as (keyof typeof hoursByLevel)[]) hoursByLevel[l] = Math.round(hoursByLevel[l] * 10) / 10;
  return {
    ref: ruleCycleRef(rule, cycle, today),
    counts: countStandings(all),
    schools,
    hoursByLevel,
    hoursByCategory: byCategory
      .filter((c) => (TRAINING_CATEGORIES as readonly string[]).includes(c.category))
      .map((c) => ({ category: c.category as (typeof TRAINING_CATEGORIES)[number], hours: c.hours })),
    pendingOutside,
  };
}
