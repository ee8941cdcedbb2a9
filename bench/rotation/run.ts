/**
 * bench/rotation: the rotation-plan optimizer (packages/domain/src/rotation) on a synthetic district of
 * 300 schools and 12,000 teachers with 1,500 eligible, and the heuristic against an exhaustive search on
 * tiny instances. Prints time, shares met, the CV of both 优质均衡 indicators per stage before and after,
 * and the gap to the lower bound (rotationLowerBound: a per-term fractional redistribution, see exact.ts).
 *
 *   npx tsx bench/rotation/run.ts [--schools 300] [--teachers 12000] [--eligible 1500] [--seed 7] [--tiny 40]
 */
import {
  buildSyntheticInstance,
  optimizeRotationPlan,
  rotationLowerBound,
  solveExhaustively,
  termLabel,
  type CvTerm,
} from '../../packages/domain/src/index.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const schools = arg('schools', 300);
const teachers = arg('teachers', 12_000);
const eligible = arg('eligible', 1_500);
const seed = arg('seed', 7);
const tiny = arg('tiny', 40);
const f3 = (x: number | null) => (x === null ? '—' : x.toFixed(4));
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

console.log(`== rotation optimizer: ${schools} schools, ${teachers} teachers, ${eligible} eligible (seed ${seed}) ==`);
const t0 = performance.now();
const input = buildSyntheticInstance({ schools, teachers, eligible, seed });
const tBuild = performance.now() - t0;
const t1 = performance.now();
const r = optimizeRotationPlan(input);
const tRun = performance.now() - t1;
const t2 = performance.now();
const bound = rotationLowerBound(input);
const tBound = performance.now() - t2;
const sending = input.schools.filter((s) => s.isSending).length;
console.log(
  `instance built in ${tBuild.toFixed(0)} ms: ${input.parts.length} stage parts, ${sending} sending schools, ${input.candidates.length} candidates`,
);
console.log(`optimizer: ${(tRun / 1000).toFixed(2)} s, ${r.steps} steps, ${r.moves.length} moves, feasible: ${r.isFeasible}`);
console.log(
  `shares: rotated from sending ${r.shares.rotatedFromSending}/${input.quota.eligibleSending} = ${pct(r.shares.share)} (min ${input.quota.minRotated}, met: ${r.shares.isMinimumMet}); ` +
    `骨干 ${r.shares.backbone}/${r.shares.rotated} = ${pct(r.shares.backboneShare)} (min ${r.shares.requiredBackbone}, met: ${r.shares.isBackboneMet}); ` +
    `schools below their own quota: ${r.shares.schoolsBelowQuota.length}; upper bound ${input.quota.maxRotated}`,
);
if (r.problems.length) console.log(`problems: ${r.problems.join('；')}`);
console.log('CV per indicator and stage: before → after (lower bound)');
const row = (b: CvTerm, a: CvTerm, lb: number | null) =>
  `  ${termLabel(b.stage, b.indicator).padEnd(16, '　')} ${f3(b.cv)} → ${f3(a.cv)}  (≥ ${f3(lb)})`;
r.cvBefore.forEach((b, i) => console.log(row(b, r.cvAfter[i]!, bound.terms[i]!.cv)));
const gap = r.objectiveAfter - bound.total;
const closed = (r.objectiveBefore - r.objectiveAfter) / (r.objectiveBefore - bound.total);
console.log(
  `objective (Σ CV): ${f3(r.objectiveBefore)} → ${f3(r.objectiveAfter)}; lower bound ${f3(bound.total)} (${tBound.toFixed(0)} ms); ` +
    `gap ${f3(gap)} = ${pct(gap / r.objectiveAfter)} of the result; the plan closes ${pct(closed)} of the way from the start to the bound`,
);

console.log(`\n== heuristic vs exhaustive search on ${tiny} tiny instances (5 schools, 30 teachers, 7 candidates, 3 subjects) ==`);
let feasible = 0;
let optimal = 0;
let worst = 0;
let tExact = 0;
let tHeur = 0;
let plans = 0;
for (let s = 1; s <= tiny; s++) {
  const small = buildSyntheticInstance({
    schools: 5,
    teachers: 30,
    eligible: 7,
    seed: s,
    subjects: ['语文', '数学', '物理'],
    rules: { maxShare: 0.6, maxDistanceKm: 80, minShare: 0.3 },
  });
  let t = performance.now();
  const e = solveExhaustively(small);
  tExact += performance.now() - t;
  plans += e.examined;
  t = performance.now();
  const h = optimizeRotationPlan(small);
  tHeur += performance.now() - t;
  if (!e.isFeasible) continue;
  feasible += 1;
  const g = h.objectiveAfter - e.objective;
  if (g <= 1e-7) optimal += 1;
  worst = Math.max(worst, g);
}
console.log(
  `feasible instances: ${feasible}/${tiny}; heuristic found the optimum in ${optimal}/${feasible}; worst gap ${worst.toExponential(2)}; ` +
    `exhaustive ${(tExact / tiny).toFixed(1)} ms per instance (${Math.round(plans / tiny)} plans), heuristic ${(tHeur / tiny).toFixed(1)} ms per instance`,
);
