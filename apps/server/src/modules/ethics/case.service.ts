/**
 * Use cases of ethics cases for the 师德办 and the designated handler: list, detail, open a case, messages
 * to the reporter, the audited reveal of a named reporter, attachments, handler candidates. A case the
 * actor may not see answers 404 whoever asks.
 */
import type {
  EthicsCaseDetail,
  EthicsCaseListQuery,
  EthicsCaseSummary,
  EthicsMessageInput,
  OfficeCaseInput,
  Page,
} from '@zhiping/contracts';
import {
  ETHICS_CASE_WORKFLOW,
  addDays,
  availableTransitions,
  ethicsRulesOn,
  restrictionLabel,
  type EthicsCaseState,
} from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext, type TxContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { UploadedFile } from '../evaluations/evidence-store.ts';
import { startWorkflow, workflowLog } from '../workflow/workflow.service.ts';
import { openCaseFile, storeCaseFile } from './case-files.ts';
import { caseNumber, open, toCaseSummary } from './case.mapper.ts';
import * as repo from './case.repository.ts';
import { ETHICS_OFFICE, caseCapacities, ethicsAccess, requireCaseReader, requireOffice } from './ethics.policy.ts';

const RULES = () => ethicsRulesOn('2100-01-01');

/** What an actor with this access sees: every case (the office), or those it handles or of its schools. */
function visibilityFor(access: ReturnType<typeof ethicsAccess>): repo.CaseVisibility {
  return access.isOffice ? { kind: 'office' } : { kind: 'handler', userId: access.userId ?? -1, schoolIds: access.adminSchoolIds };
}

/** The list visibility of the actor (throws FORBIDDEN for roles that can never see a case). */
function visibilityOf(ctx: ServiceContext): repo.CaseVisibility {
  const access = ethicsAccess(ctx.actor);
  requireCaseReader(access);
  return visibilityFor(access);
}

/** A case with the actor's capacities; 404 when not visible. */
export async function loadCase(ctx: ServiceContext, id: number) {
  const access = ethicsAccess(ctx.actor);
  if (!access.isOffice && access.adminSchoolIds.length === 0) throw notFound('师德案件');
  const row = await repo.findCase(ctx.db, visibilityFor(access), id, RULES().deadlines);
  if (!row) throw notFound('师德案件');
  const capacities = caseCapacities(access, {
    schoolId: row.school_id,
    handlerUserId: row.handler_user_id,
    handlerLevel: row.handler_level,
    teacherId: row.teacher_id,
  });
  if (capacities.length === 0) throw notFound('师德案件');
  return { row, capacities, access };
}

export type LoadedCase = Awaited<ReturnType<typeof loadCase>>;

/** One page of the cases the actor may see under the list's filters, as summaries (the list and its export). */
export async function findVisibleCases(
  ctx: ServiceContext,
  query: Omit<EthicsCaseListQuery, 'page' | 'pageSize'>,
  page: number,
  pageSize: number,
): Promise<{ total: number; items: EthicsCaseSummary[] }> {
  const today = ctx.clock.today();
  const { total, rows } = await repo.findCasePage(
    ctx.db,
    visibilityOf(ctx),
    {
      state: query.state,
      category: query.category,
      schoolId: query.schoolId,
      year: query.year,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      today,
      deadlines: RULES().deadlines,
    },
    page,
    pageSize,
  );
  return { total, items: rows.map((r) => toCaseSummary(r, today)) };
}

