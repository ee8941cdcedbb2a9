/**
 * Rubrics (评估指标体系) as versioned trees: areas (一级指标) → indicators (二级指标) → check points
 * (评估要点). Points are the only arithmetic: a parent's maximum is the sum of its children's, and a
 * check point's scoring method can award at most the check point's maximum. Templates are data, so a
 * district copies and edits them; `family` stays the same across versions of one rubric.
 */

/** The three levels of the tree. An area may hold check points directly (short checklists). */
export type RubricNodeKind = 'area' | 'indicator' | 'checkpoint';

/** Points entered by the inspector within a range, on a step (e.g. 0–20 in steps of 0.5). */
export interface PointsMethod {
  kind: 'points';
  min: number;
  max: number;
  step: number;
}

/** One level of a levels-based method, from best to worst. */
export interface RubricLevel {
  label: string;
  points: number;
  /** What the level looks like in practice (shown to the observer). */
  description?: string;
}

/** A level (优/良/中/差 …) chosen by the inspector, each mapped to points. */
export interface LevelsMethod {
  kind: 'levels';
  levels: readonly RubricLevel[];
}

/** A requirement that is met (yes) or not (no). */
export interface YesNoMethod {
  kind: 'yes_no';
  yesPoints: number;
  noPoints: number;
  /** Labels shown for the two answers, e.g. 正常 / 存在问题 (default 是 / 否). */
  yesLabel?: string;
  noLabel?: string;
  /** Whether a "no" must come with a note describing the problem. */
  noRequiresNote?: boolean;
}

/** One step of a computed mapping: a value that reaches `value` earns `points`. */
export interface ComputedThreshold {
  value: number;
  points: number;
}

/** A value computed from Zhiping's own data (resolved by the server), mapped to points by thresholds. */
export interface ComputedMethod {
  kind: 'computed';
  /** A key of COMPUTED_SOURCES, e.g. 'base.kindergarten_class_size_compliance'. */
  source: string;
  /** 'at_least': higher is better, the first threshold the value reaches wins; 'at_most': lower is better. */
  direction: 'at_least' | 'at_most';
  /** From the best threshold to the worst. */
  thresholds: readonly ComputedThreshold[];
  /** Points when no threshold is reached. */
  otherwise: number;
}

/** How a check point is scored. */
export type ScoringMethod = PointsMethod | LevelsMethod | YesNoMethod | ComputedMethod;

/** One node of the rubric tree. */
export interface RubricNode {
  kind: RubricNodeKind;
  /** 'A1' for an area, 'A1.2' below it, 'A1.2.3' below that: a child's code extends its parent's. */
  code: string;
  title: string;
  maxPoints: number;
  /** The authoring weight among siblings, kept for display; the points are what count. */
  weight?: number;
  /** Check points only. */
  method?: ScoringMethod;
  /** What to look at and how to judge (评估要点说明). */
  guidance?: string;
  /** Whether an evidence attachment (佐证材料) is required before the score can be submitted. */
  requiresEvidence?: boolean;
  /** 一票否决: a "no" fails the whole evaluation regardless of the score. Yes/no check points only. */
  isVeto?: boolean;
  children?: readonly RubricNode[];
}

/** A grade band (等次): reached when the total and every listed area minimum hold. */
export interface GradeBand {
  label: string;
  minTotal: number;
  /** Area code → the least points that area needs for this band. */
  areaMinimums?: Readonly<Record<string, number>>;
  /** Whether this band counts as passing (合格 and above). */
  isPassing: boolean;
}

/** Where a template comes from and how sure we are of it. */
export interface TemplateSource {
  /** The document the structure follows, e.g. 《幼儿园办园行为督导评估办法》(教督〔2017〕7号). */
  document: string;
  /** 'verified' when checked against a retrieved text; 'partial'; 'unverified' for recollection. */
  confidence: 'verified' | 'partial' | 'unverified';
  /** Honest notes: what is from the document, what is a plausible local configuration. */
  notes: readonly string[];
}

/** A rubric template: one version of one family. */
export interface RubricTemplate {
  /** Stable id across versions, e.g. 'kindergarten-conduct'. */
  family: string;
  /** 1, 2, 3 …: a used version is never edited in place. */
  version: number;
  name: string;
  /** The maximum total; the areas' maxima add up to it. */
  scale: number;
  /** 'bands': graded by total and area minimums; 'all_yes': passes only if every item is yes. */
  passRule: 'bands' | 'all_yes';
  /** From the highest band to the lowest (ignored for 'all_yes'). */
  bands: readonly GradeBand[];
  /** Labels of the verdict for 'all_yes' templates (default 合格 / 不合格). */
  verdictLabels?: { pass: string; fail: string };
  nodes: readonly RubricNode[];
  description?: string;
  source?: TemplateSource;
  /** Built-in templates are copied before they are edited. */
  isBuiltIn?: boolean;
  /** The template this one was copied from, when it started a new family. */
  copiedFrom?: { family: string; version: number };
}

/** A node with its place in the tree. */
export interface FlatRubricNode {
  node: RubricNode;
  depth: number;
  parentCode: string | null;
  areaCode: string;
}

/** Every node of a template in tree order (pre-order), with its parent and area. */
export function flattenRubric(template: Pick<RubricTemplate, 'nodes'>): FlatRubricNode[] {
  const out: FlatRubricNode[] = [];
  const walk = (nodes: readonly RubricNode[], depth: number, parentCode: string | null, areaCode: string | null) => {
    for (const node of nodes) {
      const area = areaCode ?? node.code;
      out.push({ node, depth, parentCode, areaCode: area });
      if (node.children) walk(node.children, depth + 1, node.code, area);
    }
  };
  walk(template.nodes, 0, null, null);
  return out;
}

/** The check points (leaves) of a template in tree order. */
export function listCheckpoints(template: Pick<RubricTemplate, 'nodes'>): RubricNode[] {
  return flattenRubric(template)
    .map((f) => f.node)
    .filter((n) => n.kind === 'checkpoint');
}

/** The node with a code, or undefined. */
export function findNode(template: Pick<RubricTemplate, 'nodes'>, code: string): RubricNode | undefined {
  return flattenRubric(template).find((f) => f.node.code === code)?.node;
}

/** The area code of any node code ('A1.2.3' → 'A1'). */
export function areaCodeOf(code: string): string {
  return code.split('.')[0]!;
}

/** Splits a total into integer points in proportion to weights (largest remainder), so the parts add up exactly. */
export function pointsFromWeights(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const floors = exact.map(Math.floor);
  let left = Math.round(total - floors.reduce((s, v) => s + v, 0));
  // Hand the leftover points to the largest remainders; earlier siblings win ties, so the split is deterministic.
  const order = exact.map((v, i) => ({ i, r: v - floors[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = floors[i]! + 1;
    left -= 1;
  }
  return floors;
}
