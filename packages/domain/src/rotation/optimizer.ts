/**
 * The rotation-plan heuristic: fixed moves first, then greedy moves until every quota is met (per sending
 * school, district minimum, 骨干 share), then greedy improving moves up to the upper bound, then a local
 * search (change destination, replace a moved teacher by another, drop a move) until nothing improves.
 * A move that would leave its school without a subject comes paired with a return move of the same
 * subject into that school. Every step is deterministic (candidates in id order, ties to the lower id).
 */
import { checkShares, type ShareCheck } from './rules.ts';
import { PlanState, stageLabel, termLabel, type CvTerm, type PlanCandidate, type PlanInput, ROTATION_INDICATOR_LABELS } from './model.ts';

const EPS = 1e-12;
/** Destinations tried with a paired return move (see bestStepOf). */
const PAIRED_DESTINATIONS = 6;

/** One move of the proposed plan. */
export interface PlannedMove {
  teacherId: number;
  fromSchoolId: number;
  toSchoolId: number;
  stage: PlanCandidate['stage'];
  subject: string | null;
  isBackbone: boolean;
  countsAsBackbone: boolean;
  isAboveQualification: boolean;
  source: 'optimizer' | 'manual' | 'locked';
  /** Chinese reasons: the indicator effect and the rule it serves. */
  reasons: string[];
}

/** The result of an optimisation. */
export interface OptimizerResult {
  moves: PlannedMove[];
  cvBefore: CvTerm[];
  cvAfter: CvTerm[];
  objectiveBefore: number;
  objectiveAfter: number;
  shares: ShareCheck;
  /** True when every quota, the upper bound and subject coverage hold. */
  isFeasible: boolean;
  /** Chinese problems when not feasible. */
  problems: string[];
  /** Greedy and local-search steps taken. */
  steps: number;
}

/** Options of a run. */
export interface OptimizerOptions {
  /** Upper bound on candidate×destination evaluations of one local-search pass (keeps big districts fast). */
  localSearchBudget?: number;
  /** Largest number of candidate-option pairs the two-change neighbourhood examines (small instances only). */
  pairBudget?: number;
}

interface Step {
  teacherId: number;
  to: number;
  /** A return move into the left school, same subject, when the move alone would break coverage. */
  back?: { teacherId: number; to: number };
  delta: number;
}

