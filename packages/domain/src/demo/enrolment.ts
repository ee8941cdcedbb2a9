/**
 * Per-grade statistics of every school for the demo years. Each entering cohort is sized from the
 * population of entry age and the school's share of its stage; it then moves up one grade a year,
 * changed only by its transfers in and out and a rare loss, and keeps its classes. So a grade's
 * students next year equal this year's students + transfers in − transfers out (− at most one).
 */
import type { Stage } from '../codes/stages.ts';
import type { StudentStatImportRow } from '../imports/rows.ts';
import type { SchoolPlan, StageUnit } from './layout.ts';
import type { PopulationModel } from './population.ts';
import type { Rng } from './random.ts';

export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
const FIRST_YEAR = DEMO_YEARS[0];
const LAST_YEAR = DEMO_YEARS[DEMO_YEARS.length - 1]!;

interface StageSpec {
  grades: readonly string[];
  entryAge: number;
  /** Entrants of the district ÷ population of entry age (above 1 where 随迁子女 arrive). */
  entryRate: number;
  /** Range of the planned class size. */
  classSize: readonly [number, number];
  /** Yearly transfers in and out as shares of the grade. */
  transferIn: readonly [number, number];
  transferOut: readonly [number, number];
  /** Chance that a grade loses one pupil for reasons other than a transfer. */
  lossChance: number;
}

const PRIMARY = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'] as const;
const JUNIOR = ['J1', 'J2', 'J3'] as const;

// prettier-ignore
export const STAGE_SPECS: Readonly<Record<Stage, StageSpec>> = {
  preschool: { grades: ['K1', 'K2', 'K3'], entryAge: 3, entryRate: 0.905, classSize: [25, 30], transferIn: [0.02, 0.05], transferOut: [0.005, 0.02], lossChance: 0.05 },
  primary: { grades: PRIMARY, entryAge: 6, entryRate: 1.04, classSize: [39, 45], transferIn: [0, 0.025], transferOut: [0, 0.02], lossChance: 0.08 },
  junior: { grades: JUNIOR, entryAge: 12, entryRate: 1.03, classSize: [41, 47], transferIn: [0, 0.02], transferOut: [0, 0.02], lossChance: 0.1 },
  senior: { grades: ['S1', 'S2', 'S3'], entryAge: 15, entryRate: 0.99 * 0.6, classSize: [44, 50], transferIn: [0, 0.006], transferOut: [0.003, 0.012], lossChance: 0.2 },
  vocational: { grades: ['V1', 'V2', 'V3'], entryAge: 15, entryRate: 0.99 * 0.4, classSize: [40, 46], transferIn: [0, 0.008], transferOut: [0.008, 0.025], lossChance: 0.3 },
  special: { grades: [...PRIMARY, ...JUNIOR], entryAge: 6, entryRate: 0.003, classSize: [8, 11], transferIn: [0, 0.05], transferOut: [0, 0.05], lossChance: 0.05 },
};

/** A cohort whose classes are deliberately over-full: [school code, stage, entry year, size band]. */
export interface CrowdedCohort {
  schoolCode: string;
  stage: Stage;
  entryYear: number;
  band: 'large' | 'oversized';
}

/** First school year a school takes pupils in, and the first it no longer does. */
export function schoolYearsOpen(plan: SchoolPlan): { from: number; until: number } {
  const opened = plan.school.openedOn;
  const openYear = Number(opened.slice(0, 4)) + (opened.slice(5) > '09-01' ? 1 : 0);
  const closed = plan.school.closedOn;
  const until = closed ? Number(closed.slice(0, 4)) + (closed.slice(5) > '09-01' ? 1 : 0) : 9999;
  return { from: openYear, until };
}

/** Picks the cohorts that get 大班额 (56–65) and one 超大班额 (≥ 66): large urban public primary and junior schools. */
export function chooseCrowdedCohorts(plans: readonly SchoolPlan[]): CrowdedCohort[] {
  const largest = (stage: Stage, typeCode: string) =>
    plans
      .filter((p) => p.school.typeCode === typeCode && p.school.sponsor === 'public' && p.school.urbanRuralCode.startsWith('11'))
      .map((p) => ({ code: p.school.code, weight: p.units.find((u) => u.stage === stage)!.weight }))
      .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
  const primary = largest('primary', '211');
  const junior = largest('junior', '311');
  return [
    { schoolCode: primary[1]!.code, stage: 'primary', entryYear: 2022, band: 'large' },
    { schoolCode: primary[1]!.code, stage: 'primary', entryYear: 2023, band: 'large' },
    { schoolCode: primary[2]!.code, stage: 'primary', entryYear: 2024, band: 'large' },
    { schoolCode: junior[0]!.code, stage: 'junior', entryYear: 2023, band: 'large' },
    { schoolCode: primary[3]!.code, stage: 'primary', entryYear: 2025, band: 'oversized' },
  ];
}

