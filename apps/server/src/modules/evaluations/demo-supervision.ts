/**
 * Supervision data of the demo district, loaded with the base data on first start so every supervision
 * page has content: responsible inspectors with visit history; a completed and published past campaign
 * (2024 幼儿园办园行为督导评估, built-in template) over every kindergarten — teams proposed under 回避,
 * a schedule, self-evaluations with evidence, three independent sheets each, a few lead overrides,
 * results with a few schools below 750 — with rectification items from its problems (most closed, a
 * couple open); and a current campaign over the primary and junior schools in self-evaluation. Scores
 * come from a seeded generator, so every first start gives the same district. Runs in the demo loader's
 * transaction, through the same workflow steps as the API.
 */
import { BUILT_IN_TEMPLATES, listCheckpoints } from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, TxContext } from '../../platform/context.ts';
import { seedDemoInspectors } from '../inspectors/demo-inspectors.ts';
import { advanceItem, backdateItem, openItems } from '../rectification/rectification.service.ts';
import { applyTeams, proposeTeams } from './assignment.service.ts';
import { createCampaign, publishCampaign, startCampaign } from './campaign.service.ts';
import { computedValuesOf, loadComputedSource } from './computed-values.ts';
import { consolidateMany } from './consolidation.service.ts';
import { demoRandom, shiftDate } from './demo-random.ts';
import { drawQualities, drawSchoolSheets } from './demo-scores.ts';
import { loadCampaignEvaluations, type LoadedEvaluation } from './evaluation-access.ts';
import { markTeamsSubmitted } from './evaluation.repository.ts';
import { runSteps } from './evaluation-steps.ts';
import { autoSchedule } from './schedule.service.ts';
import { insertEvidenceRows } from './evidence.repository.ts';
import * as results from './result.repository.ts';
import { insertScoreRows, upsertOverride } from './scoring.repository.ts';
import { ensureBuiltInTemplates } from './template.service.ts';
import * as templates from './template.repository.ts';

/** The seed of the demo scores. */
export const DEMO_SUPERVISION_SEED = 20241;
/** Responsible inspectors in the demo (about five schools each). */
const INSPECTORS = 38;

/** What was loaded. */
export interface DemoSupervisionResult {
  inspectors: number;
  campaignId: number;
  kindergartens: number;
  belowQualifying: number;
}

async function templateIdOf(tx: TxContext, family: string): Promise<number> {
  const version = BUILT_IN_TEMPLATES.find((t) => t.family === family)!.version;
  return (await templates.findTemplateRows(tx.db, { family })).find((r) => r.version === version)!.id;
}

