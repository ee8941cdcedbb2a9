/**
 * Rectification items (整改) on RECTIFICATION_WORKFLOW: a problem from an evaluation or a responsible
 * inspector's visit gets an owner, a deadline and the evidence required; the school reports progress
 * and submits; an inspector verifies and closes it or sends it back (with a reason, kept in the log).
 * Items still open after their deadline are flagged overdue; lists and the dashboard are scoped like
 * evaluations (a school sees only its own).
 */
import {
  RECTIFICATION_STATUSES,
  type EvaluationEvidence,
  type Page,
  type RectificationDashboard,
  type RectificationDetail,
  type RectificationInput,
  type RectificationSummary,
  type TransitionRequest,
} from '@zhiping/contracts';
import type { RectificationListQuery } from '@zhiping/contracts';
import {
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_WORKFLOW,
  availableTransitions,
  listCheckpoints,
  rectificationTiming,
  type RectificationStatus,
} from '@zhiping/domain';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext, type TxContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { accessOf, findEvaluationFacts, templateOfEvaluation } from '../evaluations/evaluation-access.ts';
import { findEvidenceOf, listEvidence, storeEvidence, type UploadedFile } from '../evaluations/evidence-store.ts';
import { responsibleInspectorOf } from '../inspectors/inspector.service.ts';
import { startWorkflow, transition, workflowLog } from '../workflow/workflow.service.ts';
import { canOpenItem, itemCapacities, type ItemFacts } from './rectification.policy.ts';
import * as repo from './rectification.repository.ts';

/** The summary of an item row as of today. */
export function toSummary(r: repo.ItemRow, today: string): RectificationSummary {
  const status = r.state as RectificationStatus;
  const timing = rectificationTiming({ deadline: r.deadline, status, submittedOn: r.submitted_on }, today);
  return {
    id: r.id,
    schoolId: r.school_id,
    schoolName: r.school_name,
    source: r.evaluation_id ? 'evaluation' : r.visit_id ? 'visit' : 'manual',
    evaluationId: r.evaluation_id,
    campaignName: r.campaign_name,
    visitId: r.visit_id,
    code: r.code,
    problem: r.problem,
    requirement: r.requirement,
    requiredEvidence: r.required_evidence,
    owner: r.owner,
    deadline: r.deadline,
    status,
    statusLabel: RECTIFICATION_STATUS_LABELS[status] ?? r.state,
    version: r.version,
    ...timing,
    submittedOn: r.submitted_on,
    verifiedOn: r.verified_on,
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
  };
}

async function factsOf(
  ctx: Pick<ServiceContext, 'db'>,
  schoolId: number,
  evaluationId: number | null,
): Promise<ItemFacts & { evaluationState: string | null }> {
  const [evaluation, responsible] = await Promise.all([
    evaluationId ? findEvaluationFacts(ctx.db, evaluationId) : Promise.resolve(null),
    responsibleInspectorOf(ctx.db, schoolId),
  ]);
  return {
    schoolId,
    team: evaluation?.team ?? [],
    responsibleInspectorId: responsible?.inspectorId ?? null,
    evaluationState: evaluation?.state ?? null,
  };
}

/** One new item as the writers take it. */
export interface NewItem {
  schoolId: number;
  evaluationId: number | null;
  visitId: number | null;
  code: string | null;
  problem: string;
  requirement: string;
  requiredEvidence: string;
  owner: string;
  deadline: string;
}

/** Opens items in the caller's transaction (starts their workflow, audits each); returns their ids. */
export async function openItems(tx: TxContext, items: NewItem[]): Promise<number[]> {
  const ids: number[] = [];
  for (const item of items) {
    const id = await repo.insertItem(tx.db, {
      school_id: item.schoolId,
      evaluation_id: item.evaluationId,
      visit_id: item.visitId,
      code: item.code,
      problem: item.problem,
      requirement: item.requirement,
      required_evidence: item.requiredEvidence,
      owner: item.owner,
      deadline: item.deadline,
      created_by: tx.actor.userId,
      created_by_name: tx.actor.displayName,
    });
    await startWorkflow(tx, RECTIFICATION_WORKFLOW, { type: 'rectification', id, schoolId: item.schoolId });
    await recordAudit(tx.db, tx.actor, {
      action: 'rectification.open',
      entityType: 'rectification_item',
      entityId: id,
      schoolId: item.schoolId,
      summary: `立整改事项：${item.problem.slice(0, 60)}（责任人 ${item.owner}，期限 ${item.deadline}）`,
      after: item,
    });
    ids.push(id);
  }
  return ids;
}

