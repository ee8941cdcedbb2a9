import { describe, expect, it } from 'vitest';
import { evaluateBalancedAssessment, evaluateAssessmentItem, evaluatePreschoolAssessment, type ManualItemEntry } from './assessment.ts';
import { BALANCED_ASSESSMENT_ITEMS, PRESCHOOL_ASSESSMENT_ITEMS } from './assessment-items.ts';
import { evaluateStageBalance, type BalancedSchoolPart } from './balanced-stage.ts';
import { summariseClassSizes } from './class-size.ts';
import { computeRatioIndicator } from './compute.ts';
import { computeMusicArtRooms, computeSchoolSize } from './compulsory.ts';
import { computeRotation } from './teacher-development.ts';
import { atStandard, CTX } from './test-fixtures.ts';
import type { IndicatorScope, IndicatorValue } from './types.ts';

const D: IndicatorScope = { level: 'district', regionCode: '500104' };
const ratio = (code: string, numerator: number, denominator: number, scope: IndicatorScope = D) =>
  computeRatioIndicator({ code, numerator, denominator, scope, context: CTX });
const allManual = (items: typeof BALANCED_ASSESSMENT_ITEMS, over: Record<string, ManualItemEntry> = {}) => ({
  ...Object.fromEntries(
    items.filter((i) => i.compute === 'manual').map((i) => [i.key, { met: true, evidence: `${i.name}：督导组核查记录` }]),
  ),
  ...over,
});

const part = (schoolId: string, stage: 'primary' | 'junior', students: number, over = {}): BalancedSchoolPart => ({
  schoolId,
  label: schoolId,
  typeCode: stage === 'primary' ? '211' : '311',
  inputs: atStandard(stage, students, over),
});

function balancedValues(maxPrimaryClass = 45): IndicatorValue[] {
  return [
    computeMusicArtRooms({ classes: 24, musicRooms: 2, artRooms: 2 }, { level: 'school', schoolId: 'P1' }, CTX),
    computeSchoolSize({ schoolId: 'P1', typeCode: '211', students: { primary: 1500 } }, CTX)!,
    summariseClassSizes([40, maxPrimaryClass], { level: 'stage_part', schoolId: 'P1', label: '实验小学', stage: 'primary' }, CTX)
      .maxClassSize,
    summariseClassSizes([48, 50], { level: 'stage_part', schoolId: 'J1', stage: 'junior' }, CTX).maxClassSize,
    ratio('balanced.special_education_funding_per_student', 6_000_000, 1000), // 6000 元 exactly
    ratio('balanced.teacher_pay_ratio', 120_000, 118_000), // 101.7 %
    ratio('teachers.training_completion_rate', 500, 500),
    ...computeRotation({ eligible: 1000, rotated: 120, rotatedBackbone: 30 }, D, CTX), // 12 %, 25 %
    ratio('teachers.certificate_rate', 800, 800, { ...D, stage: 'primary' }),
    ratio('teachers.certificate_rate', 500, 500, { ...D, stage: 'junior' }),
    ratio('compulsory.zoned_admission_rate', 900, 900, { ...D, stage: 'primary' }),
    ratio('compulsory.zoned_admission_rate', 480, 500, { ...D, stage: 'junior' }), // 96 %
    ratio('compulsory.quota_allocation_share', 550, 1000),
    ratio('compulsory.migrant_children_public_share', 880, 1000),
    ratio('compulsory.junior_retention_rate', 490, 500, { ...D, stage: 'junior' }),
    ratio('compulsory.disabled_enrolment_rate', 96, 100),
    ratio('balanced.training_budget_share', 60_000, 1_000_000, { level: 'school', schoolId: 'P1' }), // 6 %
    ratio('survey.social_recognition', 1800, 2000), // 90 %
  ];
}

