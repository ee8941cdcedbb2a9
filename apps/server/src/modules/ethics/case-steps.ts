/**
 * The steps of an ethics case on ETHICS_CASE_WORKFLOW, each with what it records: triage (category,
 * teacher, handler, investigation deadline) or not accepting, the findings, the teacher's statement and
 * defence, the decision (writing the restrictions its 处分期 and disqualification impose), the written
 * notice (opening the appeal window), the appeal and its review (which can shorten or revoke the
 * restrictions, recorded), and closing. Each step commits with its workflow transition and audit rows.
 */
import type {
  AcceptInput,
  AppealDecisionInput,
  AppealInput,
  DecisionInput,
  DismissInput,
  EthicsCaseDetail,
  FindingsInput,
  NoticeInput,
  StatementInput,
} from '@zhiping/contracts';
import {
  ETHICS_CASE_WORKFLOW,
  addDays,
  applyAppeal,
  checkTransition,
  ethicsRulesByVersion,
  restrictionLabel,
  restrictionsForDecision,
  type EthicsCapacity,
  type EthicsCaseAction,
  type EthicsCaseState,
} from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext, type TxContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { transition } from '../workflow/workflow.service.ts';
import { caseNumber } from './case.mapper.ts';
import * as repo from './case.repository.ts';
import { getCase, loadCase } from './case.service.ts';
import { ETHICS_OFFICE } from './ethics.policy.ts';

