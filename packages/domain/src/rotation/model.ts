/**
 * The rotation-plan model shared by the heuristic optimizer, the exhaustive search and the lower bound:
 * school stage parts with the inputs the indicator engine computes (BalancedInputs), movable teachers,
 * fixed (hand-made or locked) moves, and an incremental evaluator of the objective — the sum, over 小学 and
 * 初中, of the enrolment-weighted 差异系数 (weightedCV, §1.2) of 每百名学生拥有县级以上骨干教师数 and
 * 每百名学生拥有高于规定学历教师数.
 *
 * A move keeps a stage's total and enrolment, so each CV's mean X̄ = Σ(aᵢ·f) ÷ P is fixed and only
 * S2 = Σ (aᵢ·f)² ÷ wᵢ changes: CV = √(S2 ÷ P − X̄²) ÷ X̄. A move changes two terms of S2, which makes
 * evaluating one O(1).
 */
import type { BalancedInputs, BalancedStage } from '../indicators/balanced.ts';
import { getIndicator } from '../indicators/catalog.ts';
import { weightedCV } from '../indicators/cv.ts';
import { distanceKm, type RotationQuota, type RotationRules } from './rules.ts';

/** The two indicators the optimizer balances, by their catalog codes. */
export const ROTATION_INDICATORS = {
  backbone: 'balanced.backbone_teachers_per100',
  above: 'balanced.teachers_above_qualification_per100',
} as const;
/** 'backbone' or 'above'. */
export type RotationIndicator = keyof typeof ROTATION_INDICATORS;
/** Short Chinese names for reasons. */
export const ROTATION_INDICATOR_LABELS: Record<RotationIndicator, string> = { backbone: '骨干教师', above: '高于规定学历教师' };
const STAGE_LABELS: Record<BalancedStage, string> = { primary: '小学', junior: '初中' };
/** Stages in term order. */
const STAGES: readonly BalancedStage[] = ['primary', 'junior'];
const INDICATORS: readonly RotationIndicator[] = ['backbone', 'above'];

/** One school stage part as the indicator engine counts it (only parts that enter the CV). */
export interface PlanPart {
  schoolId: number;
  stage: BalancedStage;
  inputs: Pick<BalancedInputs, 'students' | 'backboneCountyOrAbove' | 'teachersAboveQualification'>;
}

/** A school of the plan. */
export interface PlanSchool {
  id: number;
  name: string;
  isSending: boolean;
  longitude: number | null;
  latitude: number | null;
  /** Teachers per `${stage}|${subject}` now at the school (subject coverage). */
  subjectCounts: Record<string, number>;
}

/** A teacher the plan may move (eligible and not exempt). */
export interface PlanCandidate {
  teacherId: number;
  name: string;
  schoolId: number;
  stage: BalancedStage;
  subject: string | null;
  /** 县级以上骨干教师 on the statistics date (counted by the indicator). */
  isBackbone: boolean;
  /** 高于规定学历 for the stage (counted by the indicator). */
  isAboveQualification: boolean;
  /** Why the teacher must not go to a receiving school as a 骨干教师 (师德 restriction), or null. */
  backboneRestriction: string | null;
}

/** A move fixed by district staff: made by hand or locked after a run. */
export interface FixedMove {
  teacherId: number;
  toSchoolId: number;
  source: 'manual' | 'locked';
}

/** Everything one optimisation needs. */
export interface PlanInput {
  parts: PlanPart[];
  schools: PlanSchool[];
  candidates: PlanCandidate[];
  rules: RotationRules;
  quota: RotationQuota;
  fixed: FixedMove[];
  /** Teachers excluded by hand from this plan. */
  excluded: number[];
}

/** One CV term (stage × indicator). */
export interface CvTerm {
  stage: BalancedStage;
  indicator: RotationIndicator;
  code: string;
  cv: number | null;
  mean: number | null;
}

const termIndex = (stage: BalancedStage, ind: RotationIndicator) => STAGES.indexOf(stage) * 2 + INDICATORS.indexOf(ind);

