/**
 * Coverage of 集团化办学, 教共体 and 学区 (standards.md §3: no national formula). The basis (schools or
 * students), the stages and whether only public schools count are configuration; memberships are
 * dated and evaluated on one date, so a past year's figure can always be reproduced.
 */
import type { Sponsor } from '../codes/enums.ts';
import { findSchoolType } from '../codes/school-types.ts';
import { STAGE_LABELS, type Stage } from '../codes/stages.ts';
import { computeRatioIndicator } from './compute.ts';
import type { EvaluationContext, IndicatorScope, IndicatorValue } from './types.ts';

/** The kind of organisation a coverage rate is about. */
export type CoverageKind = 'group' | 'community' | 'school_district';

const CODES: Record<CoverageKind, string> = {
  group: 'organisation.group_coverage',
  community: 'organisation.community_coverage',
  school_district: 'organisation.school_district_coverage',
};

/** One school's membership of a group, 教共体 or 学区 (core and member schools alike). */
export interface Membership {
  schoolId: string;
  kind: CoverageKind;
  /** The group, 教共体 or 学区. */
  unitId: string;
  /** First day of membership. */
  joinedOn: string;
  /** First day the school is no longer a member; null while it still is. */
  leftOn: string | null;
}

/** A school as the coverage rates see it. */
export interface CoverageSchool {
  schoolId: string;
  typeCode: string;
  sponsor: Sponsor;
  students: Partial<Record<Stage, number>>;
}

/** What the rate counts. */
export interface CoverageOptions {
  /** 'schools': count schools; 'students': count their students. */
  basis: 'schools' | 'students';
  /** Stages counted (a school counts when it covers one of them; students only of these stages); null = all. */
  stages: readonly Stage[] | null;
  /** Count public schools only. */
  publicOnly: boolean;
}

/** Defaults: groups and 教共体 over all schools by number; 学区 over public schools by number. */
export const DEFAULT_COVERAGE_OPTIONS: Readonly<Record<CoverageKind, CoverageOptions>> = {
  group: { basis: 'schools', stages: null, publicOnly: false },
  community: { basis: 'schools', stages: null, publicOnly: false },
  school_district: { basis: 'schools', stages: null, publicOnly: true },
};

/** True when a membership holds on the date (joinedOn ≤ date < leftOn). */
export function isMemberOn(m: Pick<Membership, 'joinedOn' | 'leftOn'>, asOf: string): boolean {
  return m.joinedOn <= asOf && (m.leftOn === null || asOf < m.leftOn);
}

/** Coverage of one kind of organisation on context.asOf, under the given counting options. */
export function computeCoverage(input: {
  kind: CoverageKind;
  schools: readonly CoverageSchool[];
  memberships: readonly Membership[];
  options?: CoverageOptions;
  scope: IndicatorScope;
  context: EvaluationContext;
}): IndicatorValue {
  const options = input.options ?? DEFAULT_COVERAGE_OPTIONS[input.kind];
  const { stages } = options;
  const counted = input.schools.filter((s) => {
    if (options.publicOnly && s.sponsor !== 'public') return false;
    if (stages === null) return true;
    return (findSchoolType(s.typeCode)?.stages ?? []).some((st) => stages.includes(st));
  });
  const members = new Set(
    input.memberships.filter((m) => m.kind === input.kind && isMemberOn(m, input.context.asOf)).map((m) => m.schoolId),
  );
  const weight = (s: CoverageSchool) => {
    if (options.basis === 'schools') return 1;
    return Object.entries(s.students).reduce((sum, [st, n]) => (stages === null || stages.includes(st as Stage) ? sum + (n ?? 0) : sum), 0);
  };
  const basisNote = `口径：按${options.basis === 'schools' ? '学校数' : '在校生数'}${options.publicOnly ? '（仅公办）' : ''}${stages ? `，学段 ${stages.map((st) => STAGE_LABELS[st]).join('/')}` : ''}`;
  return computeRatioIndicator({
    code: CODES[input.kind],
    numerator: counted.filter((s) => members.has(s.schoolId)).reduce((sum, s) => sum + weight(s), 0),
    denominator: counted.reduce((sum, s) => sum + weight(s), 0),
    scope: input.scope,
    context: input.context,
    warnings: [basisNote],
  });
}