/** Loads the supervision part of the demo district (call inside the demo loader's transaction). */
export async function seedDemoSupervision(tx: TxContext, options: { passwordHash: string }): Promise<DemoSupervisionResult> {
  const rng = demoRandom(DEMO_SUPERVISION_SEED);
  const today = tx.clock.today();
  const { accounts } = await seedDemoInspectors(tx, { passwordHash: options.passwordHash, rng, count: INSPECTORS });
  await ensureBuiltInTemplates(tx);

  const campaign = await createCampaign(tx, {
    name: '2024年度幼儿园办园行为督导评估',
    description: '依据《幼儿园办园行为督导评估办法》，对全区幼儿园开展办园行为督导评估（示例数据）。',
    templateId: await templateIdOf(tx, 'kindergarten-conduct'),
    periodStart: '2024-09-01',
    periodEnd: '2024-12-31',
    selfAssessmentDue: '2024-10-15',
    onSiteDue: '2024-11-29',
    reportDue: '2024-12-20',
    teamSize: 3,
    lookbackYears: 3,
    disagreementRatio: 0.2,
    selection: { typeCodes: ['111'], streetIds: [], schoolIds: [], excludeSchoolIds: [] },
  });
  const proposal = await proposeTeams(tx, campaign.id, {});
  await applyTeams(tx, campaign.id, {
    teams: proposal.assignments.map((a) => ({ evaluationId: a.evaluationId, inspectorIds: a.inspectorIds, leadId: a.leadId })),
  });
  await startCampaign(tx, campaign.id);
  await autoSchedule(tx, campaign.id, { from: '2024-10-21', to: '2024-11-29', includeWeekends: false });

  let evs = await loadCampaignEvaluations(tx, campaign.id);
  const template = evs[0]!.template;
  const qualities = drawQualities(rng, evs.length);
  const scoreRows: Parameters<typeof insertScoreRows>[1] = [];
  const source = await loadComputedSource(tx.db, '2024-09-01');
  for (const [i, ev] of evs.entries()) {
    const computed = new Map(computedValuesOf(template, ev.row.school_id, source).map((c) => [c.code, c] as const));
    const sheets = drawSchoolSheets(
      rng,
      template,
      qualities[i]!,
      ev.team.map((t) => t.inspector_id),
      computed,
    );
    for (const s of sheets.self)
      scoreRows.push({
        evaluationId: ev.row.id,
        inspectorId: null,
        code: s.code,
        input: s.input,
        points: s.points,
        note: s.note,
        byName: `${ev.row.school_name}（自评）`,
      });
    for (const sheet of sheets.inspectors)
      for (const s of sheet.scores)
        scoreRows.push({
          evaluationId: ev.row.id,
          inspectorId: sheet.inspectorId,
          code: s.code,
          input: s.input,
          points: s.points,
          note: s.note,
          byName: accounts.get(sheet.inspectorId)?.name ?? '',
        });
  }
  await insertScoreRows(tx.db, scoreRows);
  const evidenceCodes = listCheckpoints(template).filter((n) => n.requiresEvidence);
  await insertEvidenceRows(
    tx.db,
    evs.flatMap((ev) =>
      evidenceCodes.map((n) => {
        const content = Buffer.from(`${ev.row.school_name}：${n.title}（示例佐证材料）`, 'utf8');
        return {
          evaluation_id: ev.row.id,
          rectification_id: null,
          code: n.code,
          file_name: `${n.code} 佐证材料（示例）.txt`,
          content_type: 'text/plain; charset=utf-8',
          size_bytes: content.length,
          sha256: '0'.repeat(64),
          content,
          uploaded_by: null,
          uploaded_by_name: `${ev.row.school_name}（自评）`,
        };
      }),
    ),
  );

  const as = (ev: LoadedEvaluation, capacities: LoadedEvaluation['capacities']): LoadedEvaluation => ({ ...ev, capacities });
  const leadCtx = (ev: LoadedEvaluation): TxContext => {
    const lead = ev.team.find((t) => t.is_lead)!;
    const actor: Actor = {
      userId: lead.inspector_id,
      username: accounts.get(lead.inspector_id)?.username ?? lead.name,
      displayName: lead.name,
      grants: [{ role: 'inspector', office: null, schoolId: null }],
      teacherId: null,
      ip: null,
    };
    return { ...tx, actor };
  };
  await runSteps(
    tx,
    evs.map((ev) => as(ev, ['school_admin'])),
    'submit_self_assessment',
  );
  await markTeamsSubmitted(
    tx.db,
    evs.map((e) => e.row.id),
    tx.clock.now(),
  );
  evs = await loadCampaignEvaluations(tx, campaign.id);
  await runSteps(
    tx,
    evs.map((ev) => as(ev, ['inspector', 'lead_inspector'])),
    'submit_scores',
    leadCtx,
  );

  // A few leads settle the most disputed check point with a reason.
  const consolidations = await consolidateMany(
    tx.db,
    evs.map((e) => ({ evaluationId: e.row.id, template, disagreementRatio: 0.2 })),
  );
  for (const ev of evs.filter((_, i) => i % 15 === 4)) {
    const point = consolidations
      .get(ev.row.id)!
      .points.filter((p) => p.isFlagged && p.final.input.kind === 'points')
      .sort((a, b) => b.spread - a.spread)[0];
    if (!point) continue;
    await upsertOverride(tx.db, {
      evaluationId: ev.row.id,
      code: point.code,
      input: { kind: 'points', points: point.min },
      note: '',
      reason: '组内合议：现场复核后按从严原则取最低分',
      by: { id: leadCtx(ev).actor.userId, name: leadCtx(ev).actor.displayName },
      at: tx.clock.now(),
    });
  }
  evs = await loadCampaignEvaluations(tx, campaign.id);
  await runSteps(
    tx,
    evs.map((ev) => as(ev, ['inspector', 'lead_inspector'])),
    'submit_consolidation',
    leadCtx,
  );
  await publishCampaign(tx, campaign.id);

  const below = await seedCampaignRectifications(tx, campaign.id, today);
  await startCurrentCampaign(tx, today);
  await recordAudit(tx.db, tx.actor, {
    action: 'demo.supervision',
    entityType: 'system',
    summary: `加载示例督导数据：责任督学 ${accounts.size} 名，${campaign.name}（${evs.length} 所幼儿园，${below} 所低于 750 分）`,
    after: { seed: DEMO_SUPERVISION_SEED, campaignId: campaign.id, kindergartens: evs.length, belowQualifying: below },
  });
  return { inspectors: accounts.size, campaignId: campaign.id, kindergartens: evs.length, belowQualifying: below };
}

