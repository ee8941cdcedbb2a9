/**
 * Use cases of one school's evaluation: the scoped list, the detail with the caller's capacities,
 * available actions, workflow log and the sheets they may open, and moving it through its workflow.
 */
import type { EvaluationDetail, EvaluationRow, Page, TransitionRequest } from '@zhiping/contracts';
import type { EvaluationListQuery } from '@zhiping/contracts';
import { EVALUATION_WORKFLOW, availableTransitions, listCheckpoints } from '@zhiping/domain';
import type { z } from 'zod';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { workflowLog } from '../workflow/workflow.service.ts';
import { accessOf, loadEvaluation, type LoadedEvaluation } from './evaluation-access.ts';
import { toEvaluationRow } from './evaluation.mapper.ts';
import { canSeeConsolidation, canSeeResult, capacitiesFor, type EvaluationAccess } from './evaluation.policy.ts';
import * as repo from './evaluation.repository.ts';
import { runStep } from './evaluation-steps.ts';
import { countScoredPerSheet } from './scoring.repository.ts';

/** Whether the caller may see an evaluation row's result columns. */
export function isResultVisibleIn(access: EvaluationAccess, row: repo.EvaluationRowData, team: repo.TeamRow[]): boolean {
  const caps = capacitiesFor(
    access,
    row.school_id,
    team.map((t) => ({ inspectorId: t.inspector_id, isLead: t.is_lead })),
  );
  return canSeeResult(access, caps, row.state, row.total !== null);
}

/** Rows with teams, result columns shown only to those who may see them. */
export async function toRows(ctx: ServiceContext, access: EvaluationAccess, rows: repo.EvaluationRowData[]): Promise<EvaluationRow[]> {
  const teams = await repo.findTeams(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const team = teams.get(r.id) ?? [];
    return toEvaluationRow(r, team, isResultVisibleIn(access, r, team));
  });
}

/** A page of the evaluations the caller may see (a school: its own; an inspector: assigned and responsible). */
export async function listEvaluations(ctx: ServiceContext, query: z.infer<typeof EvaluationListQuery>): Promise<Page<EvaluationRow>> {
  const access = await accessOf(ctx);
  const { total, rows } = await repo.findEvaluationPage(
    ctx.db,
    access,
    {
      campaignId: query.campaignId,
      schoolId: query.schoolId,
      state: query.state,
      teamMemberId: query.mine === 'true' ? (access.userId ?? -1) : undefined,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: await toRows(ctx, access, rows), total, page: query.page, pageSize: query.pageSize };
}

async function toDetail(ctx: ServiceContext, ev: LoadedEvaluation): Promise<EvaluationDetail> {
  const { row, team, capacities, access, template } = ev;
  const log = await workflowLog(ctx, EVALUATION_WORKFLOW, { type: 'evaluation', id: row.id });
  const scored = await countScoredPerSheet(ctx.db, row.id);
  const total = listCheckpoints(template).length;
  const seesTeam = canSeeConsolidation(access, capacities, row.state);
  const sheets: EvaluationDetail['sheets'] = [
    { kind: 'self', inspectorId: null, name: '学校自评', scored: scored.get(null) ?? 0, total, submittedAt: null },
  ];
  for (const t of team) {
    if (seesTeam || t.inspector_id === access.userId)
      sheets.push({
        kind: 'inspector',
        inspectorId: t.inspector_id,
        name: t.name,
        scored: scored.get(t.inspector_id) ?? 0,
        total,
        submittedAt: t.sheet_submitted_at?.toISOString() ?? null,
      });
  }
  const selfSubmitted = log.filter((l) => l.action === 'submit_self_assessment').at(-1);
  if (selfSubmitted) sheets[0]!.submittedAt = selfSubmitted.at;
  const isResultVisible = canSeeResult(access, capacities, row.state, row.total !== null);
  return {
    ...toEvaluationRow(row, team, isResultVisible),
    template: { id: row.template_id, family: template.family, version: template.version, name: template.name, scale: template.scale },
    deadlines: { selfAssessmentDue: row.self_assessment_due, onSiteDue: row.on_site_due, reportDue: row.report_due },
    capacities,
    actions: availableTransitions(EVALUATION_WORKFLOW, row.state as never, capacities).map((t) => ({
      action: t.action,
      label: t.label,
      requiresNote: !!t.requiresNote,
      isSendBack: !!t.isSendBack,
    })),
    log,
    sheets,
    canSeeConsolidation: seesTeam,
    canSeeResult: isResultVisible,
  };
}

/** One evaluation as the caller sees it (404 when out of reach). */
export async function getEvaluation(ctx: ServiceContext, id: number): Promise<EvaluationDetail> {
  return toDetail(ctx, await loadEvaluation(ctx, id));
}

/** Moves an evaluation through its workflow (capacities from the policy; requirements per step; stale versions refused). */
export async function transitionEvaluation(ctx: ServiceContext, id: number, request: TransitionRequest): Promise<EvaluationDetail> {
  const ev = await loadEvaluation(ctx, id);
  await inTransaction(ctx, (tx) => runStep(tx, ev, request));
  return getEvaluation(ctx, id);
}