/** Proposes a plan (see the file comment). */
export function optimizeRotationPlan(input: PlanInput, options: OptimizerOptions = {}): OptimizerResult {
  const st = new PlanState(input);
  const cvBefore = st.cvTerms();
  const objectiveBefore = st.exactObjective();
  const problems: string[] = [];
  for (const f of input.fixed) {
    const c = st.candidateById.get(f.teacherId);
    if (!c) {
      problems.push(`教师 ${f.teacherId} 不在可交流名单中，已忽略其人工调整`);
      continue;
    }
    st.fixed.add(f.teacherId);
    st.apply(f.teacherId, f.toSchoolId);
  }
  const movable = st.candidates.filter(
    (c) => !st.fixed.has(c.teacherId) && !st.excluded.has(c.teacherId) && c.backboneRestriction === null,
  );
  const bySubject = new Map<string, PlanCandidate[]>();
  for (const c of movable) {
    if (c.subject === null) continue;
    const k = `${c.stage}|${c.subject}`;
    bySubject.set(k, [...(bySubject.get(k) ?? []), c]);
  }
  let steps = 0;

  /** Best return move of the candidate's subject into the school it left (`at`), evaluated after it left. */
  const bestReturn = (c: PlanCandidate, at: number): { teacherId: number; to: number; delta: number } | null => {
    let best: { teacherId: number; to: number; delta: number } | null = null;
    for (const r of bySubject.get(`${c.stage}|${c.subject}`) ?? []) {
      if (r === c || st.moved.has(r.teacherId) || r.schoolId === at || st.breaksCoverage(r)) continue;
      if (!st.destinations.get(r.teacherId)!.includes(at)) continue;
      const d = st.delta(r, r.schoolId, at);
      if (!best || d < best.delta - EPS) best = { teacherId: r.teacherId, to: at, delta: d };
    }
    return best;
  };

  /**
   * Best step of an unmoved candidate, or null. When the move alone would break subject coverage it is
   * paired with the best return move of the subject; the pairs are evaluated exactly for the
   * `PAIRED_DESTINATIONS` destinations that are best for the candidate alone (all of them on small instances).
   */
  const bestStepOf = (c: PlanCandidate, limit: number): Step | null => {
    const breaks = st.breaksCoverage(c);
    if (breaks && st.moved.size + 2 > limit) return null;
    const dests = st.destinations.get(c.teacherId)!;
    const parts = st.destinationParts.get(c.teacherId)!;
    const home = st.partOf(c.schoolId, c.stage)!;
    if (!breaks && c.isBackbone !== c.isAboveQualification) {
      // One indicator only: the cheapest allowed receiving part is the best destination.
      const allowed = st.destinationPartSet.get(c.teacherId)!;
      for (const part of st.rankedParts(c.stage, c.isBackbone ? 0 : 1))
        if (allowed.has(part)) return { teacherId: c.teacherId, to: st.partSchool[part]!, delta: st.deltaParts(c, home, part) };
      return null;
    }
    if (!breaks && !c.isBackbone && !c.isAboveQualification)
      return dests.length ? { teacherId: c.teacherId, to: dests[0]!, delta: 0 } : null;
    if (!breaks) {
      let best: Step | null = null;
      for (let k = 0; k < dests.length; k++) {
        const d = st.deltaParts(c, home, parts[k]!);
        if (!best || d < best.delta - EPS) best = { teacherId: c.teacherId, to: dests[k]!, delta: d };
      }
      return best;
    }
    const ranked = dests.map((to, k) => ({ to, d: st.deltaParts(c, home, parts[k]!) })).sort((x, y) => x.d - y.d || x.to - y.to);
    let best: Step | null = null;
    const version = st.version;
    for (const { to, d } of ranked.slice(0, PAIRED_DESTINATIONS)) {
      st.apply(c.teacherId, to);
      const back = bestReturn(c, c.schoolId);
      st.apply(c.teacherId, c.schoolId);
      st.version = version; // the state is back where it was: keep the cached rankings
      if (back && (!best || d + back.delta < best.delta - EPS))
        best = { teacherId: c.teacherId, to, back: { teacherId: back.teacherId, to: back.to }, delta: d + back.delta };
    }
    return best;
  };

  const take = (s: Step) => {
    st.apply(s.teacherId, s.to);
    if (s.back) st.apply(s.back.teacherId, s.back.to);
    steps += 1;
  };

  // 1. Quotas: pick the step that serves the most unmet quotas, then the best for the CVs.
  for (;;) {
    const need = st.shortfalls();
    if (need.district === 0 && need.schools.length === 0 && need.backbone === 0) break;
    const schoolsShort = new Set(need.schools);
    let best: { step: Step; serves: number } | null = null;
    for (const c of movable) {
      if (st.moved.has(c.teacherId)) continue;
      const home = st.schools.get(c.schoolId)!;
      const serves =
        (schoolsShort.has(c.schoolId) ? 4 : 0) +
        (need.district > 0 && home.isSending ? 2 : 0) +
        (need.backbone > 0 && st.countsAsBackbone(c) ? 2 : 0);
      if (serves === 0 || (best && serves < best.serves)) continue;
      const step = bestStepOf(c, input.quota.maxRotated);
      if (!step) continue;
      if (!best || serves > best.serves || step.delta < best.step.delta - EPS) best = { step, serves };
    }
    if (!best) break;
    take(best.step);
  }

  // 2. Improving moves while the upper bound allows (a move must not undo a quota: it only adds).
  const improve = () => {
    for (;;) {
      if (st.moved.size >= input.quota.maxRotated) return;
      let best: Step | null = null;
      for (const c of movable) {
        if (st.moved.has(c.teacherId)) continue;
        const step = bestStepOf(c, input.quota.maxRotated);
        if (!step || step.delta >= -1e-9 || (best && step.delta >= best.delta - EPS)) continue;
        // With the 'rotated' basis another move raises the 骨干 floor: keep the share met.
        const added = [c, ...(step.back ? [st.candidateById.get(step.back.teacherId)!] : [])];
        const backboneAfter = st.backboneMoves + added.filter((x) => st.countsAsBackbone(x)).length;
        const rotatedAfter = st.moved.size + added.length;
        const basis = st.input.rules.backboneBasis === 'rotated' ? rotatedAfter : st.input.quota.eligibleAll;
        if (backboneAfter < Math.ceil(st.input.rules.backboneShare * basis - 1e-9)) continue;
        best = step;
      }
      if (!best) return;
      take(best);
    }
  };
  improve();

  // 3. Local search: re-destination, replacement, removal; repeat while the objective improves.
  const budget = options.localSearchBudget ?? 20_000_000;
  for (let round = 0; round < 50; round++) {
    let improved = false;
    for (const [teacherId] of [...st.moved].sort((a, b) => a[0] - b[0])) {
      if (st.fixed.has(teacherId) || !st.moved.has(teacherId)) continue;
      const c = st.candidateById.get(teacherId)!;
      const here = st.moved.get(teacherId)!;
      // a) another destination
      for (const to of st.destinations.get(teacherId)!) {
        if (to === here) continue;
        const d = st.delta(c, here, to);
        if (d < -1e-9) {
          st.apply(teacherId, to);
          if (st.isFeasible()) {
            improved = true;
            steps += 1;
            break;
          }
          st.apply(teacherId, here);
        }
      }
      // b) drop the move
      const now = st.moved.get(teacherId)!;
      const dropDelta = st.delta(c, now, c.schoolId);
      if (dropDelta < -1e-9) {
        st.apply(teacherId, c.schoolId);
        if (st.isFeasible()) {
          improved = true;
          steps += 1;
          continue;
        }
        st.apply(teacherId, now);
      }
      // c) replace by an unmoved candidate (same school first; any school when the budget allows)
      const wide = movable.length * (st.destinations.get(teacherId)!.length + 1) * st.moved.size <= budget;
      const pool = movable.filter((u) => !st.moved.has(u.teacherId) && (wide || u.schoolId === c.schoolId));
      const before = st.objective();
      st.apply(teacherId, c.schoolId);
      // Only replacements that beat the current plan are checked for feasibility, best first.
      const room = before - st.objective() - 1e-9;
      const options: Step[] = [];
      for (const u of pool) {
        const dests = st.destinations.get(u.teacherId)!;
        const parts = st.destinationParts.get(u.teacherId)!;
        const home = st.partOf(u.schoolId, u.stage)!;
        for (let k = 0; k < dests.length; k++) {
          const d = st.deltaParts(u, home, parts[k]!);
          if (d < room) options.push({ teacherId: u.teacherId, to: dests[k]!, delta: d });
        }
      }
      options.sort((x, y) => x.delta - y.delta || x.teacherId - y.teacherId || x.to - y.to);
      let best: Step | null = null;
      for (const o of options) {
        st.apply(o.teacherId, o.to);
        const ok = st.isFeasible() && st.objective() < before - 1e-9;
        st.apply(o.teacherId, st.candidateById.get(o.teacherId)!.schoolId);
        if (ok) {
          best = o;
          break;
        }
      }
      if (best) {
        st.apply(best.teacherId, best.to);
        improved = true;
        steps += 1;
      } else st.apply(teacherId, now);
    }
    const size = st.moved.size;
    improve();
    if (st.moved.size !== size) improved = true;
    if (!improved && pairSearch(st, movable, options.pairBudget ?? 250_000)) improved = true;
    if (!improved) break;
  }

  const moves = describeMoves(st);
  const shares = checkShares(moves, input.quota, input.rules, new Set(input.schools.filter((s) => s.isSending).map((s) => s.id)));
  for (const u of st.uncovered()) problems.push(`${st.schools.get(u.schoolId)!.name} 调出后缺少 ${u.key.replace('|', ' ')} 教师`);
  problems.push(...shares.findings);
  return {
    moves,
    cvBefore,
    cvAfter: st.cvTerms(),
    objectiveBefore,
    objectiveAfter: st.exactObjective(),
    shares,
    isFeasible: st.isFeasible(),
    problems,
    steps,
  };
}

