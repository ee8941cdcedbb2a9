/**
 * Team consolidation (合议): the inspectors' independent sheets are consolidated check point by check
 * point (median or mean snapped to the method, majority for yes/no; large spreads flagged), the lead
 * inspector overrides proposals with a mandatory reason (the replaced proposal is kept), and on
 * submission the consolidated sheet becomes the stored result with its strengths and problems.
 */
import type { ConsolidationView, OverrideInput, ResultSummary } from '@zhiping/contracts';
import {
  aggregateScores,
  consolidateScores,
  consolidatedScores,
  overrideConsolidatedPoint,
  type Consolidation,
  type EvaluationResult,
  type InspectorSheet,
  type RubricTemplate,
  type ScoreInput,
} from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext, type TxContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { loadEvaluation, type LoadedEvaluation } from './evaluation-access.ts';
import { canSeeConsolidation } from './evaluation.policy.ts';
import { deriveFindings } from './findings.ts';
import * as results from './result.repository.ts';
import { checkpointOf } from './score-sheet.ts';
import { toCheckpointScores } from './scoring.service.ts';
import * as repo from './scoring.repository.ts';

/** What consolidating one evaluation needs. */
export interface ConsolidationInput {
  evaluationId: number;
  template: RubricTemplate;
  disagreementRatio: number;
}

/** Consolidates many evaluations from their stored sheets and overrides (scores read in one query). */
export async function consolidateMany(db: Kysely<DB>, inputs: ConsolidationInput[]): Promise<Map<number, Consolidation>> {
  const ids = inputs.map((i) => i.evaluationId);
  const [rows, overrides, evidence] = await Promise.all([
    repo.findTeamScores(db, ids),
    repo.findOverrides(db, ids),
    repo.countEvidenceOf(db, ids),
  ]);
  const rowsOf = new Map<number, repo.TeamScoreRow[]>();
  for (const r of rows) {
    const list = rowsOf.get(r.evaluation_id);
    if (list) list.push(r);
    else rowsOf.set(r.evaluation_id, [r]);
  }
  const out = new Map<number, Consolidation>();
  for (const input of inputs) {
    const bySheet = new Map<number, repo.TeamScoreRow[]>();
    for (const r of rowsOf.get(input.evaluationId) ?? []) {
      const list = bySheet.get(r.inspector_id!);
      if (list) list.push(r);
      else bySheet.set(r.inspector_id!, [r]);
    }
    const sheets: InspectorSheet[] = [...bySheet.entries()]
      .sort(([a], [b]) => a - b)
      .map(([inspectorId, sheetRows]) => ({
        inspectorId: String(inspectorId),
        scores: toCheckpointScores(sheetRows, evidence.get(input.evaluationId) ?? {}),
      }));
    let c = consolidateScores(input.template, sheets, { disagreementRatio: input.disagreementRatio });
    for (const o of overrides.filter((x) => x.evaluation_id === input.evaluationId)) {
      const applied = overrideConsolidatedPoint(input.template, c, {
        code: o.code,
        by: o.decided_by_name,
        reason: o.reason,
        at: o.decided_at.toISOString(),
        input: o.input as ScoreInput,
        ...(o.note ? { note: o.note } : {}),
      });
      // An override that no longer fits the template cannot happen (templates in use are frozen); skip defensively.
      if (applied.ok) c = applied.consolidation;
    }
    out.set(input.evaluationId, c);
  }
  return out;
}

/** The result a consolidation gives. */
export function resultOf(template: RubricTemplate, c: Consolidation): EvaluationResult {
  return aggregateScores(template, consolidatedScores(c));
}

/** The summary part of a result. */
export function toResultSummary(r: EvaluationResult): ResultSummary {
  return {
    total: r.total,
    scale: r.scale,
    band: r.band,
    bandByTotal: r.bandByTotal,
    verdict: r.verdict,
    verdictLabel: r.verdictLabel,
    areas: r.areas.map((a) => ({ code: a.code, title: a.title, points: a.points, maxPoints: a.maxPoints, percent: a.percent })),
    vetoesHit: r.vetoesHit,
    demotions: r.demotions,
    completeness: r.completeness,
  };
}

async function consolidationOf(db: Kysely<DB>, ev: LoadedEvaluation): Promise<Consolidation> {
  const input = { evaluationId: ev.row.id, template: ev.template, disagreementRatio: Number(ev.row.disagreement_ratio) };
  return (await consolidateMany(db, [input])).get(ev.row.id)!;
}