describe('evaluateBalancedAssessment', () => {
  const goodStages = [
    evaluateStageBalance({ stage: 'primary', parts: [part('P1', 'primary', 1000), part('P2', 'primary', 2000)], context: CTX }),
    evaluateStageBalance({ stage: 'junior', parts: [part('J1', 'junior', 1000), part('J2', 'junior', 2000)], context: CTX }),
  ];

  it('has 8 资源配置, 15 政府保障, 9 教育质量, 1 社会认可度 and 6 veto items', () => {
    const count = (p: string) => BALANCED_ASSESSMENT_ITEMS.filter((i) => i.part === p).length;
    expect(['resource', 'government', 'quality', 'social', 'veto'].map(count)).toEqual([8, 15, 9, 1, 6]);
    expect(PRESCHOOL_ASSESSMENT_ITEMS.map((i) => i.part).join(',')).toBe(
      ['coverage', 'coverage', 'coverage', ...Array<string>(11).fill('government'), ...Array<string>(6).fill('quality'), 'social'].join(
        ',',
      ),
    );
  });

  it('is met when every item is met', () => {
    const r = evaluateBalancedAssessment({
      stageResults: goodStages,
      values: balancedValues(),
      manual: allManual(BALANCED_ASSESSMENT_ITEMS),
    });
    expect(r.missing.map((m) => m.item.key)).toEqual([]);
    expect([r.verdict, r.failing.length, r.summary]).toEqual(['met', 0, '义务教育优质均衡：全部39项达标']);
    expect(r.parts.map((p) => [p.label, p.status, p.met, p.total])).toEqual([
      ['资源配置', 'met', 8, 8],
      ['政府保障', 'met', 15, 15],
      ['教育（保教）质量', 'met', 9, 9],
      ['社会认可度', 'met', 1, 1],
      ['一票否决', 'met', 6, 6],
    ]);
  });

  it('lists every failing item with its reason, and the items that cannot be decided', () => {
    // J2 has two indicators below standard → the 初中 passing share is 1/2; a 46-pupil class in P1; a veto entered; quality 9 missing.
    const stages = [
      goodStages[0]!,
      evaluateStageBalance({
        stage: 'junior',
        parts: [part('J1', 'junior', 1000), part('J2', 'junior', 2000, { teachingArea: 9000, multimediaRooms: 40 })],
        context: CTX,
      }),
    ];
    const manual = allManual(BALANCED_ASSESSMENT_ITEMS, { 'balanced.veto.2': { met: false, evidence: '2025年查实跨片区择校12人' } });
    delete manual['balanced.quality.9'];
    const r = evaluateBalancedAssessment({ stageResults: stages, values: balancedValues(46), manual });
    expect(r.verdict).toBe('not_met');
    expect(r.failing.map((f) => f.item.key)).toEqual(['balanced.resource.1', 'balanced.government.5', 'balanced.veto.2']);
    expect(r.failing[0]!.details).toEqual([
      'J2（初中）：2项未达标（最多允许1项）：生均教学及辅助用房面积 4.5m²（标准≥5.8m²）；每百名学生拥有网络多媒体教室数 2.0（标准≥2.4）',
    ]);
    expect(r.failing[1]!.reason).toBe('实验小学（小学）：最大班额 46人，标准≤45人，未达标');
    expect(r.failing[2]!.reason).toBe('人工判定未达标（佐证：2025年查实跨片区择校12人）');
    expect(r.missing.map((m) => [m.item.key, m.reason])).toEqual([['balanced.quality.9', '未录入判定']]);
    expect(r.summary).toBe(
      '义务教育优质均衡：3项未达标：资源配置第1项“每所学校7项指标至少6项达标、余项不低于标准85%”、政府保障第5项“小学、初中所有班级学生数分别不超过45人、50人”、一票否决第2项“无违规择校”；另有1项无法判定',
    );
  });

  it('is incomplete, not met, when nothing fails but something is undecided', () => {
    const r = evaluateBalancedAssessment({
      stageResults: goodStages,
      values: balancedValues(),
      manual: allManual(BALANCED_ASSESSMENT_ITEMS, { 'balanced.quality.3': { met: true, evidence: ' ' } }),
    });
    expect([r.verdict, r.missing[0]!.reason]).toEqual(['incomplete', '人工判定缺少佐证材料']);
  });
});

