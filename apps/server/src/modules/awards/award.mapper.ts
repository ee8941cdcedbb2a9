/** Award rows → API shapes (contracts). */
import type { AwardApplicationSummary, AwardCallSummary, AwardObjection } from '@zhiping/contracts';
import {
  AWARD_APPLICATION_STATUS_LABELS,
  AWARD_CALL_WORKFLOW,
  AWARD_GRADE_LABELS,
  CITY_RESULT_LABELS,
  roundScore,
  type AwardApplicationStatus,
  type AwardCallState,
  type AwardGrade,
  type CityResult,
} from '@zhiping/domain';
import type { ApplicationRow, CallRow, findObjections } from './award.repository.ts';

/** States from which schools and teachers see results (score, rank, grade). */
const RESULT_PUBLIC_STATES = new Set(['publicity', 'final', 'recommended', 'concluded']);

/** Whether results of a round in this state are public. */
export function isResultPublic(state: string): boolean {
  return RESULT_PUBLIC_STATES.has(state);
}

const EMPTY_COUNTS = {
  applications: 0,
  submitted: 0,
  accepted: 0,
  returned: 0,
  awarded: 0,
  recommended: 0,
  cityAwarded: 0,
  cityRecorded: 0,
};

/** A round row with its counts. */
export function toCallSummary(r: CallRow, counts: Record<string, number> | undefined): AwardCallSummary {
  return {
    id: r.id,
    year: r.year,
    title: r.title,
    state: r.state,
    stateLabel: AWARD_CALL_WORKFLOW.states[r.state as AwardCallState]?.label ?? r.state,
    version: r.version,
    applicationsOpenOn: r.applications_open_on,
    applicationsDueOn: r.applications_due_on,
    reviewDueOn: r.review_due_on,
    publicityStart: r.publicity_start,
    publicityEnd: r.publicity_end,
    counts: { ...EMPTY_COUNTS, ...(counts ?? {}) },
  };
}

/** An application row; results are hidden from non-district callers until the round's 公示. */
export function toApplicationSummary(
  r: ApplicationRow,
  members: { teacherId: number; name: string; schoolName: string; position: number }[],
  isDistrict: boolean,
): AwardApplicationSummary {
  const isPublic = isResultPublic(r.call_state);
  const show = isDistrict || isPublic;
  const grade = show && r.grade && !r.excluded_reason ? (r.grade as AwardGrade) : null;
  const city = show && r.city_result ? (r.city_result as CityResult) : null;
  return {
    id: r.id,
    callId: r.call_id,
    callTitle: r.call_title,
    callYear: r.call_year,
    callState: r.call_state,
    title: r.title,
    field: r.field,
    stage: r.stage,
    subject: r.subject,
    leadTeacherId: r.lead_teacher_id,
    leadName: r.lead_name,
    schoolId: r.school_id,
    schoolName: r.school_name,
    members: members.map((m) => ({ teacherId: m.teacherId, name: m.name, schoolName: m.schoolName, isLead: m.position === 0 })),
    status: r.status,
    statusLabel: AWARD_APPLICATION_STATUS_LABELS[r.status as AwardApplicationStatus] ?? r.status,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    checkNote: r.check_note,
    score: show && r.score !== null ? roundScore(Number(r.score)) : null,
    rank: show ? r.rank : null,
    isTie: show && r.is_tie,
    grade,
    gradeLabel: grade ? AWARD_GRADE_LABELS[grade] : null,
    excludedReason: show ? r.excluded_reason : null,
    isRecommended: show && r.is_recommended,
    cityResult: city,
    cityResultLabel: city ? CITY_RESULT_LABELS[city] : null,
    isResultPublic: isPublic,
  };
}

/** An objection; the filer's name only for the 教师科 or the filer. */
export function toObjection(o: Awaited<ReturnType<typeof findObjections>>[number], showFiler: boolean): AwardObjection {
  return {
    id: o.id,
    applicationId: o.application_id,
    applicationTitle: o.application_title,
    content: o.content,
    filedByName: showFiler ? o.filed_by_name : null,
    filedAt: o.filed_at.toISOString(),
    decision: o.decision,
    decisionNote: o.decision_note,
    decidedByName: o.decided_by_name,
    decidedAt: o.decided_at?.toISOString() ?? null,
  };
}