/** Opens an item for a problem (督导室; the evaluation's team from consolidation on; the responsible inspector). */
export async function createItem(ctx: ServiceContext, input: RectificationInput): Promise<RectificationDetail> {
  const access = await accessOf(ctx);
  if (input.deadline < ctx.clock.today()) throw invalid('deadline', '整改期限不能早于今天');
  const facts = await factsOf(ctx, input.schoolId, input.evaluationId);
  if (input.evaluationId !== null) {
    const ev = await findEvaluationFacts(ctx.db, input.evaluationId);
    if (!ev || ev.schoolId !== input.schoolId) throw invalid('evaluationId', '评估与学校不符');
    if (input.code !== null) {
      const template = await templateOfEvaluation(ctx.db, ev.templateId);
      if (!listCheckpoints(template).some((n) => n.code === input.code)) throw invalid('code', `模板中没有评估要点 ${input.code}`);
    }
  }
  if (!canOpenItem(access, facts, facts.evaluationState))
    throw new AppError('FORBIDDEN', { userMessage: '只有督导室、该校评估组或责任督学可以立整改事项' });
  const [id] = await inTransaction(ctx, (tx) => openItems(tx, [{ ...input, visitId: null }]));
  return getItem(ctx, id!);
}

/** A page of the items the caller may see, with timing flags. */
export async function listItems(ctx: ServiceContext, query: z.infer<typeof RectificationListQuery>): Promise<Page<RectificationSummary>> {
  const access = await accessOf(ctx);
  const today = ctx.clock.today();
  const { total, rows } = await repo.findItemPage(
    ctx.db,
    repo.itemVisibleTo(access),
    {
      schoolId: query.schoolId,
      evaluationId: query.evaluationId,
      campaignId: query.campaignId,
      status: query.status,
      overdueOn: query.overdue === 'true' ? today : undefined,
      isUnfinished: query.unfinished === 'true',
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map((r) => toSummary(r, today)), total, page: query.page, pageSize: query.pageSize };
}

/** Items still open or awaiting verification at a school, visible to the caller (a visit opens with them). */
export async function listUnfinishedItems(ctx: ServiceContext, schoolId: number): Promise<RectificationSummary[]> {
  const access = await accessOf(ctx);
  const rows = await repo.findItems(ctx.db, repo.itemVisibleTo(access), { schoolId, isUnfinished: true });
  return rows.map((r) => toSummary(r, ctx.clock.today()));
}

async function loadItem(ctx: ServiceContext, id: number) {
  const access = await accessOf(ctx);
  const [row] = await repo.findItems(ctx.db, repo.itemVisibleTo(access), { ids: [id] });
  if (!row) throw notFound('整改事项');
  const facts = await factsOf(ctx, row.school_id, row.evaluation_id);
  return { access, row, capacities: itemCapacities(access, facts) };
}

/** One item with progress, evidence, log and the caller's actions. */
export async function getItem(ctx: ServiceContext, id: number): Promise<RectificationDetail> {
  const { row, capacities } = await loadItem(ctx, id);
  const [progress, evidence, log] = await Promise.all([
    repo.findProgress(ctx.db, id),
    listEvidence(ctx, { rectificationId: id }),
    workflowLog(ctx, RECTIFICATION_WORKFLOW, { type: 'rectification', id }),
  ]);
  return {
    ...toSummary(row, ctx.clock.today()),
    progress: progress.map((p) => ({ id: p.id, note: p.note, byName: p.by_name, at: p.at.toISOString() })),
    evidence,
    log,
    capacities,
    actions: availableTransitions(RECTIFICATION_WORKFLOW, row.state as RectificationStatus, capacities).map((t) => ({
      action: t.action,
      label: t.label,
      requiresNote: !!t.requiresNote,
      isSendBack: !!t.isSendBack,
    })),
  };
}

/** The school reports progress on an open item. */
export async function reportProgress(ctx: ServiceContext, id: number, note: string): Promise<RectificationDetail> {
  const { row, capacities } = await loadItem(ctx, id);
  if (!capacities.includes('school_admin')) throw new AppError('FORBIDDEN', { userMessage: '只有本校管理员可以报告整改进展' });
  if (row.state === 'verified') throw new AppError('INVALID_STATE', { userMessage: '整改事项已复核销号' });
  await inTransaction(ctx, async (tx) => {
    await repo.insertProgress(tx.db, id, note, { id: tx.actor.userId, name: tx.actor.displayName });
    await recordAudit(tx.db, tx.actor, {
      action: 'rectification.progress',
      entityType: 'rectification_item',
      entityId: id,
      schoolId: row.school_id,
      summary: `整改进展：${note.slice(0, 80)}`,
    });
  });
  return getItem(ctx, id);
}

/** Appends follow-up notes (from a visit) in the caller's transaction. */
export async function addFollowUps(tx: TxContext, followUps: { itemId: number; schoolId: number; note: string }[]): Promise<void> {
  for (const f of followUps) {
    await repo.insertProgress(tx.db, f.itemId, `【督学跟踪】${f.note}`, { id: tx.actor.userId, name: tx.actor.displayName });
    await recordAudit(tx.db, tx.actor, {
      action: 'rectification.follow_up',
      entityType: 'rectification_item',
      entityId: f.itemId,
      schoolId: f.schoolId,
      summary: `督学跟踪整改：${f.note.slice(0, 80)}`,
    });
  }
}

/** One step of an item in the caller's transaction, with the capacities the caller holds; records the submit/verify day. */
export async function advanceItem(
  tx: TxContext,
  item: { id: number; schoolId: number },
  request: TransitionRequest,
  capacities: readonly string[],
): Promise<void> {
  await transition(
    tx,
    RECTIFICATION_WORKFLOW,
    { type: 'rectification', id: item.id, schoolId: item.schoolId },
    {
      action: request.action,
      capacities,
      ...(request.note !== undefined ? { note: request.note } : {}),
      ...(request.expectedVersion !== undefined ? { expectedVersion: request.expectedVersion } : {}),
    },
  );
  const today = tx.clock.today();
  if (request.action === 'submit') await repo.setItemDates(tx.db, item.id, { submitted_on: today });
  if (request.action === 'verify') await repo.setItemDates(tx.db, item.id, { verified_on: today });
}

/** Moves an item: submit (school, with a note), verify or send back (inspector). */
export async function transitionItem(ctx: ServiceContext, id: number, request: TransitionRequest): Promise<RectificationDetail> {
  const { row, capacities } = await loadItem(ctx, id);
  if (!(RECTIFICATION_WORKFLOW.transitions as readonly { action: string }[]).some((t) => t.action === request.action))
    throw invalid('action', `未知操作：${request.action}`);
  await inTransaction(ctx, (tx) => advanceItem(tx, { id, schoolId: row.school_id }, request, capacities));
  return getItem(ctx, id);
}

/** The school uploads evidence of an unfinished item. */
export async function addItemEvidence(ctx: ServiceContext, id: number, file: UploadedFile): Promise<EvaluationEvidence> {
  const { row, capacities } = await loadItem(ctx, id);
  if (!capacities.includes('school_admin')) throw new AppError('FORBIDDEN', { userMessage: '只有本校管理员可以上传整改材料' });
  if (row.state === 'verified') throw new AppError('INVALID_STATE', { userMessage: '整改事项已复核销号' });
  return inTransaction(ctx, async (tx) => {
    const stored = await storeEvidence(tx, { rectificationId: id }, file);
    await recordAudit(tx.db, tx.actor, {
      action: 'rectification.evidence.add',
      entityType: 'evaluation_evidence',
      entityId: stored.id,
      schoolId: row.school_id,
      summary: `上传整改材料《${stored.fileName}》`,
      after: { rectificationId: id, fileName: stored.fileName, size: stored.size, sha256: stored.sha256 },
    });
    return stored;
  });
}

/** One evidence file of an item. */
export async function getItemEvidence(ctx: ServiceContext, id: number, fileId: number) {
  await loadItem(ctx, id);
  const f = await findEvidenceOf(ctx, { rectificationId: id }, fileId);
  if (!f) throw notFound('整改材料');
  return { fileName: f.file_name, contentType: f.content_type, content: f.content };
}

/** Counts for dashboards: by status, overdue, due soon, and per school (unfinished only). */
export async function getDashboard(ctx: ServiceContext): Promise<RectificationDashboard> {
  const access = await accessOf(ctx);
  const today = ctx.clock.today();
  const items = (await repo.findItems(ctx.db, repo.itemVisibleTo(access), {})).map((r) => toSummary(r, today));
  const count = (s: string) => items.filter((i) => i.status === s).length;
  const schools = new Map<number, RectificationDashboard['schools'][number]>();
  for (const i of items.filter((x) => x.status !== 'verified')) {
    const s = schools.get(i.schoolId) ?? { schoolId: i.schoolId, schoolName: i.schoolName, open: 0, submitted: 0, overdue: 0 };
    if (i.status === 'open') s.open += 1;
    if (i.status === 'submitted') s.submitted += 1;
    if (i.isOverdue) s.overdue += 1;
    schools.set(i.schoolId, s);
  }
  return {
    open: count(RECTIFICATION_STATUSES[0]),
    submitted: count(RECTIFICATION_STATUSES[1]),
    verified: count(RECTIFICATION_STATUSES[2]),
    overdue: items.filter((i) => i.isOverdue).length,
    dueSoon: items.filter((i) => i.isDueSoon).length,
    schools: [...schools.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.schoolName.localeCompare(b.schoolName)),
  };
}

/** Sets the days an item was submitted or verified (demo history, where the steps happened in the past). */
export async function backdateItem(
  tx: TxContext,
  id: number,
  dates: { submittedOn?: string | null; verifiedOn?: string | null },
): Promise<void> {
  await repo.setItemDates(tx.db, id, {
    ...(dates.submittedOn !== undefined ? { submitted_on: dates.submittedOn } : {}),
    ...(dates.verifiedOn !== undefined ? { verified_on: dates.verifiedOn } : {}),
  });
}
