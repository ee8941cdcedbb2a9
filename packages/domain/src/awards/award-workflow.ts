/**
 * The steps of an award round (评审批次) on the one workflow mechanism. Only the 教师科 (or a district
 * administrator) moves a round; the services check each step's preconditions (every application
 * checked before review, every sheet in before consolidation, objections handled before the final list,
 * every city result before closing).
 */
import type { WorkflowDefinition } from '../workflow/workflow.ts';

export const AWARD_CALL_STATES = [
  'draft',
  'open',
  'formal_check',
  'reviewing',
  'ranked',
  'publicity',
  'final',
  'recommended',
  'concluded',
] as const;
export type AwardCallState = (typeof AWARD_CALL_STATES)[number];
export type AwardCallAction =
  | 'open'
  | 'close_applications'
  | 'start_review'
  | 'consolidate'
  | 'start_publicity'
  | 'publish_final'
  | 'recommend'
  | 'conclude'
  | 'reopen_review';

/** The capacity that runs rounds. */
export const AWARD_MANAGER = 'award_manager';

export const AWARD_CALL_WORKFLOW: WorkflowDefinition<AwardCallState, AwardCallAction> = {
  key: 'award.call',
  name: '教育教学成果奖评审',
  initial: 'draft',
  states: {
    draft: { label: '草稿' },
    open: { label: '接受申报' },
    formal_check: { label: '形式审查' },
    reviewing: { label: '专家评审' },
    ranked: { label: '已汇总排名' },
    publicity: { label: '公示中' },
    final: { label: '已公布获奖名单' },
    recommended: { label: '已推荐市级' },
    concluded: { label: '已办结', isFinal: true },
  },
  transitions: [
    { action: 'open', label: '发布申报通知', from: ['draft'], to: 'open', allowed: [AWARD_MANAGER] },
    { action: 'close_applications', label: '截止申报', from: ['open'], to: 'formal_check', allowed: [AWARD_MANAGER] },
    { action: 'start_review', label: '开始专家评审', from: ['formal_check'], to: 'reviewing', allowed: [AWARD_MANAGER] },
    { action: 'consolidate', label: '汇总评分并排名', from: ['reviewing'], to: 'ranked', allowed: [AWARD_MANAGER] },
    {
      action: 'reopen_review',
      label: '退回重评',
      from: ['ranked'],
      to: 'reviewing',
      allowed: [AWARD_MANAGER],
      requiresNote: true,
      isSendBack: true,
    },
    { action: 'start_publicity', label: '开始公示', from: ['ranked'], to: 'publicity', allowed: [AWARD_MANAGER] },
    { action: 'publish_final', label: '公布获奖名单', from: ['publicity'], to: 'final', allowed: [AWARD_MANAGER] },
    { action: 'recommend', label: '推荐参评市级', from: ['final'], to: 'recommended', allowed: [AWARD_MANAGER] },
    { action: 'conclude', label: '登记市级结果并办结', from: ['recommended'], to: 'concluded', allowed: [AWARD_MANAGER] },
  ],
};

/** Application statuses (a column: a single check with a reason, kept in the audit trail). */
export const AWARD_APPLICATION_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'withdrawn'] as const;
export type AwardApplicationStatus = (typeof AWARD_APPLICATION_STATUSES)[number];
export const AWARD_APPLICATION_STATUS_LABELS: Record<AwardApplicationStatus, string> = {
  draft: '草稿',
  submitted: '已提交待审查',
  returned: '退回修改',
  accepted: '形式审查通过',
  withdrawn: '已撤回',
};
