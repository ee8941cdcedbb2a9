/**
 * Closing the loop: rectification items (整改) with deadlines and overdue flags, and the visit rhythm
 * of responsible inspectors (责任督学挂牌督导, about 5 schools each). "Today" is always passed in.
 */
import { addDays, daysBetween } from './dates.ts';

/** The states of a rectification item (the states of RECTIFICATION_WORKFLOW). */
export type RectificationStatus = 'open' | 'submitted' | 'verified';

/** Chinese labels of the statuses. */
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  open: '待整改',
  submitted: '已提交待复核',
  verified: '已复核销号',
};

/** What the overdue computation needs to know about an item. */
export interface RectificationItem {
  /** The last day to submit the rectification (ISO date). */
  deadline: string;
  status: RectificationStatus;
  /** The day the school submitted it (ISO date), if it has. */
  submittedOn?: string | null;
}

/** How an item stands today. */
export interface RectificationTiming {
  isOverdue: boolean;
  /** Days from today to the deadline: 0 on the deadline, negative once past it. */
  daysRemaining: number;
  /** Still open and the deadline is within the warning window. */
  isDueSoon: boolean;
  /** Submitted after the deadline. */
  wasLate: boolean;
}

/** Whether an item is overdue: still open (not yet submitted, or sent back) after its deadline day. The deadline day itself is not overdue. */
export function isOverdue(item: RectificationItem, today: string): boolean {
  return item.status === 'open' && today > item.deadline;
}

/** Days from today to the deadline (negative once past it). */
export function daysRemaining(item: Pick<RectificationItem, 'deadline'>, today: string): number {
  return daysBetween(today, item.deadline);
}

/** Overdue flag, days remaining, due-soon warning (default 7 days) and lateness of one item. */
export function rectificationTiming(item: RectificationItem, today: string, dueSoonDays = 7): RectificationTiming {
  const remaining = daysRemaining(item, today);
  return {
    isOverdue: isOverdue(item, today),
    daysRemaining: remaining,
    isDueSoon: item.status === 'open' && remaining >= 0 && remaining <= dueSoonDays,
    wasLate: !!item.submittedOn && item.submittedOn > item.deadline,
  };
}

/** Options of responsibleInspectorStatus. */
export interface VisitRhythm {
  /** Days allowed between two visits (e.g. 30 for monthly). */
  intervalDays: number;
  today: string;
  /** When the inspector took the school on; the first visit is due an interval later. */
  assignedOn?: string;
}

/** Where a school stands in its responsible inspector's visit rhythm. */
export interface VisitStatus {
  lastVisit: string | null;
  /** The last day the next visit is on time (null when never visited and no assignment date). */
  nextDue: string | null;
  isOverdue: boolean;
  daysOverdue: number;
}

/** Last visit, next due date and overdue flag of one school; a school never visited and without an assignment date counts as overdue. */
export function responsibleInspectorStatus(visitDates: readonly string[], rhythm: VisitRhythm): VisitStatus {
  const past = visitDates.filter((d) => d <= rhythm.today).sort();
  const lastVisit = past.at(-1) ?? null;
  const start = lastVisit ?? rhythm.assignedOn ?? null;
  if (start === null) return { lastVisit: null, nextDue: null, isOverdue: true, daysOverdue: 0 };
  const nextDue = addDays(start, rhythm.intervalDays);
  const late = daysBetween(nextDue, rhythm.today);
  return { lastVisit, nextDue, isOverdue: late > 0, daysOverdue: Math.max(0, late) };
}

/** One school under a responsible inspector. */
export interface ResponsibleSchool {
  schoolId: string;
  inspectorId: string;
  visitDates: readonly string[];
  assignedOn?: string;
}

/** The schools whose visit is overdue, most overdue first (never-visited schools first of all). */
export function findOverdueSchools(
  schools: readonly ResponsibleSchool[],
  rhythm: Omit<VisitRhythm, 'assignedOn'>,
): (VisitStatus & { schoolId: string; inspectorId: string })[] {
  return schools
    .map((s) => ({
      schoolId: s.schoolId,
      inspectorId: s.inspectorId,
      ...responsibleInspectorStatus(s.visitDates, { ...rhythm, ...(s.assignedOn ? { assignedOn: s.assignedOn } : {}) }),
    }))
    .filter((s) => s.isOverdue)
    .sort(
      (a, b) =>
        Number(a.nextDue !== null) - Number(b.nextDue !== null) || b.daysOverdue - a.daysOverdue || (a.schoolId < b.schoolId ? -1 : 1),
    );
}