/** Indexed form of a PlanInput with mutable state: which candidate goes where, and the running sums. */
export class PlanState {
  readonly input: PlanInput;
  readonly schools = new Map<number, PlanSchool>();
  /** Part index by schoolId·2 + stage (0 小学, 1 初中). */
  readonly partIndex = new Map<number, number>();
  readonly partStudents: number[] = [];
  /** Amount per part and indicator (index part*2 + indicator). */
  readonly amount: number[] = [];
  readonly factor: number[] = INDICATORS.map((i) => getIndicator(ROTATION_INDICATORS[i]).factor);
  readonly P = [0, 0, 0, 0];
  readonly S1 = [0, 0, 0, 0];
  readonly S2 = [0, 0, 0, 0];
  readonly termParts = [0, 0, 0, 0];
  readonly candidates: PlanCandidate[];
  readonly candidateById = new Map<number, PlanCandidate>();
  /** Destination school ids each candidate may go to (within distance, with a part of its stage). */
  readonly destinations = new Map<number, number[]>();
  /** Part indices of those destinations, aligned with `destinations`. */
  readonly destinationParts = new Map<number, number[]>();
  /** Current CV per term (null when undefined), kept in step with S2. */
  readonly cvNow: (number | null)[] = [null, null, null, null];
  /** Initial teachers per `${schoolId}|${stage}|${subject}` (coverage to keep). */
  readonly initialSubjects = new Map<string, number>();
  /** Subjects a school had and has lost now. */
  uncoveredCount = 0;
  /** Sending schools below their own quota now. */
  schoolsBelowQuota = 0;
  /** Where each moved candidate goes. */
  readonly moved = new Map<number, number>();
  readonly fixed = new Set<number>();
  readonly excluded: Set<number>;
  readonly subjectCounts = new Map<string, number>();
  /** Allowed destination parts of each candidate (for ranked look-ups). */
  readonly destinationPartSet = new Map<number, Set<number>>();
  /** The school of each part. */
  readonly partSchool: number[] = [];
  /** Bumped by every apply (invalidates rankings). */
  version = 0;
  private readonly homeSubjectKey = new Map<number, string>();
  private rankings = new Map<string, { version: number; parts: number[] }>();
  movedFromSchool = new Map<number, number>();
  movedFromSending = 0;
  backboneMoves = 0;

  constructor(input: PlanInput) {
    this.input = input;
    for (const s of input.schools) this.schools.set(s.id, s);
    for (const s of input.schools)
      for (const [k, n] of Object.entries(s.subjectCounts)) {
        this.subjectCounts.set(`${s.id}|${k}`, n);
        this.initialSubjects.set(`${s.id}|${k}`, n);
      }
    input.parts.forEach((p, i) => {
      this.partIndex.set(partKey(p.schoolId, p.stage), i);
      this.partSchool.push(p.schoolId);
      this.partStudents.push(p.inputs.students);
      this.amount.push(p.inputs.backboneCountyOrAbove, p.inputs.teachersAboveQualification);
      for (const ind of INDICATORS) {
        const t = termIndex(p.stage, ind);
        const a = ind === 'backbone' ? p.inputs.backboneCountyOrAbove : p.inputs.teachersAboveQualification;
        const f = this.factor[INDICATORS.indexOf(ind)]!;
        this.P[t]! += p.inputs.students;
        this.S1[t]! += a * f;
        this.S2[t]! += (a * f) ** 2 / p.inputs.students;
        this.termParts[t]! += 1;
      }
    });
    this.excluded = new Set(input.excluded);
    this.candidates = [...input.candidates]
      .filter((c) => this.partIndex.has(partKey(c.schoolId, c.stage)))
      .sort((a, b) => a.teacherId - b.teacherId);
    for (const c of this.candidates) {
      this.candidateById.set(c.teacherId, c);
      const from = this.schools.get(c.schoolId)!;
      const dests = input.schools
        .filter((s) => s.id !== c.schoolId && this.partIndex.has(partKey(s.id, c.stage)) && this.isWithinDistance(from, s))
        .map((s) => s.id);
      this.destinations.set(c.teacherId, dests);
      const parts = dests.map((d) => this.partIndex.get(partKey(d, c.stage))!);
      this.destinationParts.set(c.teacherId, parts);
      this.destinationPartSet.set(c.teacherId, new Set(parts));
    }
    for (let t = 0; t < 4; t++) this.cvNow[t] = this.termCv(t);
    for (const [, req] of input.quota.perSchool) if (req > 0) this.schoolsBelowQuota += 1;
  }

  /**
   * Parts of a stage ordered by the cost of receiving one unit of an indicator, (2a + 1) ÷ w (the change of
   * S2 up to the factor): for a teacher carrying only that indicator, the first allowed part is the best
   * destination whatever the source, since the CV grows with S2. Cached until the next apply.
   */
  rankedParts(stage: BalancedStage, ind: 0 | 1): number[] {
    const key = `${stage}|${ind}`;
    const hit = this.rankings.get(key);
    if (hit && hit.version === this.version) return hit.parts;
    const parts = this.input.parts.flatMap((p, i) => (p.stage === stage ? [i] : []));
    const cost = (i: number) => (2 * this.amount[i * 2 + ind]! + 1) / this.partStudents[i]!;
    parts.sort((a, b) => cost(a) - cost(b) || this.partSchool[a]! - this.partSchool[b]!);
    this.rankings.set(key, { version: this.version, parts });
    return parts;
  }

  /** The part index of a school's stage part (undefined when the school has none that counts). */
  partOf(schoolId: number, stage: BalancedStage): number | undefined {
    return this.partIndex.get(partKey(schoolId, stage));
  }