describe('evaluateAssessmentItem', () => {
  const funding = BALANCED_ASSESSMENT_ITEMS.find((i) => i.key === 'balanced.government.7')!;
  const certificate = BALANCED_ASSESSMENT_ITEMS.find((i) => i.key === 'balanced.government.12')!;

  it('falls back to a manual entry when a computed item has no data', () => {
    const r = evaluateAssessmentItem(funding, {
      values: [],
      manual: { [funding.key]: { met: true, evidence: '本区无特殊教育学校，随班就读经费按8000元拨付' } },
    });
    expect([r.status, r.basis, r.reason]).toEqual([
      'met',
      'manual',
      '无计算数据，人工判定达标（佐证：本区无特殊教育学校，随班就读经费按8000元拨付）',
    ]);
  });

  it('prefers computed values over a manual entry and judges at the threshold (6000 元 exactly passes)', () => {
    const r = evaluateAssessmentItem(funding, {
      values: [ratio(funding.compute === 'manual' ? '' : funding.compute.codes[0]!, 5_999_000, 1000)],
      manual: { [funding.key]: { met: true, evidence: 'x' } },
    });
    expect([r.status, r.basis]).toEqual(['not_met', 'computed']);
  });

  it('only reads values of the stages an item names', () => {
    const preschoolOnly = ratio('teachers.certificate_rate', 90, 100, { ...D, stage: 'preschool' });
    expect(evaluateAssessmentItem(certificate, { values: [preschoolOnly] }).status).toBe('no_data');
  });

  it('shortens long lists of failing values', () => {
    const values = Array.from({ length: 7 }, (_, i) =>
      computeSchoolSize({ schoolId: `S${i}`, typeCode: '211', students: { primary: 2100 } }, CTX)!,
    );
    const school = BALANCED_ASSESSMENT_ITEMS.find((i) => i.key === 'balanced.government.4')!;
    expect(evaluateAssessmentItem(school, { values }).reason).toMatch(/；等共7项$/);
  });
});

describe('evaluatePreschoolAssessment', () => {
  const preschoolValues = (publicChildren: number) => [
    ratio('preschool.gross_enrolment_rate', 600, 700, { ...D, stage: 'preschool' }),
    ratio('preschool.inclusive_share', 500, 600, { ...D, stage: 'preschool' }),
    ratio('preschool.public_share', publicChildren, 600, { ...D, stage: 'preschool' }),
    ratio('preschool.class_size_compliance_rate', 17, 20, { ...D, stage: 'preschool' }), // 85 % exactly
    ratio('preschool.children_per_teacher', 600, 40, { ...D, stage: 'preschool' }), // 15 exactly
    ratio('teachers.certificate_rate', 40, 40, { ...D, stage: 'preschool' }),
    ratio('survey.social_recognition', 870, 1000),
  ];
  const manual = Object.fromEntries(
    PRESCHOOL_ASSESSMENT_ITEMS.filter((i) => i.compute === 'manual').map((i) => [i.key, { met: true, evidence: '核查记录' }]),
  );

  it('is met with every item at or above its standard (equalities pass)', () => {
    const r = evaluatePreschoolAssessment({ values: preschoolValues(300), manual });
    expect([r.verdict, r.items.length]).toEqual(['met', 21]);
  });

  it('fails on 公办园占比 of 299/600 = 49.8 %', () => {
    const r = evaluatePreschoolAssessment({ values: preschoolValues(299), manual });
    expect(r.failing.map((f) => f.reason)).toEqual(['全区（学前）：公办园在园幼儿占比 49.8%，标准≥50.0%，未达标']);
    expect(r.summary).toBe('学前教育普及普惠：1项未达标：普及普惠水平第3项“公办园在园幼儿占比”');
  });
});
