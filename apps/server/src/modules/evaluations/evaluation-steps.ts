/**
 * One step of a school's evaluation on EVALUATION_WORKFLOW, with what each step requires and does:
 * submitting the self-evaluation fills computed check points and needs every check point (and the
 * required evidence); ending the on-site phase needs every inspector's sheet submitted; submitting the
 * consolidation stores the result; publishing makes it visible to the school. A send-back is an
 * ordinary transition with a reason, so the workflow log keeps its trace.
 */
import { EVALUATION_WORKFLOW, checkTransition } from '@zhiping/domain';
import type { TxContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { transition, type WorkflowStatus } from '../workflow/workflow.service.ts';
import type { LoadedEvaluation } from './evaluation-access.ts';
import { storeResults } from './consolidation.service.ts';
import * as results from './result.repository.ts';
import { completeSelfSheets, completeSheet } from './scoring.service.ts';

/** A transition request. */
export interface StepRequest {
  action: string;
  note?: string | undefined;
  expectedVersion?: number | undefined;
}

/** Throws unless the caller's capacities allow the action from the evaluation's state (checked first, so nobody learns more). */
function checkAllowed(ev: LoadedEvaluation, action: string): void {
  const check = checkTransition(EVALUATION_WORKFLOW, ev.row.state as never, action, ev.capacities);
  if (!check.ok) throw new AppError(check.reason === 'not_allowed' ? 'FORBIDDEN' : 'INVALID_STATE', { userMessage: check.message });
}

/** The step's own requirements and preparations. */
async function beforeStep(tx: TxContext, ev: LoadedEvaluation, action: string): Promise<void> {
  checkAllowed(ev, action);
  switch (action) {
    case 'submit_self_assessment':
      await completeSheet(tx, ev, null);
      return;
    case 'submit_scores': {
      if (ev.team.length === 0) throw new AppError('INVALID_STATE', { userMessage: '尚未指派评估组' });
      const pending = ev.team.filter((t) => !t.sheet_submitted_at);
      if (pending.length > 0)
        throw new AppError('INVALID_STATE', { userMessage: `还有督学未提交评分表：${pending.map((p) => p.name).join('、')}` });
      return;
    }
    case 'submit_consolidation':
      await storeResults(tx, [{ evaluationId: ev.row.id, template: ev.template, disagreementRatio: Number(ev.row.disagreement_ratio) }]);
      return;
    default:
      return;
  }
}

function applyTransition(tx: TxContext, ev: LoadedEvaluation, request: StepRequest): Promise<WorkflowStatus> {
  return transition(
    tx,
    EVALUATION_WORKFLOW,
    { type: 'evaluation', id: ev.row.id, schoolId: ev.row.school_id },
    {
      action: request.action,
      capacities: ev.capacities,
      ...(request.note !== undefined ? { note: request.note } : {}),
      ...(request.expectedVersion !== undefined ? { expectedVersion: request.expectedVersion } : {}),
    },
  );
}

/** Runs one step in the caller's transaction: requirements, the transition (logged and audited), then its effect. */
export async function runStep(tx: TxContext, ev: LoadedEvaluation, request: StepRequest): Promise<WorkflowStatus> {
  await beforeStep(tx, ev, request.action);
  const status = await applyTransition(tx, ev, request);
  if (request.action === 'publish') await results.markPublished(tx.db, [ev.row.id], tx.clock.now());
  return status;
}

/**
 * Runs one action on many evaluations in the caller's transaction, all or nothing. The same checks and
 * workflow transitions as runStep, with the heavy parts done in bulk: results of a consolidation step
 * are computed from one read of all score rows, publication is one update. `actorOf` gives the context
 * each transition is logged under (e.g. each school's lead inspector).
 */
export async function runSteps(
  tx: TxContext,
  evs: LoadedEvaluation[],
  action: string,
  actorOf: (ev: LoadedEvaluation) => TxContext = () => tx,
): Promise<void> {
  if (action === 'submit_self_assessment') {
    for (const ev of evs) checkAllowed(ev, action);
    await completeSelfSheets(tx, evs);
  } else if (action === 'submit_consolidation') {
    for (const ev of evs) checkAllowed(ev, action);
    for (let i = 0; i < evs.length; i += 100)
      await storeResults(
        tx,
        evs
          .slice(i, i + 100)
          .map((ev) => ({ evaluationId: ev.row.id, template: ev.template, disagreementRatio: Number(ev.row.disagreement_ratio) })),
      );
  } else for (const ev of evs) await beforeStep(actorOf(ev), ev, action);
  for (const ev of evs) await applyTransition(actorOf(ev), ev, { action });
  if (action === 'publish')
    await results.markPublished(
      tx.db,
      evs.map((e) => e.row.id),
      tx.clock.now(),
    );
}