  /** True when two schools are close enough (both need coordinates). */
  isWithinDistance(a: PlanSchool, b: PlanSchool): boolean {
    if (a.longitude === null || a.latitude === null || b.longitude === null || b.latitude === null) return false;
    return (
      distanceKm(a as { longitude: number; latitude: number }, b as { longitude: number; latitude: number }) <=
      this.input.rules.maxDistanceKm
    );
  }

  /** Whether a candidate's move counts as a 骨干 move for the shares. */
  countsAsBackbone(c: PlanCandidate): boolean {
    return c.isBackbone && c.backboneRestriction === null;
  }

  /** CV of a term from S2 (null when undefined: under two parts or a zero mean). */
  termCv(t: number, s2 = this.S2[t]!): number | null {
    if (this.termParts[t]! < 2 || this.S1[t]! === 0) return null;
    const mean = this.S1[t]! / this.P[t]!;
    return Math.sqrt(Math.max(0, s2 / this.P[t]! - mean * mean)) / mean;
  }

  /** The objective: Σ of the defined CV terms. */
  objective(): number {
    let j = 0;
    for (let t = 0; t < 4; t++) j += this.cvNow[t] ?? 0;
    return j;
  }

  /** The objective recomputed with weightedCV (two-pass, free of the running sums' rounding). */
  exactObjective(): number {
    return this.cvTerms().reduce((j, t) => j + (t.cv ?? 0), 0);
  }

  /** Change of S2 of one term when a part's amount changes by δ. */
  private s2Delta(part: number, ind: number, delta: number): number {
    const f = this.factor[ind]!;
    const a = this.amount[part * 2 + ind]!;
    return (((a + delta) * f) ** 2 - (a * f) ** 2) / this.partStudents[part]!;
  }

  /** Objective change if a candidate went from `fromSchool` to `toSchool` (either may be its home). */
  delta(c: PlanCandidate, fromSchool: number, toSchool: number): number {
    return this.deltaParts(c, this.partOf(fromSchool, c.stage)!, this.partOf(toSchool, c.stage)!);
  }

  /** delta() with part indices (the optimizer's inner loop). */
  deltaParts(c: PlanCandidate, from: number, to: number): number {
    let d = 0;
    const stageBase = c.stage === 'primary' ? 0 : 2;
    for (let ind = 0; ind < 2; ind++) {
      const has = ind === 0 ? c.isBackbone : c.isAboveQualification;
      if (!has) continue;
      const t = stageBase + ind;
      const before = this.cvNow[t]!;
      if (before === null) continue;
      const s2 = this.S2[t]! + this.s2Delta(from, ind, -1) + this.s2Delta(to, ind, 1);
      d += this.termCv(t, s2)! - before;
    }
    return d;
  }

  /** Where a candidate is now. */
  locationOf(teacherId: number): number {
    return this.moved.get(teacherId) ?? this.candidateById.get(teacherId)!.schoolId;
  }

  /** Moves a candidate to a school (its home school undoes a move). */
  apply(teacherId: number, toSchool: number): void {
    const c = this.candidateById.get(teacherId)!;
    const from = this.locationOf(teacherId);
    if (from === toSchool) return;
    this.version += 1;
    const fromPart = this.partOf(from, c.stage)!;
    const toPart = this.partOf(toSchool, c.stage)!;
    const stageBase = STAGES.indexOf(c.stage) * 2;
    for (let ind = 0; ind < 2; ind++) {
      if (!(ind === 0 ? c.isBackbone : c.isAboveQualification)) continue;
      this.S2[stageBase + ind]! += this.s2Delta(fromPart, ind, -1);
      this.amount[fromPart * 2 + ind]! -= 1;
      this.S2[stageBase + ind]! += this.s2Delta(toPart, ind, 1);
      this.amount[toPart * 2 + ind]! += 1;
      this.cvNow[stageBase + ind] = this.termCv(stageBase + ind);
    }
    if (c.subject !== null) {
      this.changeSubject(`${from}|${c.stage}|${c.subject}`, -1);
      this.changeSubject(`${toSchool}|${c.stage}|${c.subject}`, 1);
    }
    const wasMoved = this.moved.has(teacherId);
    const home = c.schoolId;
    if (toSchool === home) this.moved.delete(teacherId);
    else this.moved.set(teacherId, toSchool);
    const isMoved = toSchool !== home;
    if (wasMoved !== isMoved) {
      const sign = isMoved ? 1 : -1;
      const req = this.input.quota.perSchool.get(home) ?? 0;
      const was = this.movedFromSchool.get(home) ?? 0;
      this.movedFromSchool.set(home, was + sign);
      if (was < req && was + sign >= req) this.schoolsBelowQuota -= 1;
      if (was >= req && was + sign < req) this.schoolsBelowQuota += 1;
      if (this.schools.get(home)!.isSending) this.movedFromSending += sign;
      if (this.countsAsBackbone(c)) this.backboneMoves += sign;
    }
  }

