/** Checks a rubric template before it is saved or used; every problem is reported in Chinese. */
import { COMPUTED_SOURCE_PATTERN, COMPUTED_SOURCES } from './computed-sources.ts';
import { roundPoints, samePoints } from './numbers.ts';
import { flattenRubric, type GradeBand, type RubricNode, type RubricTemplate, type ScoringMethod } from './rubric.ts';

/** Options of validateRubric. */
export interface ValidateRubricOptions {
  /** The computed sources the server can resolve (default: the keys of COMPUTED_SOURCES). */
  knownSources?: readonly string[];
}

const AREA_CODE = /^[A-Za-z][A-Za-z0-9]*$/;
const CHILD_SEGMENT = /^\d+$/;

/** Lists every problem of a template: codes, tree shape, point sums, methods, vetoes, bands. Empty when sound. */
export function validateRubric(template: RubricTemplate, options: ValidateRubricOptions = {}): string[] {
  const known = options.knownSources ?? Object.keys(COMPUTED_SOURCES);
  const problems: string[] = [];
  if (!template.family.trim()) problems.push('模板族标识不能为空');
  if (!Number.isInteger(template.version) || template.version < 1) problems.push(`版本号应为正整数，不能是“${template.version}”`);
  if (!template.name.trim()) problems.push('模板名称不能为空');
  if (!(template.scale > 0)) problems.push(`满分应大于 0，不能是 ${template.scale}`);
  if (template.nodes.length === 0) problems.push('模板至少应有一个一级指标');

  const seen = new Set<string>();
  for (const { node, parentCode } of flattenRubric(template)) {
    const where = `${node.code}“${node.title}”`;
    if (seen.has(node.code)) problems.push(`编码 ${node.code} 重复`);
    seen.add(node.code);
    if (!node.title.trim()) problems.push(`${node.code} 缺少名称`);
    if (!(node.maxPoints >= 0) || !Number.isFinite(node.maxPoints)) problems.push(`${where} 的分值应为非负数`);
    if (node.weight !== undefined && !(node.weight > 0)) problems.push(`${where} 的权重应大于 0`);
    problems.push(...checkCode(node, parentCode));
    problems.push(...checkShape(node, where, parentCode));
    if (node.kind === 'checkpoint' && node.method) problems.push(...checkMethod(node.method, node.maxPoints, where, known));
    if (node.isVeto && node.method?.kind !== 'yes_no') problems.push(`${where} 为一票否决项，评分方式应为“是/否”`);
    if (node.children?.length) problems.push(...checkChildSums(node.children, node.maxPoints, where));
  }
  problems.push(...checkChildSums(template.nodes, template.scale, '模板满分'));

  if (template.passRule === 'all_yes') {
    for (const f of flattenRubric(template)) {
      if (f.node.kind === 'checkpoint' && f.node.method && f.node.method.kind !== 'yes_no') {
        problems.push(`底线清单（全部为“是”方可通过）中的 ${f.node.code}“${f.node.title}”应为“是/否”判断`);
      }
    }
  } else {
    problems.push(...checkBands(template));
  }
  return problems;
}

/** A child's code extends its parent's by one numeric segment; an area code is a letter and digits. */
function checkCode(node: RubricNode, parentCode: string | null): string[] {
  if (parentCode === null) return AREA_CODE.test(node.code) ? [] : [`一级指标编码“${node.code}”应为字母开头的字母数字（如 A1）`];
  const prefix = `${parentCode}.`;
  if (!node.code.startsWith(prefix) || !CHILD_SEGMENT.test(node.code.slice(prefix.length))) {
    return [`编码“${node.code}”应为上级编码 ${parentCode} 加“.序号”（如 ${parentCode}.1）`];
  }
  return [];
}

