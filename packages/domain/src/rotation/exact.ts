/**
 * Yardsticks for the heuristic: an exhaustive search that finds the optimum of tiny instances (every
 * candidate stays or goes to any allowed destination), and a lower bound for instances of any size.
 */
import { PlanState, type PlanInput } from './model.ts';

/** The optimum of an instance. */
export interface ExactResult {
  objective: number;
  moves: { teacherId: number; toSchoolId: number }[];
  /** Plans (leaves) examined. */
  examined: number;
  isFeasible: boolean;
}

/** Enumerates every plan of a tiny instance (throws above `maxPlans` leaves); ties go to fewer moves. */
export function solveExhaustively(input: PlanInput, maxPlans = 5_000_000): ExactResult {
  const st = new PlanState(input);
  for (const f of input.fixed) {
    st.fixed.add(f.teacherId);
    st.apply(f.teacherId, f.toSchoolId);
  }
  const free = st.candidates.filter((c) => !st.fixed.has(c.teacherId) && !st.excluded.has(c.teacherId) && c.backboneRestriction === null);
  const space = free.reduce((n, c) => n * (st.destinations.get(c.teacherId)!.length + 1), 1);
  if (space > maxPlans) throw new Error(`instance too large for exhaustive search: ${space} plans`);
  let best: ExactResult = { objective: Infinity, moves: [], examined: 0, isFeasible: false };
  let examined = 0;
  let bestJ = Infinity;
  const visit = (k: number) => {
    if (st.moved.size > input.quota.maxRotated) return;
    if (k === free.length) {
      examined += 1;
      if (!st.isFeasible()) return;
      const j = st.objective();
      if (j < bestJ - 1e-12 || (Math.abs(j - bestJ) <= 1e-12 && st.moved.size < best.moves.length)) {
        bestJ = j;
        best = {
          objective: st.exactObjective(),
          moves: [...st.moved].map(([teacherId, toSchoolId]) => ({ teacherId, toSchoolId })),
          examined: 0,
          isFeasible: true,
        };
      }
      return;
    }
    const c = free[k]!;
    visit(k + 1);
    for (const to of st.destinations.get(c.teacherId)!) {
      st.apply(c.teacherId, to);
      visit(k + 1);
      st.apply(c.teacherId, c.schoolId);
    }
  };
  visit(0);
  return { ...best, examined };
}

/** A lower bound of the objective, per CV term and in total. */
export interface LowerBound {
  total: number;
  terms: { stage: string; indicator: string; cv: number | null }[];
}

/**
 * A lower bound on the sum of CVs any plan can reach: each term is minimised on its own over a fractional
 * redistribution in which every movable teacher with the attribute may leave their part (amounts never
 * below what stays), at most K = min(such teachers, upper bound − fixed moves) units move, and any part
 * may receive. Integrality, distance, subject coverage, quotas and the coupling of the two attributes of
 * one teacher are relaxed, so no plan does better. For a term: minimise Σ aᵢ²/wᵢ with Σ aᵢ fixed; the
 * optimum is the water level aᵢ = max(loᵢ, λ·wᵢ), and when its transfer exceeds K, a cut level H and a
 * fill level L with exactly K moved.
 */
export function rotationLowerBound(input: PlanInput): LowerBound {
  const st = new PlanState(input);
  for (const f of input.fixed) {
    st.fixed.add(f.teacherId);
    st.apply(f.teacherId, f.toSchoolId);
  }
  const free = st.candidates.filter((c) => !st.fixed.has(c.teacherId) && !st.excluded.has(c.teacherId) && c.backboneRestriction === null);
  const slots = Math.max(0, input.quota.maxRotated - st.moved.size);
  const terms: LowerBound['terms'] = [];
  let total = 0;
  for (const stage of ['primary', 'junior'] as const)
    for (const [k, ind] of (['backbone', 'above'] as const).entries()) {
      const idx = input.parts.flatMap((p, i) => (p.stage === stage ? [i] : []));
      const w = idx.map((i) => st.partStudents[i]!);
      const a = idx.map((i) => st.amount[i * 2 + k]!);
      const movableAt = idx.map(
        (i) =>
          free.filter((c) => c.stage === stage && (k === 0 ? c.isBackbone : c.isAboveQualification) && st.partOf(c.schoolId, stage) === i)
            .length,
      );
      const K = Math.min(
        slots,
        movableAt.reduce((x, y) => x + y, 0),
      );
      const lo = a.map((x, j) => x - movableAt[j]!);
      const s2 = minimalS2(w, a, lo, K);
      const f = st.factor[k]!;
      const P = w.reduce((x, y) => x + y, 0);
      const A = a.reduce((x, y) => x + y, 0);
      let cv: number | null = null;
      if (idx.length >= 2 && A > 0) {
        const mean = (A * f) / P;
        cv = Math.sqrt(Math.max(0, (s2 * f * f) / P - mean * mean)) / mean;
        total += cv;
      }
      terms.push({ stage, indicator: ind, cv });
    }
  return { total, terms };
}

/** Finds x with g(x) = target for a non-increasing g on [lo, hi] by bisection. */
function solveDecreasing(g: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (g(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** min Σ xᵢ²/wᵢ over x ≥ lo, Σx = Σa, Σ(xᵢ − aᵢ)⁺ ≤ K (see rotationLowerBound). */
export function minimalS2(w: readonly number[], a: readonly number[], lo: readonly number[], K: number): number {
  const n = w.length;
  if (n === 0) return 0;
  const A = a.reduce((x, y) => x + y, 0);
  const maxRatio = Math.max(...a.map((x, i) => x / w[i]!)) + 1;
  // Free water level: x = max(lo, λw), Σx = A.
  const lambda = solveDecreasing((l) => -lo.reduce((s, v, i) => s + Math.max(v, l * w[i]!), 0), -A, 0, maxRatio);
  const free = lo.map((v, i) => Math.max(v, lambda * w[i]!));
  const transfer = free.reduce((s, x, i) => s + Math.max(0, x - a[i]!), 0);
  let x = free;
  if (transfer > K + 1e-9) {
    // Cut level H: Σ (aᵢ − max(loᵢ, H·wᵢ))⁺ = K; fill level L: Σ (L·wᵢ − aᵢ)⁺ = K.
    const cut = (h: number) => a.reduce((s, v, i) => s + Math.max(0, v - Math.max(lo[i]!, h * w[i]!)), 0);
    const fill = (l: number) => a.reduce((s, v, i) => s + Math.max(0, l * w[i]! - v), 0);
    const H = solveDecreasing(cut, K, 0, maxRatio);
    const L = solveDecreasing((l) => -fill(l), -K, 0, maxRatio);
    x = a.map((v, i) => {
      const r = v / w[i]!;
      if (r > H) return Math.max(lo[i]!, H * w[i]!, Math.min(v, H * w[i]!));
      if (r < L) return L * w[i]!;
      return v;
    });
  }
  return x.reduce((s, v, i) => s + (v * v) / w[i]!, 0);
}