  /** Changes a subject count and the count of lost subjects. */
  private changeSubject(k: string, by: number): void {
    const was = this.subjectCounts.get(k) ?? 0;
    this.subjectCounts.set(k, was + by);
    if ((this.initialSubjects.get(k) ?? 0) > 0) {
      if (was > 0 && was + by <= 0) this.uncoveredCount += 1;
      if (was <= 0 && was + by > 0) this.uncoveredCount -= 1;
    }
  }

  /** Subjects (stage|subject) a school had at the start and has lost. */
  uncovered(): { schoolId: number; key: string }[] {
    const out: { schoolId: number; key: string }[] = [];
    for (const s of this.input.schools)
      for (const [k, n] of Object.entries(s.subjectCounts))
        if (n > 0 && (this.subjectCounts.get(`${s.id}|${k}`) ?? 0) <= 0) out.push({ schoolId: s.id, key: k });
    return out;
  }

  /** True when moving the candidate away from its current school leaves it without the subject. */
  breaksCoverage(c: PlanCandidate): boolean {
    if (c.subject === null) return false;
    const to = this.moved.get(c.teacherId);
    let key = this.homeSubjectKey.get(c.teacherId);
    if (to !== undefined || key === undefined) {
      key = `${to ?? c.schoolId}|${c.stage}|${c.subject}`;
      if (to === undefined) this.homeSubjectKey.set(c.teacherId, key);
    }
    return (this.initialSubjects.get(key) ?? 0) > 0 && (this.subjectCounts.get(key) ?? 0) <= 1;
  }

  /** Required 骨干 moves for the current number of moves. */
  backboneNeeded(): number {
    const r = this.input.rules;
    const basis = r.backboneBasis === 'rotated' ? this.moved.size : this.input.quota.eligibleAll;
    return Math.ceil(r.backboneShare * basis - 1e-9);
  }

  /** Shortfalls of the quotas: district, per school, 骨干. */
  shortfalls(): { district: number; schools: number[]; backbone: number } {
    const q = this.input.quota;
    const schools = [...q.perSchool].filter(([id, req]) => (this.movedFromSchool.get(id) ?? 0) < req).map(([id]) => id);
    return {
      district: Math.max(0, q.minRotated - this.movedFromSending),
      schools,
      backbone: Math.max(0, this.backboneNeeded() - this.backboneMoves),
    };
  }

  /** True when every quota, the upper bound and subject coverage hold (O(1): counters kept by apply). */
  isFeasible(): boolean {
    return (
      this.movedFromSending >= this.input.quota.minRotated &&
      this.schoolsBelowQuota === 0 &&
      this.backboneMoves >= this.backboneNeeded() &&
      this.moved.size <= this.input.quota.maxRotated &&
      this.uncoveredCount === 0
    );
  }

  /** The CV terms computed with the indicator engine's weightedCV from the current amounts. */
  cvTerms(): CvTerm[] {
    const out: CvTerm[] = [];
    for (const stage of STAGES)
      for (const ind of INDICATORS) {
        const f = this.factor[INDICATORS.indexOf(ind)]!;
        const items = this.input.parts.flatMap((p, i) =>
          p.stage === stage
            ? [{ value: (this.amount[i * 2 + INDICATORS.indexOf(ind)]! * f) / p.inputs.students, weight: p.inputs.students }]
            : [],
        );
        const r = weightedCV(items);
        out.push({ stage, indicator: ind, code: ROTATION_INDICATORS[ind], cv: r.cv, mean: r.mean });
      }
    return out;
  }

  /** A part's current per-100 value of an indicator. */
  per100(schoolId: number, stage: BalancedStage, ind: RotationIndicator): number {
    const i = this.partOf(schoolId, stage)!;
    const k = INDICATORS.indexOf(ind);
    return (this.amount[i * 2 + k]! * this.factor[k]!) / this.partStudents[i]!;
  }

  /** The CV of one term now (for reasons). */
  cvOf(stage: BalancedStage, ind: RotationIndicator): number | null {
    return this.termCv(termIndex(stage, ind));
  }
}

/** Numeric key of a school stage part. */
function partKey(schoolId: number, stage: BalancedStage): number {
  return schoolId * 2 + (stage === 'primary' ? 0 : 1);
}

/** Chinese label of a CV term. */
export function termLabel(stage: BalancedStage, ind: RotationIndicator): string {
  return `${STAGE_LABELS[stage]}${ROTATION_INDICATOR_LABELS[ind]}差异系数`;
}

/** Stage label. */
export function stageLabel(stage: BalancedStage): string {
  return STAGE_LABELS[stage];
}
