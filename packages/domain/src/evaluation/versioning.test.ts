import { describe, expect, it } from 'vitest';
import { aggregateScores } from './aggregation.ts';
import type { RubricTemplate } from './rubric.ts';
import { KINDERGARTEN_CONDUCT_TEMPLATE } from './templates/index.ts';
import { FIXTURE, sheet } from './test-fixtures.ts';
import { validateRubric } from './validate-rubric.ts';
import {
  buildIdentityMapping,
  copyTemplate,
  createNextVersion,
  diffTemplates,
  isEditableInPlace,
  mapScores,
  validateMapping,
  type VersionMapping,
} from './versioning.ts';

/**
 * Version 2 of the fixture on a 100-point scale: A1 60 (A1.1.1 40, A1.1.2 20); A2 40 = A2.1 renamed
 * 制度建设 30 + veto A2.3 + new A2.4 (levels, 10). A2.2 (满意度) is dropped.
 */
const V2: RubricTemplate = {
  ...FIXTURE,
  version: 2,
  scale: 100,
  bands: [
    { label: '优秀', minTotal: 90, isPassing: true },
    { label: '合格', minTotal: 75, isPassing: true },
    { label: '不合格', minTotal: 0, isPassing: false },
  ],
  nodes: [
    {
      kind: 'area',
      code: 'A1',
      title: '条件',
      maxPoints: 60,
      children: [
        {
          kind: 'indicator',
          code: 'A1.1',
          title: '场地',
          maxPoints: 60,
          children: [
            { kind: 'checkpoint', code: 'A1.1.1', title: '面积', maxPoints: 40, method: { kind: 'points', min: 0, max: 40, step: 0.5 } },
            {
              kind: 'checkpoint',
              code: 'A1.1.2',
              title: '设施',
              maxPoints: 20,
              method: { kind: 'points', min: 0, max: 20, step: 0.5 },
              requiresEvidence: true,
            },
          ],
        },
      ],
    },
    {
      kind: 'area',
      code: 'A2',
      title: '管理',
      maxPoints: 40,
      children: [
        { kind: 'checkpoint', code: 'A2.1', title: '制度建设', maxPoints: 30, method: { kind: 'points', min: 0, max: 30, step: 0.5 } },
        {
          kind: 'checkpoint',
          code: 'A2.3',
          title: '无重大安全责任事故',
          maxPoints: 0,
          method: { kind: 'yes_no', yesPoints: 0, noPoints: 0 },
          isVeto: true,
        },
        {
          kind: 'checkpoint',
          code: 'A2.4',
          title: '特色',
          maxPoints: 10,
          method: {
            kind: 'levels',
            levels: [
              { label: '优', points: 10 },
              { label: '良', points: 8 },
            ],
          },
        },
      ],
    },
  ],
};

// The old result: 300 + 150 = 450; 220 + 80 (良) = 300; total 750 of 1000.
const OLD_RESULT = aggregateScores(FIXTURE, sheet(300, 150, 220, '良'));

describe('diffTemplates', () => {
  it('lists added, removed and changed nodes, and scale and band changes', () => {
    expect(validateRubric(V2)).toEqual([]);
    const d = diffTemplates(FIXTURE, V2);
    expect(d.added).toEqual(['A2.4']);
    expect(d.removed).toEqual(['A2.2']);
    expect(d.changed).toEqual([
      { code: 'A1', changes: ['分值：600 → 60'] },
      { code: 'A1.1', changes: ['分值：600 → 60'] },
      { code: 'A1.1.1', changes: ['分值：400 → 40', '评分方式'] },
      { code: 'A1.1.2', changes: ['分值：200 → 20', '评分方式'] },
      { code: 'A2', changes: ['分值：400 → 40'] },
      { code: 'A2.1', changes: ['名称：制度 → 制度建设', '分值：300 → 30', '评分方式'] },
    ]);
    expect(d).toMatchObject({ scaleChanged: { from: 1000, to: 100 }, bandsChanged: true, passRuleChanged: false, isUnchanged: false });
  });

  it('finds nothing between a template and its next version before editing', () => {
    const next = createNextVersion(FIXTURE);
    expect(diffTemplates(FIXTURE, next).isUnchanged).toBe(true);
  });
});

