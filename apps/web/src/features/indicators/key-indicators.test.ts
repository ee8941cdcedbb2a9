import type { IndicatorValue } from '@zhiping/contracts';
import { describe, expect, it } from 'vitest';
import { countByStatus, pickKeyValues } from './key-indicators.ts';

const value = (code: string, stage: IndicatorValue['stage'], status: IndicatorValue['status']): IndicatorValue => ({
  code,
  name: code,
  unit: '%',
  level: 'district',
  stage,
  schoolId: null,
  schoolName: null,
  numerator: 1,
  denominator: 2,
  value: 50,
  display: '50.0%',
  reason: null,
  threshold: null,
  status,
  warnings: [],
});

describe('key indicators', () => {
  it('picks the key values in key order and skips what the filters left out', () => {
    const items = [
      value('preschool.gross_enrolment_rate', 'preschool', 'met'),
      value('balanced.schools_passing_share', 'junior', 'not_met'),
      value('balanced.schools_passing_share', 'primary', 'met'),
      value('common.student_teacher_ratio', 'primary', 'no_threshold'),
    ];
    expect(pickKeyValues(items).map((v) => `${v.code}/${v.stage}`)).toEqual([
      'balanced.schools_passing_share/primary',
      'balanced.schools_passing_share/junior',
      'preschool.gross_enrolment_rate/preschool',
    ]);
  });

  it('counts statuses', () => {
    const items = [value('a', null, 'met'), value('b', null, 'met'), value('c', null, 'no_data')];
    expect(countByStatus(items)).toEqual({ met: 2, not_met: 0, no_threshold: 0, no_data: 1 });
  });
});