/** The consolidation of an evaluation with names, flags, overrides and the result it would give. */
export async function getConsolidation(ctx: ServiceContext, id: number): Promise<ConsolidationView> {
  const ev = await loadEvaluation(ctx, id);
  if (!canSeeConsolidation(ev.access, ev.capacities, ev.row.state)) throw notFound('合议');
  const c = await consolidationOf(ctx.db, ev);
  const names = new Map(ev.team.map((t) => [String(t.inspector_id), t.name] as const));
  const settled = (s: { input: ScoreInput; points: number; note?: string }) => ({ input: s.input, points: s.points, note: s.note ?? null });
  return {
    evaluationId: id,
    state: ev.row.state as ConsolidationView['state'],
    isEditable: ev.capacities.includes('lead_inspector') && ev.row.state === 'consolidation',
    disagreementRatio: Number(ev.row.disagreement_ratio),
    points: c.points.map((p) => ({
      code: p.code,
      title: p.title,
      maxPoints: p.maxPoints,
      scores: p.scores.map((s) => ({
        inspectorId: Number(s.inspectorId),
        name: names.get(s.inspectorId) ?? s.inspectorId,
        points: s.points,
        input: s.input,
        note: s.note ?? null,
      })),
      mean: p.mean,
      min: p.min,
      max: p.max,
      spread: p.spread,
      isFlagged: p.isFlagged,
      isTie: p.isTie,
      rule: p.rule,
      proposed: settled(p.proposed),
      final: settled(p.final),
      override: p.override
        ? { byName: p.override.by, reason: p.override.reason, at: p.override.at, replaced: settled(p.override.replaced) }
        : null,
    })),
    notScored: c.notScored,
    flagged: c.flagged,
    unresolved: c.unresolved,
    preview: toResultSummary(resultOf(ev.template, c)),
  };
}

function requireLeadInConsolidation(ev: LoadedEvaluation): void {
  if (!ev.capacities.includes('lead_inspector')) throw new AppError('FORBIDDEN', { userMessage: '只有评估组组长可以调整合议分' });
  if (ev.row.state !== 'consolidation') throw new AppError('INVALID_STATE', { userMessage: '只有在组内合议阶段可以调整合议分' });
}

/** The lead inspector replaces a check point's proposal with a score and a reason (audited with the replaced proposal). */
export async function overridePoint(ctx: ServiceContext, id: number, code: string, input: OverrideInput): Promise<ConsolidationView> {
  const ev = await loadEvaluation(ctx, id);
  requireLeadInConsolidation(ev);
  checkpointOf(ev.template, code);
  if (input.input.kind === 'computed') throw invalid('input', '请填写分数、等级或“是/否”');
  await inTransaction(ctx, async (tx) => {
    const c = await consolidationOf(tx.db, ev);
    const request = {
      code,
      by: tx.actor.displayName,
      reason: input.reason,
      at: tx.clock.now().toISOString(),
      input: input.input,
      ...(input.note ? { note: input.note } : {}),
    };
    const applied = overrideConsolidatedPoint(ev.template, c, request);
    if (!applied.ok) throw invalid('input', applied.message);
    const before = c.points.find((p) => p.code === code);
    await repo.upsertOverride(tx.db, {
      evaluationId: id,
      code,
      input: input.input,
      note: input.note ?? '',
      reason: input.reason,
      by: { id: tx.actor.userId, name: tx.actor.displayName },
      at: tx.clock.now(),
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.consolidation.override',
      entityType: 'evaluation',
      entityId: id,
      schoolId: ev.row.school_id,
      summary: `${ev.row.school_name}合议：组长调整 ${code} 为 ${applied.consolidation.points.find((p) => p.code === code)?.final.points} 分，理由：${input.reason}`,
      before: before ? { proposed: before.proposed, final: before.final } : null,
      after: { input: input.input, note: input.note, reason: input.reason },
    });
  });
  return getConsolidation(ctx, id);
}

/** The lead withdraws an override (the proposal applies again). */
export async function removeOverride(ctx: ServiceContext, id: number, code: string): Promise<ConsolidationView> {
  const ev = await loadEvaluation(ctx, id);
  requireLeadInConsolidation(ev);
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.deleteOverride(tx.db, id, code))) throw notFound('调整记录');
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.consolidation.override_remove',
      entityType: 'evaluation',
      entityId: id,
      schoolId: ev.row.school_id,
      summary: `${ev.row.school_name}合议：撤销对 ${code} 的调整`,
    });
  });
  return getConsolidation(ctx, id);
}

/** Stores the results of consolidated evaluations; VALIDATION_FAILED while ties are undecided or check points unscored. */
export async function storeResults(tx: TxContext, inputs: ConsolidationInput[]): Promise<Map<number, EvaluationResult>> {
  const all = await consolidateMany(tx.db, inputs);
  const writes: results.ResultWrite[] = [];
  const out = new Map<number, EvaluationResult>();
  for (const input of inputs) {
    const c = all.get(input.evaluationId)!;
    const problems = [
      ...c.unresolved.map((code) => ({ path: code, message: `要点 ${code} 各督学意见各半，须由组长裁定` })),
      ...c.notScored.map((code) => ({ path: code, message: `要点 ${code} 没有有效评分` })),
    ];
    if (problems.length > 0)
      throw new AppError('VALIDATION_FAILED', {
        userMessage: problems
          .slice(0, 3)
          .map((p) => p.message)
          .join('；'),
        issues: problems,
      });
    const result = resultOf(input.template, c);
    writes.push({
      evaluationId: input.evaluationId,
      result,
      scores: consolidatedScores(c),
      findings: deriveFindings(input.template, c),
      at: tx.clock.now(),
    });
    out.set(input.evaluationId, result);
  }
  await results.upsertResults(tx.db, writes);
  return out;
}
