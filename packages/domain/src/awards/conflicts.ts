/**
 * Conflict of interest (回避) between a reviewer and an application: a reviewer never reviews an
 * application from a school they work at now, from a school they worked at within the lookback period
 * (per teacher_assignment history, rotations included), or one they are an author or team member of.
 * An application's schools are the schools of all its members (lead and team).
 */

/** What the rule needs to know about a reviewer. */
export interface ReviewerProfile {
  id: number;
  /** The reviewer's teacher record, when they are a teacher. */
  teacherId: number | null;
  currentSchoolId: number | null;
  /** Schools worked at, with the last day there (null: still there). */
  pastSchools: readonly { schoolId: number; until: string | null }[];
}

/** What the rule needs to know about an application. */
export interface ApplicationProfile {
  id: number;
  memberTeacherIds: readonly number[];
  schoolIds: readonly number[];
}

/** The avoidance rule's parameters. */
export interface AwardConflictRules {
  /** The day of the assignment (ISO). */
  asOf: string;
  lookbackYears: number;
}

/** The same calendar day `years` earlier (29 February falls back to 28 February). */
function yearsBefore(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y - years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The reason (Chinese) a reviewer must not review an application, or null. */
export function checkAwardConflict(reviewer: ReviewerProfile, app: ApplicationProfile, rules: AwardConflictRules): string | null {
  if (reviewer.teacherId !== null && app.memberTeacherIds.includes(reviewer.teacherId)) return '评审专家是该成果的完成人，须回避';
  if (reviewer.currentSchoolId !== null && app.schoolIds.includes(reviewer.currentSchoolId)) return '评审专家现任职于申报学校，须回避';
  const cutoff = yearsBefore(rules.asOf, rules.lookbackYears);
  const past = reviewer.pastSchools.find((p) => app.schoolIds.includes(p.schoolId) && (p.until === null || p.until >= cutoff));
  if (past)
    return past.until === null
      ? '评审专家在申报学校任职（含交流轮岗），须回避'
      : `评审专家曾在申报学校任职至 ${past.until}，未满 ${rules.lookbackYears} 年，须回避`;
  return null;
}