describe('editing versions', () => {
  it.each([
    ['an unused district template', { isBuiltIn: false }, false, true],
    ['a used district template', { isBuiltIn: false }, true, false],
    ['a built-in template', { isBuiltIn: true }, false, false],
  ])('%s is editable in place: %s / %s → %s', (_case, template, hasResults, expected) => {
    expect(isEditableInPlace(template, hasResults)).toBe(expected);
  });

  it('creates the next version as an independent copy', () => {
    const next = createNextVersion(FIXTURE);
    expect(next.version).toBe(2);
    (next.nodes[0]!.children![0]!.children![0] as { title: string }).title = '改名';
    expect(FIXTURE.nodes[0]!.children![0]!.children![0]!.title).toBe('面积');
  });

  it('copies a built-in template into a district family at version 1', () => {
    const copy = copyTemplate(KINDERGARTEN_CONDUCT_TEMPLATE, { family: 'district-500199-kg', name: '示例区幼儿园办园行为督导评估' });
    expect(copy).toMatchObject({
      family: 'district-500199-kg',
      version: 1,
      isBuiltIn: false,
      copiedFrom: { family: 'kindergarten-conduct', version: 1 },
    });
    expect(isEditableInPlace(copy, false)).toBe(true);
    expect(validateRubric(copy)).toEqual([]);
  });
});

describe('version mappings', () => {
  it('maps kept check points by the ratio of their maxima and normalises to the new scale', () => {
    const mapping = buildIdentityMapping(FIXTURE, V2);
    // A1.1.1 40/400, A1.1.2 20/200, A2.1 30/300 → factor 0.1 each; A2.3 is worth 0 and A2.2 was dropped.
    expect(mapping.entries).toEqual([
      { from: 'A1.1.1', to: [{ code: 'A1.1.1', factor: 0.1 }] },
      { from: 'A1.1.2', to: [{ code: 'A1.1.2', factor: 0.1 }] },
      { from: 'A2.1', to: [{ code: 'A2.1', factor: 0.1 }] },
    ]);
    expect(validateMapping(mapping, FIXTURE, V2)).toEqual([]);
    const m = mapScores(OLD_RESULT, mapping);
    // 300 × 0.1 + 150 × 0.1 + 220 × 0.1 = 30 + 15 + 22 = 67 of a comparable 40 + 20 + 30 = 90;
    // normalised 67 / 90 × 100 = 74.44; the mapping covers 400 + 200 + 300 = 900 of the old 1000 = 90 %.
    expect(m).toMatchObject({ total: 67, comparableMax: 90, normalizedTotal: 74.44, coverage: 90 });
    expect(m.areas).toEqual([
      { code: 'A1', points: 45, comparableMax: 60 },
      { code: 'A2', points: 22, comparableMax: 30 },
    ]);
  });

  it('maps whole areas, including a dropped check point, like for like', () => {
    const mapping: VersionMapping = {
      family: 'fixture',
      fromVersion: 1,
      toVersion: 2,
      toScale: 100,
      entries: [
        { from: 'A1', to: [{ code: 'A1', factor: 0.1 }] },
        { from: 'A2', to: [{ code: 'A2', factor: 0.1 }] },
      ],
    };
    // A1 450 × 0.1 = 45; A2 (220 + 80) × 0.1 = 30; 75 of 100 → normalised 75, the old 750 / 1000.
    expect(mapScores(OLD_RESULT, mapping)).toMatchObject({ total: 75, comparableMax: 100, normalizedTotal: 75, coverage: 100 });
  });

  it('splits one old node over two new ones', () => {
    const mapping: VersionMapping = {
      family: 'fixture',
      fromVersion: 1,
      toVersion: 2,
      toScale: 100,
      entries: [
        {
          from: 'A2.2',
          to: [
            { code: 'A2.1', factor: 0.05 },
            { code: 'A2.4', factor: 0.05 },
          ],
        },
      ],
    };
    // 良 80 × 0.05 = 4 to each of A2.1 and A2.4; comparable max 100 × 0.05 = 5 each → 8 of 10 → 80 on the 100 scale.
    expect(mapScores(OLD_RESULT, mapping)).toMatchObject({
      nodes: [
        { code: 'A2.1', points: 4, comparableMax: 5 },
        { code: 'A2.4', points: 4, comparableMax: 5 },
      ],
      total: 8,
      normalizedTotal: 80,
      coverage: 10,
    });
  });

  it('reports unknown codes, overlapping sources, bad factors and mismatched versions', () => {
    const mapping: VersionMapping = {
      family: 'fixture',
      fromVersion: 1,
      toVersion: 3,
      toScale: 100,
      entries: [
        { from: 'A1', to: [{ code: 'A1', factor: 0.1 }] },
        { from: 'A1.1.1', to: [{ code: 'A1.1.1', factor: 0 }] },
        { from: 'A9', to: [{ code: 'B1', factor: 1 }] },
      ],
    };
    expect(validateMapping(mapping, FIXTURE, V2)).toEqual([
      '映射的版本号与模板不一致',
      'A1.1.1 已包含在 A1 的映射中，会重复计分',
      'A1.1.1 → A1.1.1 的系数应为正数',
      '旧版本中没有 A9',
      '新版本中没有 B1',
    ]);
  });
});