/** Rectification items for the weakest results: most closed in time, one awaiting verification, two still open. */
async function seedCampaignRectifications(tx: TxContext, campaignId: number, today: string): Promise<number> {
  const rows = await results.findPublishedResults(tx.db, campaignId);
  const weakest = [...rows].sort((a, b) => Number(a.total) - Number(b.total));
  const below = rows.filter((r) => Number(r.total) < 750).length;
  for (const [i, r] of weakest.slice(0, 8).entries()) {
    const problem = (r.findings as { problems: { code: string; title: string; note: string }[] }).problems[0];
    if (!problem) continue;
    const isOpen = i < 2;
    const [id] = await openItems(tx, [
      {
        schoolId: r.school_id,
        evaluationId: r.evaluation_id,
        visitId: null,
        code: problem.code,
        problem: `${problem.title}：${problem.note}`,
        requirement: '制定整改方案，限期完成整改并报送整改报告',
        requiredEvidence: '整改方案、整改报告及相关照片',
        owner: '园长',
        deadline: isOpen ? shiftDate(today, i === 0 ? -12 : 25) : '2025-03-31',
      },
    ]);
    if (isOpen) continue;
    const item = { id: id!, schoolId: r.school_id };
    await advanceItem(tx, item, { action: 'submit', note: '已完成整改，报送整改报告及照片' }, ['school_admin']);
    if (i === 2) {
      await backdateItem(tx, item.id, { submittedOn: shiftDate(today, -4) });
      continue;
    }
    await advanceItem(tx, item, { action: 'verify' }, ['inspector']);
    await backdateItem(tx, item.id, { submittedOn: '2025-03-20', verifiedOn: '2025-04-08' });
  }
  return below;
}

/** This term's campaign over primary and junior schools, waiting for the schools' self-evaluations. */
async function startCurrentCampaign(tx: TxContext, today: string): Promise<void> {
  const current = await createCampaign(tx, {
    name: `${today.slice(0, 4)}年度中小学校办学质量督导评估`,
    description: '依据《义务教育质量评价指南》开展学校办学质量督导评估（示例数据，学校自评阶段）。',
    templateId: await templateIdOf(tx, 'school-quality'),
    periodStart: shiftDate(today, -14),
    periodEnd: shiftDate(today, 90),
    selfAssessmentDue: shiftDate(today, 16),
    onSiteDue: shiftDate(today, 60),
    reportDue: shiftDate(today, 80),
    teamSize: 3,
    lookbackYears: 3,
    disagreementRatio: 0.2,
    selection: { typeCodes: ['211', '311', '312'], streetIds: [], schoolIds: [], excludeSchoolIds: [] },
  });
  const proposal = await proposeTeams(tx, current.id, {});
  await applyTeams(tx, current.id, {
    teams: proposal.assignments.map((a) => ({ evaluationId: a.evaluationId, inspectorIds: a.inspectorIds, leadId: a.leadId })),
  });
  await startCampaign(tx, current.id);
}
