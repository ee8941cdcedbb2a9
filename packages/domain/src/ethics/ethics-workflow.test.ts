import { describe, expect, it } from 'vitest';
import { availableTransitions, checkTransition, validateDefinition } from '../workflow/workflow.ts';
import { ETHICS_CASE_WORKFLOW, currentStepDue, isStepOverdue } from './ethics-workflow.ts';
import { ETHICS_RULES_2018 } from './rules.ts';

const D = ETHICS_RULES_2018.deadlines;

describe('ETHICS_CASE_WORKFLOW', () => {
  it('is a sound definition', () => {
    expect(validateDefinition(ETHICS_CASE_WORKFLOW)).toEqual([]);
  });

  it('lets only the ethics office decide, and the teacher only state and appeal', () => {
    expect(checkTransition(ETHICS_CASE_WORKFLOW, 'deciding', 'decide', ['case_handler']).ok).toBe(false);
    expect(checkTransition(ETHICS_CASE_WORKFLOW, 'deciding', 'decide', ['ethics_office']).ok).toBe(true);
    expect(availableTransitions(ETHICS_CASE_WORKFLOW, 'statement', ['accused_teacher']).map((t) => t.action)).toEqual(['record_statement']);
    expect(availableTransitions(ETHICS_CASE_WORKFLOW, 'notified', ['accused_teacher']).map((t) => t.action)).toEqual(['appeal']);
    expect(availableTransitions(ETHICS_CASE_WORKFLOW, 'investigating', ['accused_teacher'])).toEqual([]);
  });

  it('requires a reason to dismiss or send back', () => {
    const check = checkTransition(ETHICS_CASE_WORKFLOW, 'received', 'dismiss', ['ethics_office']);
    expect(check.ok && check.requiresNote).toBe(true);
  });
});

describe('step deadlines', () => {
  const dates = {
    triageDue: '2026-03-08',
    investigationDue: '2026-04-07',
    statementDue: null,
    decisionDue: null,
    decidedOn: '2026-05-01',
    appealedOn: '2026-05-20',
  };
  it('names the deadline of the current step', () => {
    expect(currentStepDue('received', dates, D)).toBe('2026-03-08');
    expect(currentStepDue('investigating', dates, D)).toBe('2026-04-07');
    expect(currentStepDue('decided', dates, D)).toBe('2026-05-08');
    expect(currentStepDue('appeal_review', dates, D)).toBe('2026-06-19');
    expect(currentStepDue('closed', dates, D)).toBeNull();
  });
  it('is overdue only after the due day', () => {
    expect(isStepOverdue('investigating', dates, D, '2026-04-07')).toBe(false);
    expect(isStepOverdue('investigating', dates, D, '2026-04-08')).toBe(true);
    expect(isStepOverdue('statement', dates, D, '2030-01-01')).toBe(false);
  });
});
