/**
 * Cycle compliance of one teacher against a training rule: hours earned in the cycle against the
 * (pro-rated) requirement and each sub-quota by level, the hours still needed, and whether the teacher
 * is at risk of missing the cycle. Seminars: the yearly count against the rule's minimum.
 *
 * At risk (预警) = the cycle is still running, hours are still needed, and either the deadline is within
 * the rule's warning window, or the hours still needed per remaining year exceed the rule's pace factor
 * times the cycle's average yearly requirement (e.g. 240/3 → 80 a year; at 1.5 a teacher needing more
 * than 120 a year for the time left is flagged).
 */
import { TRAINING_LEVELS, type TrainingLevel } from './codes.ts';
import {
  addDays,
  addMonths,
  cycleContaining,
  cycleDays,
  daysBetween,
  proratedHours,
  servedShare,
  type CycleLayout,
  type TrainingCycle,
} from './cycle.ts';

/** A sub-quota: at least minHours at any of these levels (e.g. 市级及以上 ≥ 24). */
export interface TrainingSubQuota {
  label: string;
  levels: TrainingLevel[];
  minHours: number;
}

/** A training rule version as the engine needs it. */
export interface TrainingRuleSpec extends CycleLayout {
  requiredHours: number;
  subQuotas: readonly TrainingSubQuota[];
  seminarMinPerYear: number;
  /** Months before the cycle's end from which any shortfall is flagged. */
  warningMonths: number;
  /** Multiple of the average yearly requirement above which the yearly hours still needed flag a teacher. */
  riskPaceFactor: number;
  /** Whether a teacher joining mid-cycle owes only the share of the cycle they serve. */
  isProrated: boolean;
}

/** Hours at each level. */
export type HoursByLevel = Record<TrainingLevel, number>;

/** Zero hours at every level. */
export function emptyHours(): HoursByLevel {
  return { national: 0, city: 0, district: 0, school: 0 };
}

/** Total of hours by level. */
export function totalHours(h: HoursByLevel): number {
  return roundHours(TRAINING_LEVELS.reduce((s, l) => s + h[l], 0));
}

/** Hours to one decimal (the ledger's precision). */
export function roundHours(n: number): number {
  return Math.round(n * 10) / 10;
}

export type CycleStatus = 'complete' | 'on_track' | 'at_risk' | 'incomplete' | 'not_in_cycle';

export const CYCLE_STATUS_LABELS: Record<CycleStatus, string> = {
  complete: '已完成',
  on_track: '进行中',
  at_risk: '预警',
  incomplete: '未完成（周期已结束）',
  not_in_cycle: '不在本周期',
};

/** One sub-quota's standing. */
export interface QuotaStanding {
  label: string;
  levels: TrainingLevel[];
  required: number;
  earned: number;
  shortfall: number;
}

/** A teacher's standing in one cycle. */
export interface CycleStanding {
  cycle: TrainingCycle;
  /** Share of the cycle the teacher owes (1 unless they joined mid-cycle under a pro-rated rule). */
  share: number;
  required: number;
  earned: number;
  /** Hours still needed for the total, and the larger of that and the sum of sub-quota shortfalls. */
  needed: number;
  quotas: QuotaStanding[];
  status: CycleStatus;
  /** Days from the day evaluated to the cycle's end (0 on the last day, negative after it). */
  daysLeft: number;
  /** Hours still needed per remaining year (null when nothing is needed or the cycle is over). */
  neededPerYear: number | null;
}

/** Input of one teacher's evaluation. */
export interface CycleInput {
  rule: TrainingRuleSpec;
  cycle: TrainingCycle;
  /** First day of service in the district (null: unknown, treated as from the cycle's start). */
  serviceStart: string | null;
  /** Hours credited in the cycle, by level. */
  hours: HoursByLevel;
  /** The day the standing is judged on. */
  asOf: string;
}

