import { describe, expect, it } from 'vitest';
import { findGrade, type Stage } from '../codes/stages.ts';
import { generateDemoDistrict } from '../demo/index.ts';
import { backboneValidUntil } from '../imports/validate-teachers.ts';
import type { BalancedStage } from './balanced.ts';
import { evaluateStageBalance, type BalancedSchoolPart, type StageBalanceResult } from './balanced-stage.ts';
import { getIndicator } from './catalog.ts';
import { planDistrict } from './district-plan.ts';
import { splitSharedResources } from './split.ts';
import { countTeachersByStagePart } from './teachers.ts';
import { CTX } from './test-fixtures.ts';

// End to end on the demo district (示例区): base rows → split → teacher counts → 资源配置 per stage.
// The generator documents the shortfalls it builds in (deliberateGaps); the engine must find each one.
const demo = generateDemoDistrict();
const YEAR = 2025;

function buildParts(): Record<BalancedStage, BalancedSchoolPart[]> {
  const students = new Map<string, Partial<Record<Stage, number>>>();
  for (const r of demo.students.filter((x) => x.schoolYear === YEAR)) {
    const stage = findGrade(r.grade)!.stage;
    const m = students.get(r.schoolCode) ?? {};
    m[stage] = (m[stage] ?? 0) + r.students;
    students.set(r.schoolCode, m);
  }
  const schools = demo.schools.filter((s) => students.has(s.code));
  const teachers = demo.teachers.map((t) => ({
    ...t,
    schoolId: t.schoolCode,
    backboneValidUntil: t.backboneIssuedOn ? backboneValidUntil(t.backboneIssuedOn, t.backboneValidUntil) : null,
  }));
  const counts = countTeachersByStagePart(
    teachers,
    schools.map((s) => ({ schoolId: s.code, typeCode: s.typeCode, students: students.get(s.code)! })),
    { asOf: CTX.asOf },
  );
  const conditions = new Map(demo.conditions.filter((c) => c.schoolYear === YEAR).map((c) => [c.schoolCode, c]));
  const parts: Record<BalancedStage, BalancedSchoolPart[]> = { primary: [], junior: [] };
  for (const s of schools) {
    const c = conditions.get(s.code);
    if (!c) continue;
    const shared = {
      teachingArea: c.teachingArea,
      gymArea: c.gymArea,
      sportsGroundArea: c.sportsGroundArea,
      equipmentValue: c.equipmentValue,
      multimediaRooms: c.multimediaRooms,
    };
    for (const p of splitSharedResources({ typeCode: s.typeCode, students: students.get(s.code)!, shared }).parts) {
      if (p.stage !== 'primary' && p.stage !== 'junior') continue;
      const tc = counts.parts.find((x) => x.schoolId === s.code && x.stage === p.stage)!.counts;
      parts[p.stage].push({
        schoolId: s.code,
        label: s.name,
        typeCode: s.typeCode,
        inputs: {
          students: p.students,
          teachersAboveQualification: tc.aboveQualification,
          backboneCountyOrAbove: tc.backboneCountyOrAbove,
          peArtTeachers: tc.peArt,
          ...p.resources,
        },
      });
    }
  }
  return parts;
}

const parts = buildParts();
const results: StageBalanceResult[] = (['primary', 'junior'] as const).map((stage) =>
  evaluateStageBalance({ stage, parts: parts[stage], context: CTX }),
);
const partsOf = (code: string) => results.flatMap((r) => r.schools.filter((s) => s.schoolId === code));
const sameName = (a: string, b: string) =>
  a.replace(/[（(]/g, '(').replace(/[）)]/g, ')') === b.replace(/[（(]/g, '(').replace(/[）)]/g, ')');
const resourceGaps = demo.deliberateGaps.filter((g) =>
  results[0]!.schools[0]!.indicators.some((v) => sameName(getIndicator(v.code).name, g.indicator)),
);

describe('the demo district', () => {
  it('has resource gaps to find', () => {
    expect(resourceGaps.length).toBeGreaterThanOrEqual(4);
  });

  it.each(resourceGaps.map((g) => [g.schoolName, g.indicator, g] as const))('%s: %s is below standard', (_n, _i, gap) => {
    const values = partsOf(gap.schoolCode)
      .flatMap((s) => s.indicators)
      .filter((v) => sameName(getIndicator(v.code).name, gap.indicator));
    expect(values.length).toBeGreaterThan(0);
    expect(values.some((v) => v.status === 'not_met')).toBe(true);
    // The generator states the school verdict the gap leads to.
    const verdicts = partsOf(gap.schoolCode).map((s) => s.verdict.status);
    if (gap.description.includes('学校仍合格')) expect(verdicts.every((v) => v === 'pass')).toBe(true);
    if (gap.description.includes('学校不合格')) expect(verdicts).toContain('fail');
  });

  it('produces a plan that brings every CV within its limit', () => {
    for (const stage of ['primary', 'junior'] as const) {
      const plan = planDistrict({ stage, parts: parts[stage], context: CTX });
      expect(plan.reached).toBe(true);
      expect(plan.cvAfter.every((v) => v.status === 'met')).toBe(true);
    }
  });
});
