/**
 * Campaign statistics over published results: band distribution, a histogram of totals, ranking (vetoed
 * schools last), area averages, the weakest check points across schools, and comparison with the
 * previous campaign on the same rubric family (old totals mapped onto this version when it changed).
 * District readers only: a school never sees another school's result.
 */
import type { CampaignStatistics } from '@zhiping/contracts';
import {
  areaAverages,
  bandDistribution,
  compareWithPrevious,
  rankResults,
  weakestCheckpoints,
  type CampaignResult,
  type EvaluationResult,
  type RubricTemplate,
} from '@zhiping/domain';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import * as campaigns from './campaign.repository.ts';
import { accessOf } from './evaluation-access.ts';
import { visibleTo } from './evaluation.repository.ts';
import * as results from './result.repository.ts';
import { findVersionMapping } from './template.service.ts';

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Published results of a campaign as domain campaign results, with school names. */
async function publishedOf(ctx: ServiceContext, campaignId: number) {
  const rows = await results.findPublishedResults(ctx.db, campaignId);
  return {
    list: rows.map((r): CampaignResult => ({ schoolId: String(r.school_id), result: r.result as EvaluationResult })),
    names: new Map(rows.map((r) => [String(r.school_id), r.school_name] as const)),
    rows,
  };
}

/** The statistics of a campaign (district readers). */
export async function getCampaignStatistics(ctx: ServiceContext, campaignId: number): Promise<CampaignStatistics> {
  const access = await accessOf(ctx);
  if (!access.isDistrictReader) throw new AppError('FORBIDDEN', { userMessage: '评估项目统计仅区级用户可查看' });
  const campaign = await campaigns.findCampaign(ctx.db, campaignId);
  if (!campaign) throw notFound('评估项目');
  const template = campaign.definition as RubricTemplate;
  const { list, names, rows } = await publishedOf(ctx, campaignId);
  const stateCounts = (await campaigns.findStateCounts(ctx.db, [campaignId], visibleTo(access))).get(campaignId) ?? {};
  const totals = list.map((r) => r.result.total);
  const bands = new Map(rows.map((r) => [String(r.school_id), r.band] as const));
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: (template.scale * i) / 10, to: (template.scale * (i + 1)) / 10, count: 0 }));
  for (const t of totals) bins[Math.min(9, Math.floor((t / template.scale) * 10))]!.count += 1;
  const comparison = await comparisonOf(ctx, campaign, list, names);
  return {
    campaignId,
    template: {
      id: campaign.template_id,
      family: campaign.family,
      version: campaign.version,
      name: campaign.template_name,
      scale: template.scale,
    },
    published: list.length,
    schools: Object.values(stateCounts).reduce((a, b) => a + b, 0),
    totals: {
      mean: totals.length > 0 ? round1(totals.reduce((a, b) => a + b, 0) / totals.length) : null,
      min: totals.length > 0 ? Math.min(...totals) : null,
      max: totals.length > 0 ? Math.max(...totals) : null,
    },
    distribution: bandDistribution(template, list),
    histogram: bins,
    ranking: rankResults(list).map((r) => ({
      rank: r.rank,
      schoolId: Number(r.schoolId),
      schoolName: names.get(r.schoolId) ?? r.schoolId,
      total: r.total,
      band: bands.get(r.schoolId) ?? null,
      isVetoed: !!r.isVetoed,
    })),
    areaAverages: areaAverages(template, list),
    weakest: weakestCheckpoints(template, list, 10),
    comparison,
  };
}

async function comparisonOf(
  ctx: ServiceContext,
  campaign: campaigns.CampaignRow,
  current: CampaignResult[],
  names: Map<string, string>,
): Promise<CampaignStatistics['comparison']> {
  const previous = await campaigns.findPreviousCampaign(ctx.db, campaign);
  if (!previous || current.length === 0) return null;
  const prev = await publishedOf(ctx, previous.id);
  const isMapped = previous.version !== campaign.version;
  const mapping = isMapped ? await findVersionMapping(ctx.db, campaign.family, previous.version, campaign.version) : undefined;
  const c = compareWithPrevious({ current, previous: prev.list, ...(mapping ? { mapping } : {}) });
  return {
    previousCampaign: { id: previous.id, name: previous.name, version: previous.version },
    isMapped,
    compared: c.compared,
    meanCurrent: c.meanCurrent,
    meanPrevious: c.meanPrevious,
    meanChange: c.meanChange,
    schools: c.schools.map((s) => ({ ...s, schoolId: Number(s.schoolId), schoolName: names.get(s.schoolId) ?? s.schoolId })),
  };
}
