/**
 * Builds the optimizer's input from the database: the stage parts and amounts exactly as the indicator
 * engine computes them for the baseline year (loadYear, then the domain's selectBalancedSchools), schools
 * with coordinates and subject coverage, the eligible teachers (with 师德 restrictions) as candidates, the
 * quotas, and the plan's hand-made and locked moves and exclusions.
 */
import {
  BALANCED_STAGES,
  computeQuota,
  isAboveRequiredEducation,
  selectBalancedSchools,
  type BalancedSchoolPart,
  type Education,
  type PlanCandidate,
  type PlanInput,
  type PlanPart,
  type PlanSchool,
} from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { loadYear } from '../indicators/indicator.service.ts';
import { computeEligibility, eligibleBySchool, referenceDateOf, type YearEligibility } from './eligibility.service.ts';
import * as repo from './rotation.repository.ts';

/** The input and what it was built from. */
export interface BuiltInput {
  input: PlanInput;
  eligibility: YearEligibility;
  baselineYear: number;
}

/** The latest school year with statistics not after the plan's year (the indicators the plan balances). */
async function baselineOf(db: Kysely<DB>, year: number) {
  const { years } = await loadYear(db, undefined);
  const y = years.find((x) => x <= year);
  if (y === undefined) throw new AppError('INVALID_STATE', { userMessage: `${year} 学年及以前没有学年统计数据，无法计算优质均衡指标` });
  return (await loadYear(db, y)).model;
}

/** Builds the optimizer input of a plan. */
export async function buildPlanInput(db: Kysely<DB>, plan: { id: number; school_year: number; rule_set_id: number }): Promise<BuiltInput> {
  const e = await computeEligibility(db, plan.school_year, plan.rule_set_id);
  const model = await baselineOf(db, plan.school_year);
  const rules = e.ruleSet.rules;
  const parts: PlanPart[] = [];
  for (const stage of BALANCED_STAGES) {
    const stageParts: BalancedSchoolPart[] = [];
    for (const r of model.schools.values()) {
      const p = r.parts.find((x) => x.stage === stage);
      if (p?.balancedInputs) stageParts.push({ schoolId: String(r.school.id), typeCode: r.school.typeCode, inputs: p.balancedInputs });
    }
    for (const p of selectBalancedSchools(stageParts).included) parts.push({ schoolId: Number(p.schoolId), stage, inputs: p.inputs });
  }
  const counts = await repo.findSubjectCounts(db, referenceDateOf(plan.school_year), `${plan.school_year + 1}-08-31`);
  const subjects = new Map<number, Record<string, number>>();
  for (const c of counts) {
    const m = subjects.get(c.school_id) ?? {};
    m[`${c.teaching_stage}|${c.subject}`] = c.n;
    subjects.set(c.school_id, m);
  }
  const schools: PlanSchool[] = [...e.schools.values()]
    .filter((s) => parts.some((p) => p.schoolId === s.id))
    .map((s) => ({
      id: s.id,
      name: s.name,
      isSending: s.isSending,
      longitude: s.longitude,
      latitude: s.latitude,
      subjectCounts: subjects.get(s.id) ?? {},
    }));
  const candidates: PlanCandidate[] = e.teachers
    .filter((t) => t.status === 'eligible')
    .map((t) => {
      const stage = t.teaching_stage as 'primary' | 'junior';
      const isFullTimeTeacher = t.post === 'teacher' && t.is_full_time;
      return {
        teacherId: t.teacher_id,
        name: t.name,
        schoolId: t.school_id,
        stage,
        subject: t.subject,
        isBackbone: t.is_backbone && (isFullTimeTeacher || t.post === 'leader'),
        isAboveQualification: isFullTimeTeacher && isAboveRequiredEducation(t.education as Education, stage),
        backboneRestriction: t.is_backbone ? t.restriction : null,
      };
    });
  const sending = new Set(schools.filter((s) => s.isSending).map((s) => s.id));
  const quota = computeQuota(eligibleBySchool(e), sending, rules);
  const [moves, exclusions] = await Promise.all([repo.findMoves(db, plan.id), repo.findExclusions(db, plan.id)]);
  return {
    input: {
      parts,
      schools,
      candidates,
      rules,
      quota,
      fixed: moves
        .filter((m) => m.source !== 'optimizer')
        .map((m) => ({ teacherId: m.teacher_id, toSchoolId: m.to_school_id, source: m.source as 'manual' | 'locked' })),
      excluded: exclusions.map((x) => x.teacher_id),
    },
    eligibility: e,
    baselineYear: model.inputs.year,
  };
}