/** Judges a teacher's cycle: requirement (pro-rated), sub-quotas, hours still needed, status. */
export function evaluateCycle(input: CycleInput): CycleStanding {
  const { rule, cycle, asOf } = input;
  const share = servedShare(cycle, input.serviceStart, rule.isProrated);
  const required = proratedHours(rule.requiredHours, share);
  const earned = totalHours(input.hours);
  const quotas = rule.subQuotas.map((q) => {
    const qEarned = roundHours(q.levels.reduce((s, l) => s + input.hours[l], 0));
    const qRequired = proratedHours(q.minHours, share);
    return {
      label: q.label,
      levels: [...q.levels],
      required: qRequired,
      earned: qEarned,
      shortfall: roundHours(Math.max(0, qRequired - qEarned)),
    };
  });
  const totalShortfall = roundHours(Math.max(0, required - earned));
  const needed = Math.max(totalShortfall, roundHours(quotas.reduce((s, q) => s + q.shortfall, 0)));
  const daysLeft = daysBetween(asOf, cycle.end);
  const base = { cycle, share, required, earned, needed, quotas, daysLeft };
  if (share === 0) return { ...base, status: 'not_in_cycle', neededPerYear: null };
  if (needed === 0) return { ...base, status: 'complete', neededPerYear: null };
  if (daysLeft < 0) return { ...base, status: 'incomplete', neededPerYear: null };
  const yearsLeft = (daysLeft + 1) / 365.25;
  const neededPerYear = roundHours(needed / yearsLeft);
  const isInWarningWindow = addMonths(addDays(cycle.end, 1), -rule.warningMonths) <= asOf;
  const averagePerYear = (required / Math.max(share * cycleDays(cycle), 1)) * 365.25;
  const isBehindPace = neededPerYear > rule.riskPaceFactor * averagePerYear;
  return { ...base, status: isInWarningWindow || isBehindPace ? 'at_risk' : 'on_track', neededPerYear };
}

/** The cycle a rule puts a day in. */
export function currentCycle(rule: CycleLayout, asOf: string): TrainingCycle {
  return cycleContaining(rule, asOf);
}

/** Seminars of one year against the rule's minimum (pro-rated by the days served that year). */
export interface SeminarStanding {
  year: number;
  required: number;
  done: number;
  shortfall: number;
  /** The year has ended (a shortfall is final). */
  isYearOver: boolean;
}

/** Judges a year's seminars. */
export function evaluateSeminars(input: {
  rule: Pick<TrainingRuleSpec, 'seminarMinPerYear' | 'isProrated'>;
  year: number;
  done: number;
  serviceStart: string | null;
  asOf: string;
}): SeminarStanding {
  const year = { start: `${input.year}-01-01`, end: `${input.year}-12-31` };
  const share = servedShare(year, input.serviceStart, input.rule.isProrated);
  const required = proratedHours(input.rule.seminarMinPerYear, share);
  return {
    year: input.year,
    required,
    done: input.done,
    shortfall: Math.max(0, required - input.done),
    isYearOver: input.asOf > year.end,
  };
}

/** Counts of statuses over many standings (teachers not in the cycle are left out). */
export interface ComplianceSummary {
  teachers: number;
  complete: number;
  onTrack: number;
  atRisk: number;
  incomplete: number;
  /** complete ÷ teachers, 0–1 (null with no teachers). */
  completionRate: number | null;
}

/** Summarises standings. */
export function summarizeStandings(standings: readonly Pick<CycleStanding, 'status'>[]): ComplianceSummary {
  const s = { teachers: 0, complete: 0, onTrack: 0, atRisk: 0, incomplete: 0 };
  for (const x of standings) {
    if (x.status === 'not_in_cycle') continue;
    s.teachers += 1;
    if (x.status === 'complete') s.complete += 1;
    else if (x.status === 'on_track') s.onTrack += 1;
    else if (x.status === 'at_risk') s.atRisk += 1;
    else s.incomplete += 1;
  }
  return { ...s, completionRate: s.teachers ? s.complete / s.teachers : null };
}
