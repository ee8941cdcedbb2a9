import { describe, expect, it } from 'vitest';
import { computeBalancedIndicators, judgeSchoolBalance, type BalancedInputs, type BalancedStage } from './balanced.ts';
import { computeStageCVs, evaluateStageBalance, selectBalancedSchools, type BalancedSchoolPart } from './balanced-stage.ts';
import { atStandard, CTX } from './test-fixtures.ts';

const judge = (stage: BalancedStage, inputs: BalancedInputs) =>
  judgeSchoolBalance(computeBalancedIndicators(inputs, { stage, schoolId: 's1', label: '一中' }, CTX));

describe('computeBalancedIndicators', () => {
  it('computes the 7 values of a 初中 part (1000 pupils)', () => {
    // 53 teachers → 5.3; 10 backbone → 1.0; 9 PE/art → 0.9; 5800 m² → 5.8; 2000 gym + 8200 ground → 10.2;
    // 2,500,000 元 → 2500; 24 rooms → 2.4.
    const values = computeBalancedIndicators(
      atStandard('junior', 1000, { gymArea: 2000, sportsGroundArea: 8200 }),
      { stage: 'junior' },
      CTX,
    );
    expect(values.map((v) => v.value)).toEqual([5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4]);
    expect(values.every((v) => v.status === 'met')).toBe(true);
    expect(values[4]!.numerator).toBe(10200);
  });

  it('uses the 小学 thresholds for a 小学 part: 42 teachers per 1000 pupils is exactly 4.2', () => {
    const values = computeBalancedIndicators(atStandard('primary', 1000), { stage: 'primary' }, CTX);
    expect(values[0]).toMatchObject({ value: 4.2, status: 'met', threshold: { value: 4.2 } });
  });

  it('returns null with a reason when the part has no students', () => {
    const values = computeBalancedIndicators(atStandard('junior', 1000, { students: 0 }), { stage: 'junior' }, CTX);
    expect(values[0]).toMatchObject({ value: null, status: 'no_data', reason: '在校生数为0，无法计算每百名学生拥有高于规定学历教师数' });
  });
});

describe('judgeSchoolBalance (6 of 7, the 7th ≥ 85 %)', () => {
  it.each([
    // All 7 exactly at the standard: equality passes.
    ['all at standard', {}, 'pass', 7],
    // 21 rooms / 1000 = 2.1 per 100 = 87.5 % of 2.4 → passes as the one exception.
    ['one at 87.5 %', { multimediaRooms: 21 }, 'pass', 6],
    // 4930 m² / 1000 = 4.93 = 0.85 × 5.8 exactly → passes (boundary).
    ['one at exactly 85 %', { teachingArea: 4930 }, 'pass', 6],
    // 8670 m² / 1000 = 8.67 = 0.85 × 10.2 exactly → passes (0.85 × 10.2 is 8.669999… in floating point).
    ['sports area at exactly 85 %', { sportsGroundArea: 8670 }, 'pass', 6],
    // 4929 m² → 4.929 < 4.93 → fails.
    ['one just under 85 %', { teachingArea: 4929 }, 'fail', 6],
    // Two below the standard, even slightly → fails.
    ['two slightly below', { teachingArea: 5790, multimediaRooms: 23 }, 'fail', 5],
  ] as const)('%s → %s', (_name, over, status, metCount) => {
    const v = judge('junior', atStandard('junior', 1000, over));
    expect([v.status, v.metCount]).toEqual([status, metCount]);
  });

  it('explains the verdict in Chinese', () => {
    expect(judge('junior', atStandard('junior', 1000, { multimediaRooms: 21 })).reason).toBe(
      '一中（初中）：6项达标，每百名学生拥有网络多媒体教室数 2.1（标准≥2.4）为标准的87.5%，不低于85%',
    );
    expect(judge('junior', atStandard('junior', 1000, { teachingArea: 4000 })).reason).toBe(
      '一中（初中）：6项达标，但生均教学及辅助用房面积 4.0m²（标准≥5.8m²）仅为标准的69.0%，低于85%',
    );
    const two = judge('junior', atStandard('junior', 1000, { teachingArea: 5000, equipmentValue: 2_000_000 }));
    expect(two.reason).toContain('2项未达标（最多允许1项）');
    expect(two.shortfalls.map((s) => s.code)).toEqual(['balanced.teaching_area_per_student', 'balanced.equipment_value_per_student']);
  });

  it('cannot judge a part without students', () => {
    expect(judge('junior', atStandard('junior', 1000, { students: 0 })).status).toBe('no_data');
  });
});

