/**
 * 达标模拟 of 资源配置 per stage: for each failing school the smallest whole additions that make it pass
 * and what they do to the district CVs (planFailingSchools), and a district-wide plan that first makes
 * every school pass and then brings every CV within its limit, with totals (planDistrict).
 */
import type { WhatIf } from '@zhiping/contracts';
import { BALANCED_RESOURCE_CODES, RESOURCE_LABELS, planDistrict, planFailingSchools, type ResourceAdditions } from '@zhiping/domain';
import type { ServiceContext } from '../../platform/context.ts';
import { balancedPartsOf } from '../indicators/stage-balance.ts';
import { toValueDto } from '../indicators/indicator.mapper.ts';
import { requireDistrictReader } from '../indicators/indicator.policy.ts';
import { loadYear } from '../indicators/indicator.service.ts';

/** Additions as a list of non-zero resources. */
function additionsDto(a: ResourceAdditions) {
  return BALANCED_RESOURCE_CODES.filter((c) => a[c] > 0).map((c) => ({
    code: c,
    resource: RESOURCE_LABELS[c].name,
    unit: RESOURCE_LABELS[c].unit,
    amount: a[c],
  }));
}

/** The what-if plans of both compulsory stages for a year. */
export async function getWhatIf(ctx: ServiceContext, year: number | undefined): Promise<WhatIf> {
  requireDistrictReader(ctx.actor);
  const { model } = await loadYear(ctx.db, year);
  const results = [...model.schools.values()];
  const nameOf = (id: string) => model.schools.get(Number(id))?.school.name ?? id;
  const stages = (['primary', 'junior'] as const).flatMap((stage) => {
    const { parts } = balancedPartsOf(results, stage);
    if (parts.length === 0) return [];
    const failing = planFailingSchools({ stage, parts, context: model.context });
    const district = planDistrict({ stage, parts, context: model.context });
    return [
      {
        stage,
        failingSchools: failing.schools.map((s) => ({
          schoolId: Number(s.schoolId),
          schoolName: nameOf(s.schoolId),
          reason: s.plan.reason,
          exempt: s.plan.exempt,
          additions: additionsDto(s.plan.additions),
          passesAfter: s.plan.verdictAfter?.status === 'pass',
        })),
        failingTotals: additionsDto(failing.totals),
        cvBefore: failing.cvBefore.map(toValueDto),
        cvAfterFailing: failing.cvAfter.map(toValueDto),
        district: {
          reached: district.reached,
          totals: additionsDto(district.totals),
          schools: district.schools.map((s) => ({
            schoolId: Number(s.schoolId),
            schoolName: nameOf(s.schoolId),
            forSchoolPass: additionsDto(s.forSchoolPass),
            forLevelling: additionsDto(s.forLevelling),
            total: additionsDto(s.total),
          })),
          cvAfter: district.cvAfter.map(toValueDto),
          notes: district.notes,
        },
      },
    ];
  });
  return { year: model.inputs.year, asOf: model.inputs.asOf, stages };
}
