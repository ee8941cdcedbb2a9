/**
 * Penalty and disqualification periods. A period runs from its first day (the decision's effective date)
 * for N calendar months: its last day is the day before the same day-of-month N months later; when that
 * month is shorter, the period ends on that month's last day. 开除 has no end. An appeal can uphold,
 * change (the period is recomputed from the same first day) or revoke a decision.
 */
import { isLeapYear } from '../people/id-number.ts';
import { penaltyRule, type EthicsRules, type PenaltyCode, type RestrictionPurpose, RESTRICTION_PURPOSES } from './rules.ts';

/** A period; `to` is inclusive, null = indefinite. */
export interface Period {
  from: string;
  to: string | null;
}

function parse(date: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days in a month (1-12). */
export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Adds whole months, clamping to the target month's last day ('2026-01-31' + 1 → '2026-02-28'). */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parse(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return format(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Adds calendar days. */
export function addDays(date: string, days: number): string {
  const { y, m, d } = parse(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / 86_400_000);
}

/** The last day (inclusive) of a period of `months` months starting on `from`. */
export function periodEnd(from: string, months: number): string {
  if (!Number.isInteger(months) || months < 1) throw new Error(`months must be a positive integer, got ${months}`);
  const { y, m, d } = parse(from);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  if (d === 1) return addDays(format(ty, tm, 1), -1);
  return format(ty, tm, Math.min(d - 1, daysInMonth(ty, tm)));
}

/** The period of a penalty decided with effect from `from` (开除: indefinite). */
export function penaltyPeriod(rules: EthicsRules, penalty: PenaltyCode, from: string): Period {
  const rule = penaltyRule(rules, penalty);
  return { from, to: rule.months === null ? null : periodEnd(from, rule.months) };
}

/** Whether a date falls within a period. */
export function isWithinPeriod(period: Period, date: string): boolean {
  return period.from <= date && (period.to === null || date <= period.to);
}

/** A restriction a decision imposes (written to the restriction table). */
export interface RestrictionDraft {
  kind: 'penalty' | 'disqualification';
  /** Base label without dates, e.g. '记过处分'. */
  label: string;
  purposes: RestrictionPurpose[];
  period: Period;
}

/** What a decision says, for computing its restrictions. */
export interface DecisionTerms {
  outcome: 'no_violation' | 'other_measures' | 'penalty';
  penalty?: PenaltyCode | null;
  /** Disqualification period in months; null/undefined = none. */
  disqualificationMonths?: number | null;
  /** The effective date (first day). */
  effectiveOn: string;
}

/** The restrictions a decision imposes: the 处分期 (blocking every purpose) and any disqualification period. */
export function restrictionsForDecision(rules: EthicsRules, terms: DecisionTerms): RestrictionDraft[] {
  if (terms.outcome === 'no_violation') return [];
  const drafts: RestrictionDraft[] = [];
  if (terms.outcome === 'penalty') {
    if (!terms.penalty) throw new Error('a penalty decision names its penalty');
    const rule = penaltyRule(rules, terms.penalty);
    drafts.push({
      kind: 'penalty',
      label: `${rule.label}处分`,
      purposes: [...RESTRICTION_PURPOSES],
      period: penaltyPeriod(rules, terms.penalty, terms.effectiveOn),
    });
  }
  if (terms.disqualificationMonths) {
    drafts.push({
      kind: 'disqualification',
      label: `取消评奖评优等资格${terms.disqualificationMonths}个月`,
      purposes: [...RESTRICTION_PURPOSES],
      period: { from: terms.effectiveOn, to: periodEnd(terms.effectiveOn, terms.disqualificationMonths) },
    });
  }
  return drafts;
}

/** The label shown to other areas: base label with the period, e.g. '记过处分（2026-03-01 至 2027-02-28）'. */
export function restrictionLabel(label: string, period: Period): string {
  return period.to === null ? `${label}（${period.from} 起）` : `${label}（${period.from} 至 ${period.to}）`;
}

/** An appeal's outcome. */
export type AppealOutcome =
  | { kind: 'upheld' }
  | { kind: 'revoked' }
  | { kind: 'changed'; outcome: DecisionTerms['outcome']; penalty?: PenaltyCode | null; disqualificationMonths?: number | null };

/** A stored restriction as the appeal sees it. */
export interface ExistingRestriction {
  id: number;
  kind: 'penalty' | 'disqualification';
  period: Period;
}

/** The changes an appeal makes to a case's restrictions. */
export interface AppealChanges {
  revoke: number[];
  /** New end (inclusive, null = indefinite) and label per kept restriction. */
  update: { id: number; label: string; to: string | null }[];
  /** Restrictions the changed decision adds (e.g. a disqualification the original did not have). */
  add: RestrictionDraft[];
}

/**
 * Applies an appeal to the restrictions of a decision: upheld keeps them, revoked revokes them all, and a
 * changed decision recomputes each kind from the original first day (a kind the new decision no longer
 * has is revoked; one it newly has is added).
 */
export function applyAppeal(
  rules: EthicsRules,
  existing: readonly ExistingRestriction[],
  effectiveOn: string,
  appeal: AppealOutcome,
): AppealChanges {
  const changes: AppealChanges = { revoke: [], update: [], add: [] };
  if (appeal.kind === 'upheld') return changes;
  if (appeal.kind === 'revoked') {
    changes.revoke = existing.map((r) => r.id);
    return changes;
  }
  const wanted = restrictionsForDecision(rules, {
    outcome: appeal.outcome,
    penalty: appeal.penalty ?? null,
    disqualificationMonths: appeal.disqualificationMonths ?? null,
    effectiveOn,
  });
  for (const kind of ['penalty', 'disqualification'] as const) {
    const have = existing.filter((r) => r.kind === kind);
    const want = wanted.find((w) => w.kind === kind);
    if (!want) {
      changes.revoke.push(...have.map((r) => r.id));
      continue;
    }
    const [first, ...rest] = have;
    if (first) changes.update.push({ id: first.id, label: want.label, to: want.period.to });
    else changes.add.push(want);
    changes.revoke.push(...rest.map((r) => r.id));
  }
  return changes;
}