/** A page of the cases the actor may see. */
export async function listCases(ctx: ServiceContext, query: EthicsCaseListQuery): Promise<Page<EthicsCaseSummary>> {
  const { total, items } = await findVisibleCases(ctx, query, query.page, query.pageSize);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The full case for the office or its handler. */
export async function getCase(ctx: ServiceContext, id: number): Promise<EthicsCaseDetail> {
  const loaded = await loadCase(ctx, id);
  return toDetail(ctx, loaded);
}

async function toDetail(ctx: ServiceContext, { row, capacities }: LoadedCase): Promise<EthicsCaseDetail> {
  const [messages, files, restrictions, log, reportedSchool] = await Promise.all([
    repo.findMessages(ctx.db, row.id),
    repo.findAttachments(ctx.db, row.id),
    repo.findRestrictions(ctx.db, row.id),
    workflowLog(ctx, ETHICS_CASE_WORKFLOW, { type: 'ethics_case', id: row.id }),
    row.reported_school_id === null
      ? Promise.resolve(undefined)
      : ctx.db
          .selectFrom('school_version')
          .select('name')
          .where('school_id', '=', row.reported_school_id)
          .where('valid_to', 'is', null)
          .executeTakeFirst(),
  ]);
  const c = ctx.crypto;
  const today = ctx.clock.today();
  return {
    ...toCaseSummary(row, today),
    version: row.version,
    rulesVersion: row.rules_version,
    isAnonymous: row.is_anonymous,
    reporterLabel: row.source === 'office' ? '师德办立案' : row.is_anonymous ? '匿名' : '实名（已隐藏）',
    canUnmaskReporter: !row.is_anonymous && row.reporter_name_enc !== null,
    reportedName: c.decrypt(row.reported_name_enc),
    reportedSchoolName: reportedSchool?.name ?? null,
    content: c.decrypt(row.content_enc),
    occurredOn: row.occurred_on,
    suggestedCategory: row.suggested_category,
    triageDue: row.triage_due,
    triageNote: open(c, row.triage_note_enc),
    investigationDue: row.investigation_due,
    findings: open(c, row.findings_enc),
    statementDue: row.statement_due,
    statement: open(c, row.statement_enc),
    statementOn: row.statement_on,
    decisionDue: row.decision_due,
    outcome: row.outcome,
    penalty: row.penalty,
    measures: row.measures,
    disqualificationMonths: row.disqualification_months,
    decision: open(c, row.decision_enc),
    decidedOn: row.decided_on,
    notice: open(c, row.notice_enc),
    notifiedOn: row.notified_on,
    appealDue: row.appeal_due,
    appeal: open(c, row.appeal_enc),
    appealedOn: row.appealed_on,
    appealOutcome: row.appeal_outcome,
    appealResult: open(c, row.appeal_result_enc),
    closedOn: row.closed_on,
    restrictions: restrictions.map((r) => ({
      kind: r.kind,
      label: restrictionLabel(r.label, { from: r.starts_on, to: r.ends_on }),
      from: r.starts_on,
      to: r.ends_on,
      revokedOn: r.revoked_on,
      changeNote: r.change_note,
    })),
    messages: messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      body: c.decrypt(m.body_enc),
      authorName: m.kind === 'reply' ? '反映人' : m.author_name,
      at: m.at.toISOString(),
    })),
    attachments: files.map((f) => ({
      id: f.id,
      fileName: c.decrypt(f.file_name_enc),
      contentType: f.content_type,
      sizeBytes: f.size_bytes,
      origin: f.origin,
      uploadedByName: f.origin === 'reporter' ? '反映人' : f.uploaded_by_name,
      at: f.at.toISOString(),
    })),
    log: log.map((l) => ({ action: l.action, fromState: l.fromState, toState: l.toState, actorName: l.actorName, note: l.note, at: l.at })),
    actions: availableTransitions(ETHICS_CASE_WORKFLOW, row.state as EthicsCaseState, capacities).map((t) => ({
      action: t.action,
      label: t.label,
      requiresNote: !!t.requiresNote,
    })),
    capacities,
  };
}

/** Opens a case from the office's own sources (上级交办, 巡查发现, 来信来访). */
export async function createOfficeCase(ctx: ServiceContext, input: OfficeCaseInput): Promise<EthicsCaseDetail> {
  requireOffice(ethicsAccess(ctx.actor), '立案');
  const today = ctx.clock.today();
  const rules = ethicsRulesOn(today);
  const id = await inTransaction(ctx, async (tx) => {
    const content = input.sourceNote ? `【来源】${input.sourceNote}\n${input.content}` : input.content;
    const caseId = await repo.insertCase(tx.db, {
      source: 'office',
      rules_version: rules.version,
      is_anonymous: false,
      reported_name_enc: tx.crypto.encrypt(input.teacherName),
      reported_school_id: input.schoolId ?? null,
      content_enc: tx.crypto.encrypt(content),
      occurred_on: input.occurredOn ?? null,
      suggested_category: input.category ?? null,
      received_on: today,
      triage_due: addDays(today, rules.deadlines.triageDays),
    });
    await startWorkflow(tx, ETHICS_CASE_WORKFLOW, { type: 'ethics_case', id: caseId });
    await recordAudit(tx.db, tx.actor, {
      action: 'ethics.case.create',
      entityType: 'ethics_case',
      entityId: caseId,
      summary: `师德办立案 ${caseNumber(caseId, today)}`,
    });
    return caseId;
  });
  return getCase(ctx, id);
}

