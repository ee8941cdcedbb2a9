import { describe, expect, it } from 'vitest';
import { computeRatioIndicator } from './compute.ts';
import { describeIndicatorValue, describeScope, formatIndicatorValue, formatThreshold } from './format.ts';
import { CTX } from './test-fixtures.ts';

describe('formatting', () => {
  it.each([
    ['balanced.teaching_area_per_student', 4.5, undefined, '4.5m²'],
    ['balanced.equipment_value_per_student', 1987.4, undefined, '1987元'],
    ['preschool.public_share', 57.5, undefined, '57.5%'],
    ['common.student_teacher_ratio', 12.7, undefined, '12.70:1'],
    ['preschool.children_per_teacher', 14.5, undefined, '1:14.5'],
    ['balanced.cv.teaching_area_per_student', 0.515, undefined, '0.52'],
    // A failing value never looks like its threshold: 0.996 against 1.0 shows three decimals.
    ['balanced.backbone_teachers_per100', 0.996, 1.0, '0.996'],
    ['balanced.backbone_teachers_per100', 0.99999, 1.0, '0.99999'],
    ['balanced.backbone_teachers_per100', 0.84, 1.0, '0.8'],
    ['balanced.backbone_teachers_per100', 1.0, 1.0, '1.0'],
  ] as const)('%s %s (vs %s) → %s', (code, value, threshold, expected) => {
    expect(formatIndicatorValue(code, value, threshold)).toBe(expected);
  });

  it('formats thresholds and scopes', () => {
    expect(formatThreshold('balanced.cv.teaching_area_per_student', { value: 0.45, comparator: '<=' })).toBe('≤0.45');
    expect(describeScope({ level: 'stage_part', schoolId: 's1', stage: 'junior' })).toBe('s1（初中）');
    expect(describeScope({ level: 'school', schoolId: 's1', label: '一中' })).toBe('一中');
    expect(describeScope({ level: 'district', stage: 'primary' })).toBe('全区（小学）');
  });

  it('describes a value just below its standard with enough decimals', () => {
    // 11 backbone teachers for 1105 pupils = 0.99548 per 100 < 1.0.
    const v = computeRatioIndicator({
      code: 'balanced.backbone_teachers_per100',
      numerator: 11,
      denominator: 1105,
      scope: { level: 'stage_part', label: '三小', stage: 'primary' },
      context: CTX,
    });
    expect(describeIndicatorValue(v)).toBe('三小（小学）：每百名学生拥有县级以上骨干教师数 0.995，标准≥1.0，未达标');
  });
});
