import { describe, expect, it } from 'vitest';
import { splitSharedResources, stageShares } from './split.ts';

describe('stageShares', () => {
  it.each([
    // 九年一贯制 600 primary, 400 junior: 600·1 = 600, 400·1.1 = 440, total 1040 → 600/1040, 440/1040.
    ['312', { primary: 600, junior: 400 }, { primary: 600 / 1040, junior: 440 / 1040 }],
    // 完全中学 500 junior, 500 senior: 500 and 600 → 5/11, 6/11.
    ['341', { junior: 500, senior: 500 }, { junior: 5 / 11, senior: 6 / 11 }],
    // 十二年一贯制 100/100/100: 100, 110, 132 → total 342.
    ['345', { primary: 100, junior: 100, senior: 100 }, { primary: 100 / 342, junior: 110 / 342, senior: 132 / 342 }],
    // A single-stage school keeps everything.
    ['211', { primary: 800 }, { primary: 1 }],
  ] as const)('type %s', (type, students, expected) => {
    const r = stageShares(type, students);
    for (const [stage, share] of Object.entries(expected)) expect(r.shares[stage as 'primary']).toBeCloseTo(share, 12);
    expect(r.warnings).toEqual([]);
  });

  it('takes configured weights (e.g. a district that splits 九年一贯制 1:1)', () => {
    const r = stageShares('312', { primary: 300, junior: 100 }, { '312': { primary: 1, junior: 1 } });
    expect(r.shares).toEqual({ primary: 0.75, junior: 0.25 });
  });

  it('warns for an unknown type and for a school without students', () => {
    expect(stageShares('999', {}).warnings[0]).toContain('未知的办学类型代码');
    const r = stageShares('312', { primary: 0, junior: 0 });
    expect(r.shares).toEqual({ primary: 0, junior: 0 });
    expect(r.warnings[0]).toContain('无法分摊');
  });
});

describe('splitSharedResources', () => {
  it('apportions shared resources by weighted enrolment and adds stage-own teachers', () => {
    // 600 primary, 400 junior → shares 600/1040 and 440/1040.
    // teachingArea 5200 m² → 3000 and 2200; equipment 2,080,000 元 → 1,200,000 and 880,000;
    // 10 shared teachers → 5.769… and 4.230…, plus 30 own primary and 25 own junior teachers.
    const { parts } = splitSharedResources({
      typeCode: '312',
      students: { primary: 600, junior: 400 },
      shared: { teachingArea: 5200, equipmentValue: 2_080_000, teachers: 10 },
      own: { primary: { teachers: 30 }, junior: { teachers: 25 } },
    });
    expect(parts.map((p) => p.stage)).toEqual(['primary', 'junior']);
    expect(parts[0]!.resources.teachingArea).toBeCloseTo(3000, 9);
    expect(parts[1]!.resources.teachingArea).toBeCloseTo(2200, 9);
    expect(parts[0]!.resources.equipmentValue).toBeCloseTo(1_200_000, 6);
    expect(parts[1]!.resources.equipmentValue).toBeCloseTo(880_000, 6);
    expect(parts[0]!.resources.teachers).toBeCloseTo(30 + 6000 / 1040, 9);
    expect(parts[1]!.resources.teachers).toBeCloseTo(25 + 4400 / 1040, 9);
    // Nothing is lost in the split.
    expect(parts[0]!.resources.teachingArea + parts[1]!.resources.teachingArea).toBeCloseTo(5200, 9);
    expect(parts.map((p) => p.students)).toEqual([600, 400]);
  });
});
