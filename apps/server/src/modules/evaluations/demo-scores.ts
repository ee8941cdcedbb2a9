/**
 * Deterministic demo scores: each school has a quality level (a few deliberately weak), each check
 * point varies around it, each inspector's judgement varies a little around that, the school rates
 * itself slightly higher; values the district already holds are taken as computed; low marks carry a
 * problem note and some full marks a note of praise. Pure (the random generator is passed in).
 */
import { listCheckpoints, type RubricNode, type RubricTemplate, type ScoreInput } from '@zhiping/domain';
import type { DemoRandom } from './demo-random.ts';

/** One score to store. */
export interface DemoScore {
  code: string;
  input: ScoreInput;
  points: number;
  note: string;
}

const PROBLEM_NOTES: Record<string, string[]> = {
  A1: ['户外场地面积偏小，分班活动受限', '部分玩具教具陈旧、数量不足', '保健室设施不完善'],
  A2: ['应急演练记录不完整', '门卫登记制度执行不严', '消毒记录有缺漏', '食谱营养分析未按月开展'],
  A3: ['自主游戏时间不足', '存在提前教授拼音和算术的倾向', '家长学校活动次数偏少'],
  A4: ['保育员配备不足', '园本教研流于形式', '教师培训记录不全'],
  A5: ['园务会议记录不全', '收费公示不及时', '幼儿档案管理不规范'],
};
const PRAISE_NOTES = ['做法规范，资料翔实', '特色鲜明，可在全区推广', '家长满意度高', '环境创设富有童趣'];

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The input and points a share of a check point's maximum gives under its method. */
function inputFor(node: RubricNode, share: number, computedValue: number | null | undefined): { input: ScoreInput; points: number } | null {
  const m = node.method!;
  switch (m.kind) {
    case 'points': {
      const p = clamp(Math.round((node.maxPoints * share) / m.step) * m.step, m.min, m.max);
      return { input: { kind: 'points', points: p }, points: p };
    }
    case 'levels': {
      const target = node.maxPoints * share;
      const level = [...m.levels].sort((a, b) => Math.abs(a.points - target) - Math.abs(b.points - target))[0]!;
      return { input: { kind: 'level', label: level.label }, points: level.points };
    }
    case 'yes_no': {
      // Veto items are all met in the demo; other requirements fail only for clearly weak check points.
      const yes = node.isVeto ? true : share > 0.5;
      return { input: { kind: 'yes_no', yes }, points: yes ? m.yesPoints : m.noPoints };
    }
    case 'computed':
      return computedValue === null || computedValue === undefined
        ? null
        : { input: { kind: 'computed', value: computedValue }, points: NaN };
  }
}

/** One school's sheets: the self-evaluation and each inspector's. */
export interface DemoSchoolSheets {
  self: DemoScore[];
  inspectors: { inspectorId: number; scores: DemoScore[] }[];
}

/** Draws the sheets of one school of a given quality (0–1) for its team. */
export function drawSchoolSheets(
  rng: DemoRandom,
  template: RubricTemplate,
  quality: number,
  team: number[],
  computed: Map<string, { value: number | null; points: number | null }>,
): DemoSchoolSheets {
  const nodes = listCheckpoints(template);
  const base = new Map(nodes.map((n) => [n.code, clamp(quality + 0.09 * rng.gauss(), 0.25, 1)] as const));
  const sheet = (shift: number, spread: number, isInspector: boolean): DemoScore[] =>
    nodes.map((n) => {
      const share = clamp(base.get(n.code)! + shift + spread * rng.gauss(), 0.2, 1);
      const c = computed.get(n.code);
      const chosen = inputFor(n, share, c?.value);
      if (chosen && chosen.input.kind === 'computed') return { code: n.code, input: chosen.input, points: c!.points ?? 0, note: '' };
      // No data for a computed check point: scored by hand with the reason on record.
      const manual = chosen ?? {
        input: { kind: 'points' as const, points: Math.round(n.maxPoints * share) },
        points: Math.round(n.maxPoints * share),
      };
      const area = n.code.split('.')[0]!;
      let note = chosen ? '' : '基础数据缺失，按现场核查评定';
      if (isInspector && n.maxPoints > 0 && manual.points / n.maxPoints < 0.7) note = rng.pick(PROBLEM_NOTES[area] ?? ['存在不足']);
      else if (isInspector && n.maxPoints > 0 && manual.points === n.maxPoints && rng.next() < 0.25) note = rng.pick(PRAISE_NOTES);
      return { code: n.code, input: manual.input, points: manual.points, note };
    });
  return {
    self: sheet(0.06, 0.03, false),
    inspectors: team.map((inspectorId) => ({ inspectorId, scores: sheet(0, 0.05, true) })),
  };
}

/** Quality levels for n schools: most between 0.80 and 0.95, every `weakEvery`-th deliberately weak (≈ 0.62–0.70). */
export function drawQualities(rng: DemoRandom, n: number, weakEvery = 20): number[] {
  return Array.from({ length: n }, (_, i) =>
    i % weakEvery === weakEvery - 3 ? 0.62 + 0.08 * rng.next() : clamp(0.875 + 0.045 * rng.gauss(), 0.78, 0.97),
  );
}
