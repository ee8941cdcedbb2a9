/**
 * The workflow definitions evaluations and rectification items run on (the one workflow mechanism of
 * workflow.ts). Capacities: district_supervisor (督导室), school_admin, inspector, lead_inspector; the
 * server's policy decides which capacities an actor has for a given evaluation.
 */
import type { WorkflowDefinition } from '../workflow/workflow.ts';
import type { RectificationStatus } from './rectification.ts';

/** The states of one school's evaluation. */
export type EvaluationState = 'planned' | 'self_assessment' | 'on_site' | 'consolidation' | 'review' | 'published' | 'cancelled';

/** The actions on one school's evaluation. */
export type EvaluationAction =
  'start_self_assessment' | 'submit_self_assessment' | 'submit_scores' | 'submit_consolidation' | 'publish' | 'send_back' | 'cancel';

/** 计划 → 学校自评 → 现场评估 → 合议 → 审核 → 发布; the reviewer can send a consolidation back. */
export const EVALUATION_WORKFLOW: WorkflowDefinition<EvaluationState, EvaluationAction> = {
  key: 'evaluation.school',
  name: '学校督导评估',
  initial: 'planned',
  states: {
    planned: { label: '已计划' },
    self_assessment: { label: '学校自评' },
    on_site: { label: '现场评估' },
    consolidation: { label: '组内合议' },
    review: { label: '督导室审核' },
    published: { label: '已发布', isFinal: true },
    cancelled: { label: '已取消', isFinal: true },
  },
  transitions: [
    { action: 'start_self_assessment', label: '启动自评', from: ['planned'], to: 'self_assessment', allowed: ['district_supervisor'] },
    { action: 'submit_self_assessment', label: '提交自评', from: ['self_assessment'], to: 'on_site', allowed: ['school_admin'] },
    { action: 'submit_scores', label: '结束现场评估', from: ['on_site'], to: 'consolidation', allowed: ['lead_inspector'] },
    { action: 'submit_consolidation', label: '提交合议结果', from: ['consolidation'], to: 'review', allowed: ['lead_inspector'] },
    { action: 'publish', label: '审核发布', from: ['review'], to: 'published', allowed: ['district_supervisor'] },
    {
      action: 'send_back',
      label: '退回合议',
      from: ['review'],
      to: 'consolidation',
      allowed: ['district_supervisor'],
      requiresNote: true,
      isSendBack: true,
    },
    {
      action: 'cancel',
      label: '取消',
      from: ['planned', 'self_assessment', 'on_site'],
      to: 'cancelled',
      allowed: ['district_supervisor'],
      requiresNote: true,
    },
  ],
};

/** The actions on a rectification item. */
export type RectificationAction = 'submit' | 'verify' | 'send_back';

/** 待整改 → 已提交待复核 → 已复核销号; an inspector can send an unconvincing rectification back. */
export const RECTIFICATION_WORKFLOW: WorkflowDefinition<RectificationStatus, RectificationAction> = {
  key: 'evaluation.rectification',
  name: '整改事项',
  initial: 'open',
  states: { open: { label: '待整改' }, submitted: { label: '已提交待复核' }, verified: { label: '已复核销号', isFinal: true } },
  transitions: [
    { action: 'submit', label: '提交整改', from: ['open'], to: 'submitted', allowed: ['school_admin'], requiresNote: true },
    { action: 'verify', label: '复核销号', from: ['submitted'], to: 'verified', allowed: ['inspector', 'lead_inspector'] },
    {
      action: 'send_back',
      label: '退回整改',
      from: ['submitted'],
      to: 'open',
      allowed: ['inspector', 'lead_inspector'],
      requiresNote: true,
      isSendBack: true,
    },
  ],
};