/**
 * k-change neighbourhood (k = 2, then 3): relocates two or three candidates at once (each to its home or
 * any destination) and takes the first change that keeps the plan feasible and lowers the objective. It
 * catches changes that only help together (two moves into one school, a move with its subject
 * replacement, trading one move for two); affordable only when the candidates have few options, so each
 * depth is skipped when its number of combinations exceeds `budget`.
 */
function pairSearch(st: PlanState, movable: readonly PlanCandidate[], budget: number): boolean {
  const options = movable.flatMap((c) => [c.schoolId, ...st.destinations.get(c.teacherId)!].map((to) => ({ c, to })));
  const n = options.length;
  const before = st.objective();
  const search = (start: number, depth: number, used: Set<PlanCandidate>): boolean => {
    for (let i = start; i < n; i++) {
      const o = options[i]!;
      if (used.has(o.c)) continue;
      const was = st.locationOf(o.c.teacherId);
      if (was === o.to) continue;
      st.apply(o.c.teacherId, o.to);
      if (depth === 1) {
        if (st.isFeasible() && st.objective() < before - 1e-9) return true;
      } else {
        used.add(o.c);
        if (search(i + 1, depth - 1, used)) return true;
        used.delete(o.c);
      }
      st.apply(o.c.teacherId, was);
    }
    return false;
  };
  for (const k of [2, 3]) {
    let combos = 1;
    for (let j = 0; j < k; j++) combos = (combos * (n - j)) / (j + 1);
    if (combos > budget) return false;
    if (search(0, k, new Set())) return true;
  }
  return false;
}

