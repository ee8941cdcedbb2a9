/**
 * One school's result: total, area scores, band, vetoes hit, strengths and problems (from the
 * inspectors' notes), each problem linked to the rectification item opened for it. A school sees its
 * result once published; the team and the district see it from consolidation on.
 */
import type { EvaluationResultView, Finding } from '@zhiping/contracts';
import type { EvaluationResult } from '@zhiping/domain';
import type { ServiceContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { findItemIdsOfEvaluation } from '../rectification/rectification-lookup.ts';
import { toResultSummary } from './consolidation.service.ts';
import { loadEvaluation, type LoadedEvaluation } from './evaluation-access.ts';
import { canSeeResult } from './evaluation.policy.ts';
import type { FindingData } from './findings.ts';
import * as repo from './result.repository.ts';

/** The stored result of a loaded evaluation as the API shows it; NOT_FOUND when the caller may not see it. */
export async function resultView(ctx: ServiceContext, ev: LoadedEvaluation): Promise<EvaluationResultView> {
  const row = await repo.findResult(ctx.db, ev.row.id);
  if (!row || !canSeeResult(ev.access, ev.capacities, ev.row.state, true)) throw notFound('评估结果');
  const result = row.result as EvaluationResult;
  const findings = row.findings as { strengths: FindingData[]; problems: FindingData[] };
  const items = await findItemIdsOfEvaluation(ctx.db, ev.row.id);
  const finding = (f: FindingData, withLink: boolean): Finding => ({
    ...f,
    rectificationId: withLink ? (items.get(f.code) ?? null) : null,
  });
  const t = ev.template;
  return {
    ...toResultSummary(result),
    evaluationId: ev.row.id,
    school: { id: ev.row.school_id, code: ev.row.school_code, name: ev.row.school_name },
    campaign: { id: ev.row.campaign_id, name: ev.row.campaign_name },
    template: { id: ev.row.template_id, family: t.family, version: t.version, name: t.name, scale: t.scale },
    nodes: result.nodes.map((n) => ({
      code: n.code,
      kind: n.kind,
      title: n.title,
      points: n.points,
      maxPoints: n.maxPoints,
      percent: n.percent,
    })),
    strengths: findings.strengths.map((f) => finding(f, false)),
    problems: findings.problems.map((f) => finding(f, true)),
    isPublished: row.published_at !== null,
    publishedAt: row.published_at?.toISOString() ?? null,
    computedAt: row.computed_at.toISOString(),
  };
}

/** One evaluation's result. */
export async function getResult(ctx: ServiceContext, id: number): Promise<EvaluationResultView> {
  return resultView(ctx, await loadEvaluation(ctx, id));
}