// prettier-ignore
const MIGRANT_SHARE: Readonly<Record<Stage, number>> = { preschool: 0.9, primary: 1, junior: 0.9, senior: 0.35, vocational: 0.6, special: 0.2 };

/** Builds the per-grade rows of every school for the demo years. */
export function buildStudentStats(
  rng: Rng,
  plans: readonly SchoolPlan[],
  population: PopulationModel,
  crowded: readonly CrowdedCohort[],
): StudentStatImportRow[] {
  const rows: StudentStatImportRow[] = [];
  const open = plans.map((p) => ({ plan: p, ...schoolYearsOpen(p) }));
  const totalWeight = (stage: Stage, year: number) =>
    open.reduce((s, o) => s + (o.from <= year && year < o.until ? (o.plan.units.find((u) => u.stage === stage)?.weight ?? 0) : 0), 0);

  for (const { plan, from, until } of open) {
    for (const unit of plan.units) {
      const spec = STAGE_SPECS[unit.stage];
      const n = spec.grades.length;
      const classTarget = rng.float(spec.classSize[0], spec.classSize[1]);
      const migrantRate =
        MIGRANT_SHARE[unit.stage] *
        (plan.isRural ? rng.float(0, 0.03) : plan.school.urbanRuralCode.startsWith('12') ? rng.float(0.03, 0.08) : rng.float(0.08, 0.2));
      const disabledRate = unit.stage === 'special' ? 1 : rng.float(0.001, 0.007);
      for (let entry = FIRST_YEAR - (n - 1); entry <= LAST_YEAR; entry++) {
        if (entry < from || entry >= until) continue;
        const district = population.count(entry, spec.entryAge) * spec.entryRate;
        let students = Math.max(1, Math.round(((district * unit.weight) / totalWeight(unit.stage, entry)) * rng.float(0.96, 1.04)));
        // Classes as near the planned size as whole classes allow, never above the stage's maximum.
        let classes = Math.max(1, Math.round(students / classTarget));
        if (students / classes > spec.classSize[1]) classes = Math.ceil(students / spec.classSize[1]);
        const crowd = crowded.find((c) => c.schoolCode === plan.school.code && c.stage === unit.stage && c.entryYear === entry);
        if (crowd) {
          const [lo, hi] = crowd.band === 'large' ? [57, 63] : [67, 70];
          classes = Math.max(1, Math.round(students / ((lo + hi) / 2)));
          students = Math.round(classes * rng.float(lo, hi));
        }
        const girlsRate = rng.normal(0.48, 0.012, 0.44, 0.52);
        cohort(rows, { plan, unit, spec, entry, until, students, classes, girlsRate, migrantRate, disabledRate, rng });
      }
    }
  }
  return rows;
}

interface CohortInput {
  plan: SchoolPlan;
  unit: StageUnit;
  spec: StageSpec;
  entry: number;
  until: number;
  students: number;
  classes: number;
  girlsRate: number;
  migrantRate: number;
  disabledRate: number;
  rng: Rng;
}

/** Follows one entering cohort up through the grades, emitting the rows that fall in the demo years. */
function cohort(rows: StudentStatImportRow[], c: CohortInput): void {
  const { spec, rng } = c;
  let students = c.students;
  for (let k = 0; k < spec.grades.length; k++) {
    const year = c.entry + k;
    if (year > LAST_YEAR || year >= c.until) break;
    const transfersIn = Math.round(students * rng.float(spec.transferIn[0], spec.transferIn[1]));
    const transfersOut = Math.min(students, Math.round(students * rng.float(spec.transferOut[0], spec.transferOut[1])));
    const loss = students + transfersIn - transfersOut > 1 && rng.chance(spec.lossChance) ? 1 : 0;
    const isLast = k === spec.grades.length - 1;
    if (year >= FIRST_YEAR) {
      const disabled = c.disabledRate === 1 ? students : Math.round(students * c.disabledRate * rng.float(0.5, 1.5));
      rows.push({
        schoolYear: year,
        schoolCode: c.plan.school.code,
        grade: spec.grades[k]!,
        classes: c.classes,
        students,
        girls: Math.round(students * c.girlsRate),
        newEntrants: k === 0 ? students : 0,
        graduates: isLast ? students + transfersIn - transfersOut - loss : 0,
        transfersIn,
        transfersOut,
        migrantChildren: Math.min(students, Math.round(students * c.migrantRate * rng.float(0.85, 1.15))),
        disabledStudents: Math.min(students, disabled),
      });
    }
    students = students + transfersIn - transfersOut - loss;
    if (students <= 0) break;
  }
}