/** Adds a message: a question or status update addressed to the reporter, or an internal note. */
export async function addMessage(ctx: ServiceContext, id: number, input: EthicsMessageInput): Promise<EthicsCaseDetail> {
  const loaded = await loadCase(ctx, id);
  if (input.kind !== 'note' && loaded.row.source !== 'public_report')
    throw new AppError('INVALID_STATE', { userMessage: '该案件不是公众反映，没有可联系的反映人' });
  if (input.kind !== 'note' && ['closed', 'dismissed'].includes(loaded.row.state) && input.kind === 'question')
    throw new AppError('INVALID_STATE', { userMessage: '案件已办结，不能再向反映人提问' });
  await inTransaction(ctx, async (tx) => {
    await repo.insertMessage(tx.db, {
      case_id: id,
      kind: input.kind,
      body_enc: tx.crypto.encrypt(input.body),
      author_id: tx.actor.userId,
      author_name: tx.actor.displayName,
    });
    await recordAudit(tx.db, tx.actor, {
      action: `ethics.case.message.${input.kind}`,
      entityType: 'ethics_case',
      entityId: id,
      summary: `${caseNumber(id, loaded.row.received_on)}：${input.kind === 'question' ? '向反映人提问' : input.kind === 'update' ? '向反映人告知进展' : '添加内部记录'}`,
    });
  });
  return getCase(ctx, id);
}

/** The named reporter's identity, for the case handler only; every reveal is audited. */
export async function revealReporter(ctx: ServiceContext, id: number): Promise<{ name: string; contact: string }> {
  const loaded = await loadCase(ctx, id);
  const { row } = loaded;
  if (row.is_anonymous || row.reporter_name_enc === null)
    throw new AppError('INVALID_STATE', { userMessage: '匿名反映，没有反映人身份信息' });
  return inTransaction(ctx, async (tx) => {
    await recordAudit(tx.db, tx.actor, {
      action: 'ethics.reporter.unmask',
      entityType: 'ethics_case',
      entityId: id,
      summary: `查看 ${caseNumber(id, row.received_on)} 实名反映人身份`,
    });
    return { name: tx.crypto.decrypt(row.reporter_name_enc!), contact: open(tx.crypto, row.reporter_contact_enc) ?? '' };
  });
}

/** Stores a file the office or the handler adds to a case (investigation material). */
export async function addCaseFile(ctx: ServiceContext, id: number, file: UploadedFile): Promise<EthicsCaseDetail> {
  const loaded = await loadCase(ctx, id);
  if (['closed', 'dismissed'].includes(loaded.row.state))
    throw new AppError('INVALID_STATE', { userMessage: '案件已办结，不能再添加材料' });
  await inTransaction(ctx, async (tx: TxContext) => {
    const fileId = await storeCaseFile(tx, id, 'staff', file, tx.actor.displayName);
    await recordAudit(tx.db, tx.actor, {
      action: 'ethics.case.file.add',
      entityType: 'ethics_case',
      entityId: id,
      summary: `${caseNumber(id, loaded.row.received_on)}：上传材料（${file.content.length} 字节）`,
      after: { fileId },
    });
  });
  return getCase(ctx, id);
}

/** Downloads a file of a visible case (audited). */
export async function downloadCaseFile(ctx: ServiceContext, id: number, fileId: number) {
  const loaded = await loadCase(ctx, id);
  const row = await repo.findAttachment(ctx.db, id, fileId);
  if (!row) throw notFound('附件');
  await recordAudit(ctx.db, ctx.actor, {
    action: 'ethics.case.file.download',
    entityType: 'ethics_case',
    entityId: id,
    summary: `${caseNumber(id, loaded.row.received_on)}：下载附件 #${fileId}`,
  });
  return openCaseFile(ctx.crypto, row);
}

/** Who may be designated as handler of a case for a school: its administrators and the 师德办 staff. */
export async function handlerCandidates(ctx: ServiceContext, id: number, schoolId: number | null) {
  const loaded = await loadCase(ctx, id);
  requireOffice(loaded.access, '指派承办人');
  const rows = await repo.findHandlerCandidates(ctx.db, schoolId, ETHICS_OFFICE);
  const seen = new Set<string>();
  const out: { userId: number; displayName: string; level: 'district' | 'school' }[] = [];
  for (const r of rows) {
    const level = r.role === 'school_admin' ? 'school' : 'district';
    const key = `${r.id}:${level}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ userId: r.id, displayName: r.display_name, level });
  }
  return out;
}
