/**
 * The workflow a rotation plan runs on: 草案 (district edits and re-runs) → 学校审核 (each sending and
 * receiving school accepts or objects to its own moves) → 教师告知 (each teacher acknowledges their move)
 * → 区级审批 → 已执行 (dated transfers created). Capacity 'district' is 教师科 or the district admin.
 */
import type { WorkflowDefinition } from '../workflow/workflow.ts';

/** States of a rotation plan. */
export type RotationPlanState = 'draft' | 'school_review' | 'teacher_notice' | 'district_approval' | 'executed' | 'cancelled';
/** Actions on a rotation plan. */
export type RotationPlanAction = 'submit_review' | 'notify_teachers' | 'request_approval' | 'approve' | 'send_back' | 'cancel';

/** 草案 → 学校审核 → 教师告知 → 区级审批 → 已执行; any review stage can go back to 草案 with a reason. */
export const ROTATION_PLAN_WORKFLOW: WorkflowDefinition<RotationPlanState, RotationPlanAction> = {
  key: 'rotation.plan',
  name: '教师交流轮岗方案',
  initial: 'draft',
  states: {
    draft: { label: '草案' },
    school_review: { label: '学校审核' },
    teacher_notice: { label: '教师告知' },
    district_approval: { label: '区级审批' },
    executed: { label: '已执行', isFinal: true },
    cancelled: { label: '已作废', isFinal: true },
  },
  transitions: [
    { action: 'submit_review', label: '提交学校审核', from: ['draft'], to: 'school_review', allowed: ['district'] },
    { action: 'notify_teachers', label: '告知教师', from: ['school_review'], to: 'teacher_notice', allowed: ['district'] },
    { action: 'request_approval', label: '提交区级审批', from: ['teacher_notice'], to: 'district_approval', allowed: ['district'] },
    { action: 'approve', label: '审批通过并执行', from: ['district_approval'], to: 'executed', allowed: ['district'] },
    {
      action: 'send_back',
      label: '退回草案',
      from: ['school_review', 'teacher_notice', 'district_approval'],
      to: 'draft',
      allowed: ['district'],
      requiresNote: true,
      isSendBack: true,
    },
    { action: 'cancel', label: '作废', from: ['draft'], to: 'cancelled', allowed: ['district'], requiresNote: true },
  ],
};
