/**
 * Test-only fixtures: a small 1000-point rubric whose arithmetic is easy to follow by hand, and
 * helpers to write score sheets tersely. Not exported from the package.
 */
import type { RubricTemplate } from './rubric.ts';
import type { CheckpointScore } from './scoring.ts';

/**
 * A1 条件 600 = A1.1 场地 (A1.1.1 0–400 step 0.5, A1.1.2 0–200 step 0.5 with evidence)
 * A2 管理 400 = A2.1 0–300 step 0.5 + A2.2 levels 优100/良80/中60/差0 + A2.3 veto yes/no worth 0
 * Bands: 优秀 ≥900 (A1 ≥540, A2 ≥360), 良好 ≥800 (A1 ≥480, A2 ≥320), 合格 ≥750 (A1 ≥360, A2 ≥240), 不合格.
 */
export const FIXTURE: RubricTemplate = {
  family: 'fixture',
  version: 1,
  name: '测试模板',
  scale: 1000,
  passRule: 'bands',
  bands: [
    { label: '优秀', minTotal: 900, areaMinimums: { A1: 540, A2: 360 }, isPassing: true },
    { label: '良好', minTotal: 800, areaMinimums: { A1: 480, A2: 320 }, isPassing: true },
    { label: '合格', minTotal: 750, areaMinimums: { A1: 360, A2: 240 }, isPassing: true },
    { label: '不合格', minTotal: 0, isPassing: false },
  ],
  nodes: [
    {
      kind: 'area',
      code: 'A1',
      title: '条件',
      maxPoints: 600,
      children: [
        {
          kind: 'indicator',
          code: 'A1.1',
          title: '场地',
          maxPoints: 600,
          children: [
            { kind: 'checkpoint', code: 'A1.1.1', title: '面积', maxPoints: 400, method: { kind: 'points', min: 0, max: 400, step: 0.5 } },
            {
              kind: 'checkpoint',
              code: 'A1.1.2',
              title: '设施',
              maxPoints: 200,
              method: { kind: 'points', min: 0, max: 200, step: 0.5 },
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
      maxPoints: 400,
      children: [
        { kind: 'checkpoint', code: 'A2.1', title: '制度', maxPoints: 300, method: { kind: 'points', min: 0, max: 300, step: 0.5 } },
        {
          kind: 'checkpoint',
          code: 'A2.2',
          title: '满意度',
          maxPoints: 100,
          method: {
            kind: 'levels',
            levels: [
              { label: '优', points: 100 },
              { label: '良', points: 80 },
              { label: '中', points: 60 },
              { label: '差', points: 0 },
            ],
          },
        },
        {
          kind: 'checkpoint',
          code: 'A2.3',
          title: '无重大安全责任事故',
          maxPoints: 0,
          method: { kind: 'yes_no', yesPoints: 0, noPoints: 0 },
          isVeto: true,
        },
      ],
    },
  ],
};

/** A points score. */
export const pts = (code: string, points: number, extra: Partial<CheckpointScore> = {}): CheckpointScore => ({
  code,
  input: { kind: 'points', points },
  ...extra,
});

/** A level score. */
export const lvl = (code: string, label: string): CheckpointScore => ({ code, input: { kind: 'level', label } });

/** A yes/no score. */
export const yn = (code: string, yes: boolean, note?: string): CheckpointScore => ({
  code,
  input: { kind: 'yes_no', yes },
  ...(note ? { note } : {}),
});

/** A complete fixture sheet: A1.1.1, A1.1.2 (with evidence), A2.1, the A2.2 level, and the veto answer. */
export function sheet(a111: number, a112: number, a21: number, level: string, isVetoMet = true): CheckpointScore[] {
  return [pts('A1.1.1', a111), pts('A1.1.2', a112, { evidenceCount: 1 }), pts('A2.1', a21), lvl('A2.2', level), yn('A2.3', isVetoMet)];
}
