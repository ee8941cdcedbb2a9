/**
 * Running records through a workflow definition (packages/domain/src/workflow): start, transition with
 * optimistic concurrency, and the log. Consuming areas decide the actor's capacities with their own
 * policy and call these inside their transaction, so the state change, the area's own change and the
 * audit row commit together.
 */
import { checkTransition, type WorkflowDefinition } from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { TxContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './workflow.repository.ts';

/** What a subject is, for the instance key and the audit trail. */
export interface WorkflowSubject {
  type: string;
  id: string | number;
  schoolId?: number | null;
}

/** Snapshot of an instance after a change. */
export interface WorkflowStatus {
  instanceId: number;
  state: string;
  version: number;
}

/** Starts a subject in the definition's initial state (idempotent: returns the existing instance). */
export async function startWorkflow(tx: TxContext, def: WorkflowDefinition, subject: WorkflowSubject): Promise<WorkflowStatus> {
  const existing = await repo.findInstance(tx.db, def.key, subject.type, String(subject.id));
  if (existing) return { instanceId: existing.id, state: existing.state, version: existing.version };
  const i = await repo.insertInstance(tx.db, {
    definition_key: def.key,
    subject_type: subject.type,
    subject_id: String(subject.id),
    school_id: subject.schoolId ?? null,
    state: def.initial,
  });
  await repo.insertTransition(tx.db, {
    instance_id: i.id,
    action: 'start',
    from_state: null,
    to_state: def.initial,
    actor_id: tx.actor.userId,
    actor_name: tx.actor.username,
    note: '',
  });
  return { instanceId: i.id, state: i.state, version: i.version };
}

/** Options of one transition. */
export interface TransitionOptions {
  action: string;
  /** The actor's capacities for this subject, decided by the consuming area's policy. */
  capacities: readonly string[];
  note?: string;
  /** The version the client saw; a stale version answers CONFLICT instead of silently overwriting. */
  expectedVersion?: number;
}

/** Applies a transition, logs it and audits it; throws INVALID_STATE, FORBIDDEN or CONFLICT with a Chinese message. */
export async function transition(
  tx: TxContext,
  def: WorkflowDefinition,
  subject: WorkflowSubject,
  options: TransitionOptions,
): Promise<WorkflowStatus> {
  const found = await repo.findInstance(tx.db, def.key, subject.type, String(subject.id));
  if (!found) throw new AppError('INVALID_STATE', { userMessage: '该记录尚未进入流程' });
  const instance = await repo.lockInstance(tx.db, found.id);
  if (!instance) throw new AppError('NOT_FOUND');
  if (options.expectedVersion !== undefined && options.expectedVersion !== instance.version) {
    throw new AppError('CONFLICT', { userMessage: '该记录已被他人处理，请刷新后重试' });
  }
  const check = checkTransition(def, instance.state, options.action, options.capacities);
  if (!check.ok) throw new AppError(check.reason === 'not_allowed' ? 'FORBIDDEN' : 'INVALID_STATE', { userMessage: check.message });
  const note = options.note?.trim() ?? '';
  if (check.requiresNote && !note)
    throw new AppError('VALIDATION_FAILED', { userMessage: '请填写理由', issues: [{ path: 'note', message: '请填写理由' }] });
  const moved = await repo.moveInstance(tx.db, instance.id, instance.version, check.to, tx.clock.now());
  if (moved !== 1) throw new AppError('CONFLICT', { userMessage: '该记录已被他人处理，请刷新后重试' });
  const t = def.transitions.find((x) => x.action === options.action && x.from.includes(instance.state))!;
  await repo.insertTransition(tx.db, {
    instance_id: instance.id,
    action: options.action,
    from_state: instance.state,
    to_state: check.to,
    is_send_back: !!t.isSendBack,
    actor_id: tx.actor.userId,
    actor_name: tx.actor.username,
    note,
  });
  await recordAudit(tx.db, tx.actor, {
    action: `workflow.${def.key}.${options.action}`,
    entityType: subject.type,
    entityId: subject.id,
    schoolId: subject.schoolId ?? instance.school_id,
    summary: `${def.name}：${t.label}（${def.states[instance.state]?.label ?? instance.state} → ${def.states[check.to]?.label ?? check.to}）${note ? `，理由：${note}` : ''}`,
    before: { state: instance.state },
    after: { state: check.to },
  });
  return { instanceId: instance.id, state: check.to, version: instance.version + 1 };
}

/** The transition log of a subject, oldest first (empty when it never entered the workflow). */
export async function workflowLog(tx: { db: Kysely<DB> }, def: WorkflowDefinition, subject: WorkflowSubject) {
  const instance = await repo.findInstance(tx.db, def.key, subject.type, String(subject.id));
  if (!instance) return [];
  const rows = await repo.findTransitions(tx.db, instance.id);
  return rows.map((r) => ({
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    isSendBack: r.is_send_back,
    actorName: r.actor_name,
    note: r.note,
    at: r.at.toISOString(),
  }));
}