/** Areas on top, indicators below areas, check points as leaves with a method. */
function checkShape(node: RubricNode, where: string, parentCode: string | null): string[] {
  const problems: string[] = [];
  const isTop = parentCode === null;
  if (isTop && node.kind !== 'area') problems.push(`${where} 位于顶层，应为一级指标`);
  if (!isTop && node.kind === 'area') problems.push(`${where} 为一级指标，不能位于其他指标之下`);
  if (node.kind === 'checkpoint') {
    if (!node.method) problems.push(`${where} 为评估要点，缺少评分方式`);
    if (node.children?.length) problems.push(`${where} 为评估要点，不能再有下级`);
  } else {
    if (node.method) problems.push(`${where} 不是评估要点，不能设置评分方式`);
    if (!node.children?.length) problems.push(`${where} 没有下级指标或评估要点`);
    if (node.isVeto) problems.push(`${where} 不是评估要点，不能设为一票否决`);
    for (const child of node.children ?? []) {
      if (node.kind === 'indicator' && child.kind !== 'checkpoint')
        problems.push(`${child.code}“${child.title}”位于二级指标之下，应为评估要点`);
    }
  }
  return problems;
}

/** Children's points add up to the parent's; weights, when every sibling has one, agree with the points. */
function checkChildSums(children: readonly RubricNode[], parentMax: number, where: string): string[] {
  const problems: string[] = [];
  const sum = roundPoints(children.reduce((s, c) => s + c.maxPoints, 0));
  if (!samePoints(sum, parentMax)) problems.push(`${where} 的下级分值合计 ${sum}，应等于 ${parentMax}`);
  const weights = children.map((c) => c.weight);
  if (weights.every((w): w is number => w !== undefined && w > 0)) {
    const total = weights.reduce((s, w) => s + w, 0);
    children.forEach((c, i) => {
      const expected = (parentMax * weights[i]!) / total;
      if (Math.abs(c.maxPoints - expected) > 0.5)
        problems.push(`${c.code}“${c.title}”的分值 ${c.maxPoints} 与权重不符（按权重应约为 ${roundPoints(expected)}）`);
    });
  }
  return problems;
}

/** The method can award at most the check point's maximum, and its best outcome awards exactly that. */
/** The problems of one check point's scoring method at its points (what validateRubric reports for it), for an editor. */
export function methodProblems(method: ScoringMethod, maxPoints: number, where = '本要点', options: ValidateRubricOptions = {}): string[] {
  return checkMethod(method, maxPoints, where, options.knownSources ?? Object.keys(COMPUTED_SOURCES));
}

function checkMethod(method: ScoringMethod, maxPoints: number, where: string, known: readonly string[]): string[] {
  const problems: string[] = [];
  switch (method.kind) {
    case 'points': {
      if (!(method.step > 0)) problems.push(`${where} 的计分步长应大于 0`);
      if (method.min < 0 || method.min > method.max) problems.push(`${where} 的分数范围 ${method.min}–${method.max} 无效`);
      if (!samePoints(method.max, maxPoints)) problems.push(`${where} 的最高分 ${method.max} 应等于要点分值 ${maxPoints}`);
      const steps = (method.max - method.min) / method.step;
      if (method.step > 0 && Math.abs(steps - Math.round(steps)) > 1e-9)
        problems.push(`${where} 的分数范围不是步长 ${method.step} 的整数倍`);
      break;
    }
    case 'levels': {
      if (method.levels.length < 2) problems.push(`${where} 至少应有两个等级`);
      const labels = method.levels.map((l) => l.label.trim());
      if (labels.some((l) => !l)) problems.push(`${where} 的等级名称不能为空`);
      if (new Set(labels).size !== labels.length) problems.push(`${where} 的等级名称重复`);
      if (method.levels[0] && !samePoints(method.levels[0].points, maxPoints))
        problems.push(`${where} 的最高等级“${method.levels[0].label}”应得 ${maxPoints} 分`);
      method.levels.forEach((l, i) => {
        if (l.points < 0 || l.points > maxPoints) problems.push(`${where} 的等级“${l.label}”分值 ${l.points} 超出 0–${maxPoints}`);
        const prev = method.levels[i - 1];
        if (prev && !(l.points < prev.points)) problems.push(`${where} 的等级应从高到低排列，“${l.label}”不低于“${prev.label}”`);
      });
      break;
    }
    case 'yes_no':
      if (!samePoints(method.yesPoints, maxPoints)) problems.push(`${where} 选“是”应得满分 ${maxPoints}`);
      if (method.noPoints < 0 || method.noPoints > method.yesPoints)
        problems.push(`${where} 选“否”的分值 ${method.noPoints} 应在 0–${method.yesPoints} 之间`);
      break;
    case 'computed': {
      if (!COMPUTED_SOURCE_PATTERN.test(method.source))
        problems.push(`${where} 的数据来源“${method.source}”格式不对，应如 base.class_size_compliance`);
      else if (!known.includes(method.source)) problems.push(`${where} 的数据来源“${method.source}”不是系统可计算的数据项`);
      if (method.thresholds.length === 0) problems.push(`${where} 缺少计分阈值`);
      if (method.thresholds[0] && !samePoints(method.thresholds[0].points, maxPoints))
        problems.push(`${where} 的最优阈值应得满分 ${maxPoints}`);
      method.thresholds.forEach((t, i) => {
        if (t.points < 0 || t.points > maxPoints) problems.push(`${where} 的阈值 ${t.value} 对应分值 ${t.points} 超出 0–${maxPoints}`);
        const prev = method.thresholds[i - 1];
        if (!prev) return;
        const isOrdered = method.direction === 'at_least' ? t.value < prev.value : t.value > prev.value;
        if (!isOrdered || !(t.points <= prev.points)) problems.push(`${where} 的阈值应从最优到最差排列（阈值 ${t.value}）`);
      });
      const last = method.thresholds.at(-1);
      if (method.otherwise < 0 || (last && method.otherwise > last.points))
        problems.push(`${where} 未达任何阈值时的分值 ${method.otherwise} 应不高于最低阈值的分值`);
      break;
    }
    default: {
      const never: never = method;
      problems.push(`${where} 的评分方式未知：${JSON.stringify(never)}`);
    }
  }
  return problems;
}

