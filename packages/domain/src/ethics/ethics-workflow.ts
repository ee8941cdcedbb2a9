/**
 * The workflow an ethics case runs on (the one workflow mechanism of workflow.ts): intake → triage
 * (accept with a category, or not accept) → investigation by the district or a school → the teacher's
 * statement and defence → decision → written notice → appeal window → (appeal review) → closed.
 * Capacities: ethics_office (师德办 staff, district_admin), case_handler (the designated investigator),
 * accused_teacher (the teacher the case is about, from the statement step on).
 */
import type { WorkflowDefinition } from '../workflow/workflow.ts';
import { addDays } from './periods.ts';
import type { EthicsDeadlines } from './rules.ts';

export type EthicsCaseState =
  'received' | 'investigating' | 'statement' | 'deciding' | 'decided' | 'notified' | 'appeal_review' | 'closed' | 'dismissed';

export type EthicsCaseAction =
  | 'accept'
  | 'dismiss'
  | 'submit_findings'
  | 'record_statement'
  | 'decide'
  | 'reinvestigate'
  | 'notify'
  | 'appeal'
  | 'close'
  | 'decide_appeal';

export type EthicsCapacity = 'ethics_office' | 'case_handler' | 'accused_teacher';

export const ETHICS_CASE_WORKFLOW: WorkflowDefinition<EthicsCaseState, EthicsCaseAction> = {
  key: 'ethics_case',
  name: '师德案件',
  initial: 'received',
  states: {
    received: { label: '待受理' },
    investigating: { label: '调查核实中' },
    statement: { label: '待陈述申辩' },
    deciding: { label: '待作出处理决定' },
    decided: { label: '待书面告知' },
    notified: { label: '已告知（申诉期）' },
    appeal_review: { label: '申诉复核中' },
    closed: { label: '已办结', isFinal: true },
    dismissed: { label: '不予受理', isFinal: true },
  },
  transitions: [
    { action: 'accept', label: '受理并分类', from: ['received'], to: 'investigating', allowed: ['ethics_office'] },
    { action: 'dismiss', label: '不予受理', from: ['received'], to: 'dismissed', allowed: ['ethics_office'], requiresNote: true },
    {
      action: 'submit_findings',
      label: '提交调查结论',
      from: ['investigating'],
      to: 'statement',
      allowed: ['ethics_office', 'case_handler'],
    },
    {
      action: 'record_statement',
      label: '提交陈述申辩',
      from: ['statement'],
      to: 'deciding',
      allowed: ['ethics_office', 'case_handler', 'accused_teacher'],
    },
    { action: 'decide', label: '作出处理决定', from: ['deciding'], to: 'decided', allowed: ['ethics_office'] },
    {
      action: 'reinvestigate',
      label: '退回补充调查',
      from: ['deciding'],
      to: 'investigating',
      allowed: ['ethics_office'],
      requiresNote: true,
      isSendBack: true,
    },
    { action: 'notify', label: '书面告知', from: ['decided'], to: 'notified', allowed: ['ethics_office'] },
    { action: 'appeal', label: '提出申诉', from: ['notified'], to: 'appeal_review', allowed: ['ethics_office', 'accused_teacher'] },
    { action: 'close', label: '办结', from: ['notified'], to: 'closed', allowed: ['ethics_office'] },
    { action: 'decide_appeal', label: '作出申诉复核决定', from: ['appeal_review'], to: 'closed', allowed: ['ethics_office'] },
  ],
};

/** States in which the accused teacher sees the case (what is addressed to them). */
export const TEACHER_VISIBLE_STATES: readonly EthicsCaseState[] = [
  'statement',
  'deciding',
  'decided',
  'notified',
  'appeal_review',
  'closed',
];

/** The dates of a case the deadline of its current step depends on. */
export interface CaseDates {
  triageDue: string;
  investigationDue: string | null;
  statementDue: string | null;
  decisionDue: string | null;
  decidedOn: string | null;
  appealedOn: string | null;
}

/** The deadline of the current step (null when the state has none). */
export function currentStepDue(state: EthicsCaseState, dates: CaseDates, deadlines: EthicsDeadlines): string | null {
  switch (state) {
    case 'received':
      return dates.triageDue;
    case 'investigating':
      return dates.investigationDue;
    case 'statement':
      return dates.statementDue;
    case 'deciding':
      return dates.decisionDue;
    case 'decided':
      // The written notice follows the decision within the statement period.
      return dates.decidedOn ? addDays(dates.decidedOn, deadlines.statementDays) : null;
    case 'appeal_review':
      return dates.appealedOn ? addDays(dates.appealedOn, deadlines.appealDays) : null;
    case 'notified':
    case 'closed':
    case 'dismissed':
      return null;
  }
}

/** Whether the current step is past its deadline on `today`. */
export function isStepOverdue(state: EthicsCaseState, dates: CaseDates, deadlines: EthicsDeadlines, today: string): boolean {
  const due = currentStepDue(state, dates, deadlines);
  return due !== null && today > due;
}