const part = (schoolId: string, typeCode: string, inputs: BalancedInputs): BalancedSchoolPart => ({
  schoolId,
  label: schoolId,
  typeCode,
  inputs,
});

describe('selectBalancedSchools', () => {
  it.each([
    ['211', 800, true],
    ['218', 49, false], // 教学点 under 50 pupils
    ['218', 50, true], // 50 is enough
    ['511', 120, false], // 盲人学校
    ['361', 900, false], // 中等职业学校
    ['321', 300, false], // 职业初中
    ['211', 0, false], // no pupils in this stage
  ] as const)('type %s with %s pupils counts: %s', (type, students, counts) => {
    const r = selectBalancedSchools([part('x', type, atStandard('primary', 1000, { students }))]);
    expect(r.included.length === 1).toBe(counts);
  });
});

describe('stage CV and evaluation', () => {
  // Two 初中 parts. Teaching area: A 6000 m² / 600 = 10.0, B 1600 m² / 400 = 4.0.
  // X̄ = 7600/1000 = 7.6; S² = 0.6·2.4² + 0.4·3.6² = 3.456 + 5.184 = 8.64; S = 2.93939; CV = 0.38676 ≤ 0.45.
  // Equipment: A 1,800,000 / 600 = 3000, B 400,000 / 400 = 1000: X̄ = 2200; S² = 0.6·800² + 0.4·1200² = 960000;
  // S = 979.80; CV = 0.44536 ≤ 0.45 (met, close to the limit).
  const A = part('A', '311', { ...atStandard('junior', 600), teachingArea: 6000, equipmentValue: 1_800_000 });
  const B = part('B', '311', { ...atStandard('junior', 400), teachingArea: 1600, equipmentValue: 400_000 });

  it('computes each CV weighted by enrolment, against the 初中 limit 0.45', () => {
    const cvs = computeStageCVs([A, B], 'junior', CTX);
    const area = cvs.find((v) => v.code === 'balanced.cv.teaching_area_per_student')!;
    expect(area.value).toBeCloseTo(Math.sqrt(8.64) / 7.6, 12);
    expect([area.numerator, area.denominator]).toEqual([Math.sqrt(8.64), 7.6]);
    const equipment = cvs.find((v) => v.code === 'balanced.cv.equipment_value_per_student')!;
    expect(equipment.value).toBeCloseTo(0.44536, 5);
    expect(equipment.status).toBe('met');
    // Same two parts as 小学 would be judged against 0.50 instead.
    expect(computeStageCVs([A, B], 'primary', CTX)[3]!.threshold?.value).toBe(0.5);
  });

  it('fails the stage for school B (two indicators far below) and lists why', () => {
    const r = evaluateStageBalance({
      stage: 'junior',
      parts: [A, B, part('C', '218', atStandard('junior', 1000, { students: 30 }))],
      context: CTX,
    });
    expect(r.excluded).toEqual([{ schoolId: 'C', label: 'C', reason: '教学点在校生 30 人，少于 50 人' }]);
    expect(r.schools.map((s) => s.verdict.status)).toEqual(['pass', 'fail']);
    expect(r.passingShare).toMatchObject({ numerator: 1, denominator: 2, value: 50, status: 'not_met' });
    expect(r.passed).toBe(false);
    expect(r.failures[0]).toContain('B（初中）：2项未达标');
  });

  it('passes a stage of schools at standard; one school alone has no CV', () => {
    const r = evaluateStageBalance({
      stage: 'junior',
      parts: [part('A', '311', atStandard('junior', 1000)), part('B', '311', atStandard('junior', 2000))],
      context: CTX,
    });
    expect(r.passed).toBe(true);
    expect(r.cvs.every((v) => v.status === 'met' && v.value! < 1e-12)).toBe(true);
    const single = evaluateStageBalance({ stage: 'junior', parts: [part('A', '311', atStandard('junior', 1000))], context: CTX });
    expect(single.cvs[0]).toMatchObject({ value: null, status: 'no_data', reason: '只有1所学校，差异系数无意义' });
    expect(single.passed).toBe(false);
  });
});