/** Bands run from high to low within the scale, end at a failing band open to every total, and name real areas. */
function checkBands(template: RubricTemplate): string[] {
  const problems: string[] = [];
  const bands = template.bands;
  if (bands.length < 2) return ['按等次评定的模板至少应有两个等次'];
  const areas = new Map(template.nodes.map((n) => [n.code, n] as const));
  const labels = bands.map((b) => b.label.trim());
  if (new Set(labels).size !== labels.length) problems.push('等次名称重复');
  bands.forEach((b: GradeBand, i) => {
    if (b.minTotal < 0 || b.minTotal > template.scale) problems.push(`等次“${b.label}”的最低总分 ${b.minTotal} 超出 0–${template.scale}`);
    const prev = bands[i - 1];
    if (prev && !(b.minTotal < prev.minTotal))
      problems.push(`等次应按最低总分从高到低排列：“${b.label}”(${b.minTotal}) 不低于“${prev.label}”(${prev.minTotal})`);
    if (prev && b.isPassing && !prev.isPassing) problems.push(`合格等次“${b.label}”不能排在不合格等次“${prev.label}”之后`);
    for (const [code, min] of Object.entries(b.areaMinimums ?? {})) {
      const area = areas.get(code);
      if (!area) problems.push(`等次“${b.label}”的领域最低分引用了不存在的一级指标 ${code}`);
      else if (min < 0 || min > area.maxPoints)
        problems.push(`等次“${b.label}”对 ${code}“${area.title}”要求 ${min} 分，超出 0–${area.maxPoints}`);
      // A higher band must ask at least as much of every area as a lower one, or a school could skip past a minimum.
      for (const higher of bands.slice(0, i)) {
        const higherMin = higher.areaMinimums?.[code];
        if (higherMin === undefined) problems.push(`等次“${higher.label}”未设 ${code} 的最低分，而较低等次“${b.label}”设有`);
        else if (min > higherMin) problems.push(`等次“${b.label}”对 ${code} 的最低分 ${min} 高于较高等次“${higher.label}”的 ${higherMin}`);
      }
    }
  });
  const last = bands.at(-1)!;
  if (last.minTotal !== 0 || Object.keys(last.areaMinimums ?? {}).length > 0)
    problems.push(`最低等次“${last.label}”应从 0 分起且不设领域最低分，使任何得分都有等次`);
  if (!bands.some((b) => b.isPassing)) problems.push('至少应有一个合格等次');
  if (last.isPassing) problems.push(`最低等次“${last.label}”应为不合格等次`);
  return problems;
}