/** A CV with three significant digits (0.612, 0.0195), so small changes stay visible. */
const fmt = (x: number | null) => (x === null ? '—' : x.toPrecision(3));
const fmt1 = (x: number) => x.toFixed(2);

/** The plan's moves with their reasons (each move's own effect: the CV without it → with it). */
export function describeMoves(st: PlanState): PlannedMove[] {
  const moves: PlannedMove[] = [];
  const sendingShort = st.input.quota.perSchool;
  for (const [teacherId, to] of [...st.moved].sort((a, b) => a[0] - b[0])) {
    const c = st.candidateById.get(teacherId)!;
    const from = st.schools.get(c.schoolId)!;
    const dest = st.schools.get(to)!;
    const reasons: string[] = [];
    const inds = (['backbone', 'above'] as const).filter((i) => (i === 'backbone' ? c.isBackbone : c.isAboveQualification));
    st.apply(teacherId, c.schoolId);
    const without = inds.map((i) => ({
      i,
      cv: st.cvOf(c.stage, i),
      src: st.per100(from.id, c.stage, i),
      dst: st.per100(dest.id, c.stage, i),
    }));
    st.apply(teacherId, to);
    for (const w of without) {
      reasons.push(
        `${ROTATION_INDICATOR_LABELS[w.i]}从 ${from.name}（${stageLabel(c.stage)}每百名学生 ${fmt1(w.src)} 人）调往 ${dest.name}（${fmt1(w.dst)} 人），${termLabel(c.stage, w.i)} ${fmt(w.cv)}→${fmt(st.cvOf(c.stage, w.i))}`,
      );
    }
    if (inds.length === 0) reasons.push(`${from.name} → ${dest.name}：不改变两项指标，用于满足交流人数或学科补位`);
    const subjectKey = `${c.stage}|${c.subject}`;
    if (c.subject !== null && (dest.subjectCounts[subjectKey] ?? 0) > 0 && (st.subjectCounts.get(`${to}|${subjectKey}`) ?? 0) <= 1)
      reasons.push(`学科补位：${dest.name} 的${stageLabel(c.stage)}${c.subject}教师调出后由其补回`);
    if ((sendingShort.get(from.id) ?? 0) > 0) reasons.push(`${from.name} 为派出学校，本年须交流至少 ${sendingShort.get(from.id)} 人`);
    if (c.isBackbone && c.backboneRestriction === null) reasons.push('计入骨干教师交流比例');
    if (c.isBackbone && c.backboneRestriction !== null) reasons.push(`不计入骨干教师交流：${c.backboneRestriction}`);
    const source = st.fixed.has(teacherId) ? (st.input.fixed.find((f) => f.teacherId === teacherId)?.source ?? 'manual') : 'optimizer';
    if (source === 'manual') reasons.unshift('区教师科人工调整');
    if (source === 'locked') reasons.unshift('已锁定，重新计算时保留');
    moves.push({
      teacherId,
      fromSchoolId: from.id,
      toSchoolId: to,
      stage: c.stage,
      subject: c.subject,
      isBackbone: c.isBackbone,
      countsAsBackbone: st.countsAsBackbone(c),
      isAboveQualification: c.isAboveQualification,
      source,
      reasons,
    });
  }
  return moves;
}
