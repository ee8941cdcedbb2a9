/**
 * The accused teacher's own ethics matters (我的师德事项): only what is addressed to them — the facts
 * found, the request for a statement and defence, their own statement, the written notice, the appeal
 * window and their appeal. Never the report, the reporter or anything else of the case.
 */
import type { AppealInput, MyEthicsMatter, StatementInput } from '@zhiping/contracts';
import {
  ETHICS_CASE_WORKFLOW,
  TEACHER_VISIBLE_STATES,
  availableTransitions,
  categoryLabel,
  ethicsRulesByVersion,
  type EthicsCaseState,
} from '@zhiping/domain';
import type { ServiceContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { caseNumber, open, stateLabel } from './case.mapper.ts';
import * as repo from './case.repository.ts';
import { recordAppeal, recordStatement } from './case-steps.ts';
import { ethicsAccess } from './ethics.policy.ts';

const APPEAL_LABELS = { upheld: '维持原处理决定', changed: '变更原处理决定', revoked: '撤销原处理决定' } as const;

async function myCases(ctx: ServiceContext) {
  const { teacherId } = ethicsAccess(ctx.actor);
  if (teacherId === null) return [];
  return repo.findTeacherCases(ctx.db, teacherId, TEACHER_VISIBLE_STATES, ethicsRulesByVersion('').deadlines);
}

/** The teacher's matters, newest first (empty for anyone without a teacher record). */
export async function listMyMatters(ctx: ServiceContext): Promise<MyEthicsMatter[]> {
  const rows = await myCases(ctx);
  return rows.map((r) => {
    const actions = availableTransitions(ETHICS_CASE_WORKFLOW, r.state as EthicsCaseState, ['accused_teacher']).map((t) => t.action);
    const notified = r.notified_on !== null;
    return {
      id: r.id,
      caseNo: caseNumber(r.id, r.received_on),
      stateLabel: stateLabel(r.state),
      categoryLabel: categoryLabel(ethicsRulesByVersion(r.rules_version), r.category),
      findings: open(ctx.crypto, r.findings_enc),
      statementDue: r.statement_due,
      statement: open(ctx.crypto, r.statement_enc),
      notice: notified ? open(ctx.crypto, r.notice_enc) : null,
      notifiedOn: r.notified_on,
      appealDue: r.appeal_due,
      appeal: open(ctx.crypto, r.appeal_enc),
      appealOutcomeLabel: r.appeal_outcome ? APPEAL_LABELS[r.appeal_outcome] : null,
      appealResult: open(ctx.crypto, r.appeal_result_enc),
      canSubmitStatement: actions.includes('record_statement'),
      canAppeal: actions.includes('appeal') && (r.appeal_due === null || ctx.clock.today() <= r.appeal_due),
      version: r.version,
    };
  });
}

async function myCase(ctx: ServiceContext, id: number) {
  const row = (await myCases(ctx)).find((r) => r.id === id);
  if (!row) throw notFound('师德事项');
  return row;
}

/** The teacher submits their statement and defence. */
export async function submitMyStatement(ctx: ServiceContext, id: number, input: StatementInput): Promise<MyEthicsMatter[]> {
  const row = await myCase(ctx, id);
  await recordStatement(ctx, row, ['accused_teacher'], input);
  return listMyMatters(ctx);
}

/** The teacher appeals within the appeal window. */
export async function submitMyAppeal(ctx: ServiceContext, id: number, input: AppealInput): Promise<MyEthicsMatter[]> {
  const row = await myCase(ctx, id);
  await recordAppeal(ctx, row, ['accused_teacher'], { ...input, appealedOn: ctx.clock.today() });
  return listMyMatters(ctx);
}