/** Runs one step: capacity check first (so nobody learns more), the step's own writes, then the transition. */
export async function runStep(
  ctx: ServiceContext,
  row: { id: number; state: string; school_id: number | null },
  capacities: readonly EthicsCapacity[],
  action: EthicsCaseAction,
  expectedVersion: number | undefined,
  apply: (tx: TxContext) => Promise<void>,
  note = '',
): Promise<void> {
  const check = checkTransition(ETHICS_CASE_WORKFLOW, row.state as EthicsCaseState, action, capacities);
  if (!check.ok) throw new AppError(check.reason === 'not_allowed' ? 'FORBIDDEN' : 'INVALID_STATE', { userMessage: check.message });
  await inTransaction(ctx, async (tx) => {
    await transition(
      tx,
      ETHICS_CASE_WORKFLOW,
      { type: 'ethics_case', id: row.id, schoolId: row.school_id },
      { action, capacities, note, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
    );
    await apply(tx);
  });
}

/** Triage: accept with a category, the teacher, the handler (district or a school's administrator) and the deadline. */
export async function acceptCase(ctx: ServiceContext, id: number, input: AcceptInput): Promise<EthicsCaseDetail> {
  const { row, capacities } = await loadCase(ctx, id);
  const rules = ethicsRulesByVersion(row.rules_version);
  if (!rules.categories.some((c) => c.code === input.category)) throw invalid('category', '违规类别不在所适用的处理办法中');
  const today = ctx.clock.today();
  if (input.investigationDue < today) throw invalid('investigationDue', '调查期限不能早于今天');
  const teacher = await ctx.db
    .selectFrom('teacher')
    .select(['id', 'school_id', 'name'])
    .where('id', '=', input.teacherId)
    .executeTakeFirst();
  if (!teacher) throw invalid('teacherId', '教师不存在');
  if (input.handlerLevel === 'school' && teacher.school_id === null) throw invalid('handlerLevel', '该教师没有任职学校，请由区师德办调查');
  const handler = await ctx.db
    .selectFrom('role_grant')
    .select('user_id')
    .where('user_id', '=', input.handlerUserId)
    .where((eb) =>
      input.handlerLevel === 'school'
        ? eb.and([eb('role', '=', 'school_admin'), eb('school_id', '=', teacher.school_id)])
        : eb.and([eb('role', '=', 'district_staff'), eb('office', '=', ETHICS_OFFICE)]),
    )
    .executeTakeFirst();
  if (!handler)
    throw invalid('handlerUserId', input.handlerLevel === 'school' ? '承办人须是该教师所在学校的管理员' : '承办人须是区师德办人员');
  await runStep(ctx, row, capacities, 'accept', input.expectedVersion, async (tx) => {
    await repo.updateCase(tx.db, id, {
      category: input.category,
      teacher_id: teacher.id,
      school_id: teacher.school_id,
      handler_level: input.handlerLevel,
      handler_user_id: input.handlerUserId,
      investigation_due: input.investigationDue,
      triaged_on: today,
      triage_note_enc: input.note ? tx.crypto.encrypt(input.note) : null,
    });
    // The workflow instance carries the school for the audit page's school filter.
    await tx.db
      .updateTable('workflow_instance')
      .set({ school_id: teacher.school_id })
      .where('definition_key', '=', ETHICS_CASE_WORKFLOW.key)
      .where('subject_id', '=', String(id))
      .execute();
    await recordAudit(tx.db, tx.actor, {
      action: 'ethics.case.accept',
      entityType: 'ethics_case',
      entityId: id,
      schoolId: teacher.school_id,
      summary: `${caseNumber(id, row.received_on)} 受理：类别 ${input.category}，${input.handlerLevel === 'school' ? '交学校调查' : '区师德办调查'}，期限 ${input.investigationDue}`,
      after: {
        category: input.category,
        teacherId: teacher.id,
        handlerLevel: input.handlerLevel,
        handlerUserId: input.handlerUserId,
        investigationDue: input.investigationDue,
      },
    });
  });
  return getCase(ctx, id);
}

/** Triage: not accepted, with the reason (kept encrypted; the log says only that a reason was given). */
export async function dismissCase(ctx: ServiceContext, id: number, input: DismissInput): Promise<EthicsCaseDetail> {
  const { row, capacities } = await loadCase(ctx, id);
  await runStep(
    ctx,
    row,
    capacities,
    'dismiss',
    input.expectedVersion,
    async (tx) => {
      await repo.updateCase(tx.db, id, {
        triaged_on: ctx.clock.today(),
        triage_note_enc: tx.crypto.encrypt(input.note),
        closed_on: ctx.clock.today(),
      });
    },
    '理由见案件记录',
  );
  return getCase(ctx, id);
}

/** The handler's findings; the teacher is then asked for a statement by the given date. */
export async function submitFindings(ctx: ServiceContext, id: number, input: FindingsInput): Promise<EthicsCaseDetail> {
  const { row, capacities } = await loadCase(ctx, id);
  if (input.statementDue < ctx.clock.today()) throw invalid('statementDue', '陈述申辩期限不能早于今天');
  await runStep(ctx, row, capacities, 'submit_findings', input.expectedVersion, async (tx) => {
    await repo.updateCase(tx.db, id, {
      findings_enc: tx.crypto.encrypt(input.findings),
      findings_on: ctx.clock.today(),
      statement_due: input.statementDue,
    });
  });
  return getCase(ctx, id);
}

/** Records the teacher's statement and defence (by the teacher, or by the handler from a hearing). */
export async function recordStatement(
  ctx: ServiceContext,
  row: { id: number; state: string; school_id: number | null; received_on: string; rules_version: string },
  capacities: readonly EthicsCapacity[],
  input: StatementInput,
): Promise<void> {
  const today = ctx.clock.today();
  const rules = ethicsRulesByVersion(row.rules_version);
  await runStep(ctx, row, capacities, 'record_statement', input.expectedVersion, async (tx) => {
    await repo.updateCase(tx.db, row.id, {
      statement_enc: tx.crypto.encrypt(input.statement),
      statement_on: today,
      decision_due: addDays(today, rules.deadlines.decisionDays),
    });
  });
}

/** The handler or the office records the statement. */
export async function recordStatementByStaff(ctx: ServiceContext, id: number, input: StatementInput): Promise<EthicsCaseDetail> {
  const { row, capacities } = await loadCase(ctx, id);
  await recordStatement(ctx, row, capacities, input);
  return getCase(ctx, id);
}

/** The decision; writes the restrictions it imposes. */
export async function decideCase(ctx: ServiceContext, id: number, input: DecisionInput): Promise<EthicsCaseDetail> {
  const { row, capacities } = await loadCase(ctx, id);
  if (row.teacher_id === null) throw new AppError('INVALID_STATE', { userMessage: '案件未关联教师' });
  const rules = ethicsRulesByVersion(row.rules_version);
  const measures = [...new Set(input.measures)];
  const disqualificationMonths =
    input.disqualificationMonths ?? (measures.includes('disqualification') ? rules.defaultDisqualificationMonths : null);
  const drafts = restrictionsForDecision(rules, {
    outcome: input.outcome,
    penalty: input.penalty ?? null,
    disqualificationMonths,
    effectiveOn: input.effectiveOn,
  });
  const teacherId = row.teacher_id;
  await runStep(ctx, row, capacities, 'decide', input.expectedVersion, async (tx) => {
    await repo.updateCase(tx.db, id, {
      outcome: input.outcome,
      penalty: input.penalty ?? null,
      measures: JSON.stringify(measures),
      disqualification_months: disqualificationMonths,
      decision_enc: tx.crypto.encrypt(input.decision),
      decided_on: input.effectiveOn,
    });
    await repo.insertRestrictions(
      tx.db,
      drafts.map((d) => ({
        teacher_id: teacherId,
        case_id: id,
        kind: d.kind,
        label: d.label,
        purposes: d.purposes,
        starts_on: d.period.from,
        ends_on: d.period.to,
      })),
    );
    await recordAudit(tx.db, tx.actor, {
      action: 'ethics.case.decide',
      entityType: 'ethics_case',
      entityId: id,
      schoolId: row.school_id,
      summary: `${caseNumber(id, row.received_on)} 作出处理决定${drafts.length ? `：${drafts.map((d) => restrictionLabel(d.label, d.period)).join('；')}` : ''}`,
      after: { outcome: input.outcome, penalty: input.penalty ?? null, measures, disqualificationMonths, effectiveOn: input.effectiveOn },
    });
  });
  return getCase(ctx, id);
}

/** Sends the case back for further investigation before deciding. */
export async function reinvestigateCase(
  ctx: ServiceContext,
  id: number,
  input: DismissInput & { investigationDue?: string },
): Promise<EthicsCaseDetail> {
  const { row, capacities } = await loadCase(ctx, id);
  await runStep(
    ctx,
    row,
    capacities,
    'reinvestigate',
    input.expectedVersion,
    async (tx) => {
      await repo.insertMessage(tx.db, {
        case_id: id,
        kind: 'note',
        body_enc: tx.crypto.encrypt(`退回补充调查：${input.note}`),
        author_id: tx.actor.userId,
        author_name: tx.actor.displayName,
      });
      await repo.updateCase(tx.db, id, {
        investigation_due: addDays(ctx.clock.today(), ethicsRulesByVersion(row.rules_version).deadlines.investigationDays),
      });
    },
    '理由见案件内部记录',
  );
  return getCase(ctx, id);
}

/** The written notice to the teacher; opens the appeal window. */
export async function notifyCase(ctx: ServiceContext, id: number, input: NoticeInput): Promise<EthicsCaseDetail> {
  const { row, capacities } = await loadCase(ctx, id);
  if (row.decided_on && input.notifiedOn < row.decided_on) throw invalid('notifiedOn', '告知日期不能早于处理决定日期');
  const rules = ethicsRulesByVersion(row.rules_version);
  await runStep(ctx, row, capacities, 'notify', input.expectedVersion, async (tx) => {
    await repo.updateCase(tx.db, id, {
      notice_enc: tx.crypto.encrypt(input.notice),
      notified_on: input.notifiedOn,
      appeal_due: addDays(input.notifiedOn, rules.deadlines.appealDays),
    });
  });
  return getCase(ctx, id);
}

/** Records an appeal (by the teacher, or by the office from a written appeal). */
export async function recordAppeal(
  ctx: ServiceContext,
  row: { id: number; state: string; school_id: number | null; appeal_due: string | null },
  capacities: readonly EthicsCapacity[],
  input: AppealInput,
): Promise<void> {
  const appealedOn = input.appealedOn ?? ctx.clock.today();
  if (row.appeal_due && appealedOn > row.appeal_due) throw invalid('appealedOn', `申诉期已于 ${row.appeal_due} 届满`);
  await runStep(ctx, row, capacities, 'appeal', input.expectedVersion, async (tx) => {
    await repo.updateCase(tx.db, row.id, { appeal_enc: tx.crypto.encrypt(input.appeal), appealed_on: appealedOn });
  });
}

/** The office records an appeal received in writing. */
export async function recordAppealByStaff(ctx: ServiceContext, id: number, input: AppealInput): Promise<EthicsCaseDetail> {
  const { row, capacities } = await loadCase(ctx, id);
  await recordAppeal(ctx, row, capacities, input);
  return getCase(ctx, id);
}

/** The appeal review: upheld, changed (restrictions recomputed from the same first day) or revoked. */
export async function decideAppeal(ctx: ServiceContext, id: number, input: AppealDecisionInput): Promise<EthicsCaseDetail> {
  const { row, capacities } = await loadCase(ctx, id);
  const rules = ethicsRulesByVersion(row.rules_version);
  const today = ctx.clock.today();
  const existing = (await repo.findRestrictions(ctx.db, id)).filter((r) => r.revoked_on === null);
  const effectiveOn = row.decided_on ?? today;
  const changes = applyAppeal(
    rules,
    existing.map((r) => ({ id: r.id, kind: r.kind, period: { from: r.starts_on, to: r.ends_on } })),
    effectiveOn,
    input.result === 'changed'
      ? {
          kind: 'changed',
          outcome: input.outcome!,
          penalty: input.penalty ?? null,
          disqualificationMonths: input.disqualificationMonths ?? null,
        }
      : { kind: input.result },
  );
  await runStep(ctx, row, capacities, 'decide_appeal', input.expectedVersion, async (tx) => {
    const note = input.result === 'revoked' ? `${today} 申诉复核撤销原处理决定` : `${today} 申诉复核变更处理决定`;
    for (const rid of changes.revoke) await repo.updateRestriction(tx.db, rid, { revoked_on: today, change_note: note });
    for (const u of changes.update) {
      const old = existing.find((r) => r.id === u.id)!;
      await repo.updateRestriction(tx.db, u.id, {
        label: u.label,
        ends_on: u.to,
        original_ends_on: old.original_ends_on ?? old.ends_on,
        change_note: note,
      });
    }
    await repo.insertRestrictions(
      tx.db,
      changes.add.map((d) => ({
        teacher_id: row.teacher_id!,
        case_id: id,
        kind: d.kind,
        label: d.label,
        purposes: d.purposes,
        starts_on: d.period.from,
        ends_on: d.period.to,
        change_note: note,
      })),
    );
    await repo.updateCase(tx.db, id, {
      appeal_outcome: input.result,
      appeal_result_enc: tx.crypto.encrypt(input.text),
      appeal_decided_on: today,
      closed_on: today,
      ...(input.result === 'changed'
        ? { outcome: input.outcome!, penalty: input.penalty ?? null, disqualification_months: input.disqualificationMonths ?? null }
        : {}),
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'ethics.case.appeal_decision',
      entityType: 'ethics_case',
      entityId: id,
      schoolId: row.school_id,
      summary: `${caseNumber(id, row.received_on)} 申诉复核：${input.result === 'upheld' ? '维持' : input.result === 'revoked' ? '撤销' : '变更'}`,
      before: { restrictions: existing.map((r) => ({ id: r.id, label: r.label, to: r.ends_on })) },
      after: changes,
    });
  });
  return getCase(ctx, id);
}

/** Closes a notified case once no appeal is pending. */
export async function closeCase(
  ctx: ServiceContext,
  id: number,
  input: { expectedVersion?: number | undefined; note?: string | undefined },
): Promise<EthicsCaseDetail> {
  const { row, capacities } = await loadCase(ctx, id);
  await runStep(
    ctx,
    row,
    capacities,
    'close',
    input.expectedVersion,
    async (tx) => {
      await repo.updateCase(tx.db, id, { closed_on: ctx.clock.today() });
    },
    input.note ?? '',
  );
  return getCase(ctx, id);
}
