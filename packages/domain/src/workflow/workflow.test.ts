import { describe, expect, it } from 'vitest';
import { availableTransitions, checkTransition, validateDefinition, type WorkflowDefinition } from './workflow.ts';

type S = 'draft' | 'submitted' | 'approved';
type A = 'submit' | 'approve' | 'send_back';
const def: WorkflowDefinition<S, A> = {
  key: 'test.report',
  name: '测试报告',
  initial: 'draft',
  states: { draft: { label: '草稿' }, submitted: { label: '已提交' }, approved: { label: '已通过', isFinal: true } },
  transitions: [
    { action: 'submit', label: '提交', from: ['draft'], to: 'submitted', allowed: ['school'] },
    { action: 'approve', label: '通过', from: ['submitted'], to: 'approved', allowed: ['district'] },
    { action: 'send_back', label: '退回', from: ['submitted'], to: 'draft', allowed: ['district'], requiresNote: true, isSendBack: true },
  ],
};

describe('workflow definitions', () => {
  it('accepts a sound definition and reports broken ones', () => {
    expect(validateDefinition(def)).toEqual([]);
    const broken = {
      ...def,
      initial: 'nowhere' as S,
      transitions: [...def.transitions, { action: 'reopen' as A, label: '重开', from: ['approved' as S], to: 'draft' as S, allowed: [] }],
    };
    expect(validateDefinition(broken)).toEqual([
      'initial state nowhere is not declared',
      'transition reopen leaves final state approved',
      'transition reopen allows nobody',
    ]);
  });

  it('lists only the transitions the capacities allow from the state', () => {
    expect(availableTransitions(def, 'submitted', ['district']).map((t) => t.action)).toEqual(['approve', 'send_back']);
    expect(availableTransitions(def, 'submitted', ['school'])).toEqual([]);
    expect(availableTransitions(def, 'approved', ['district'])).toEqual([]);
  });

  it('explains refusals in Chinese', () => {
    expect(checkTransition(def, 'draft', 'submit', ['school'])).toEqual({ ok: true, to: 'submitted', requiresNote: false });
    expect(checkTransition(def, 'submitted', 'send_back', ['district'])).toEqual({ ok: true, to: 'draft', requiresNote: true });
    expect(checkTransition(def, 'draft', 'approve', ['district'])).toMatchObject({
      ok: false,
      reason: 'wrong_state',
      message: '当前状态“草稿”不能执行“通过”',
    });
    expect(checkTransition(def, 'submitted', 'approve', ['school'])).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(checkTransition(def, 'approved', 'approve', ['district'])).toMatchObject({ ok: false, reason: 'final_state' });
    expect(checkTransition(def, 'draft', 'fly', ['school'])).toMatchObject({ ok: false, reason: 'unknown_action' });
  });
});
