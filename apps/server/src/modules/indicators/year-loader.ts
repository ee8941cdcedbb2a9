/**
 * Loads one school year's inputs with the repository's set-based queries (run concurrently) and shapes
 * them for the pure domain: stage parts, conditions, teacher counts after the split, cohorts, population,
 * memberships, rotation and data-quality counts.
 */
import { DEFAULT_ROTATION_RULES, GRADES, type CohortStatRow, type Membership, type PopulationBasis, type Stage } from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { parseRules } from '../rotation/eligibility.service.ts';
import { findRuleSetOn } from '../rotation/rotation.repository.ts';
import { loadTrainingCompletion } from '../training/training-indicator.ts';
import * as repo from './indicator.repository.ts';
import { inAnalyticsSnapshot } from './planner-statistics.service.ts';
import { combineTeacherBuckets } from './teacher-counts.ts';
import { findThresholds } from './threshold.repository.ts';
import {
  schoolYearEnd,
  statisticsDate,
  type QualityCounts,
  type RotationCounts,
  type RotationRuleInputs,
  type SchoolRef,
  type StagePartStats,
  type YearInputs,
} from './year-inputs.ts';

/** Grades of the compulsory nine years, in order (P1…J3). */
export const COMPULSORY_GRADES = GRADES.filter((g) => g.stage === 'primary' || g.stage === 'junior').map((g) => g.code);

/**
 * Slices the teacher buckets are read in, each on its own connection: the buckets are the slowest input
 * (a sort and a join of every teacher and assignment), and on PostgreSQL two slices keep both cores of the
 * reference machine busy instead of one. On PGlite the slices run one after another.
 */
export const TEACHER_BUCKET_SLICES = 2;

/** The tables the teacher buckets read; buckets are reused while their versions are unchanged. */
const BUCKET_TABLES = ['teacher', 'teacher_assignment', 'teacher_recognition'] as const;
/** Bucket results kept per database (a few statistics dates). */
const MAX_BUCKET_RESULTS = 8;
type Buckets = Awaited<ReturnType<typeof repo.findTeacherBuckets>>;
const bucketResults = new WeakMap<object, Map<string, Promise<Buckets>>>();
const bucketHits = new WeakMap<object, number>();

/** Drops the partial results kept for a database (with the computed years: indicator-cache.ts clearYearCache). */
export function clearPartialResults(db: Kysely<DB>): void {
  bucketResults.delete(db);
  bucketHits.delete(db);
}

/** How many computations of a database reused kept teacher buckets (diagnostics and tests). */
export function bucketReuseCount(db: Kysely<DB>): number {
  return bucketHits.get(db) ?? 0;
}

/**
 * The teacher buckets of a statistics date, read in slices, or the ones read before under the same
 * versions of the teacher tables (a year recomputed after a change of grade rows, conditions or groups
 * does not place 400,000 teachers again). The versions are read before the buckets, so a bucket result
 * is never newer-keyed than its data: a teacher write landing while they load only makes the next
 * computation read them again. Without versions (direct callers) nothing is kept.
 */
function teacherBuckets(
  db: Kysely<DB>,
  asOf: string,
  yearEnd: string,
  eligibleYears: number,
  versions: ReadonlyMap<string, string> | undefined,
): Promise<Buckets> {
  const read = () =>
    Promise.all(
      Array.from({ length: TEACHER_BUCKET_SLICES }, (_, index) =>
        inAnalyticsSnapshot(db, (x) =>
          repo.findTeacherBuckets(x, asOf, yearEnd, {}, { count: TEACHER_BUCKET_SLICES, index }, eligibleYears),
        ),
      ),
    ).then((slices) => slices.flat());
  if (!versions || db.isTransaction) return read();
  const key = [asOf, yearEnd, eligibleYears, ...BUCKET_TABLES.map((t) => versions.get(t) ?? '?')].join('|');
  let kept = bucketResults.get(db);
  if (!kept) bucketResults.set(db, (kept = new Map()));
  const hit = kept.get(key);
  if (hit) {
    bucketHits.set(db, (bucketHits.get(db) ?? 0) + 1);
    return hit;
  }
  const result = read();
  kept.set(key, result);
  result.catch(() => {
    if (kept.get(key) === result) kept.delete(key);
  });
  while (kept.size > MAX_BUCKET_RESULTS) kept.delete(kept.keys().next().value!);
  return result;
}

const KIND_OF_GROUP = { education_group: 'group', community: 'community', school_district: 'school_district' } as const;

/** Rotation counts per home school: teachers due (from the teacher buckets) and those who rotated. */
function rotationBySchool(
  buckets: readonly { school_id: number; rotation_due: number }[],
  rotated: readonly { school_id: number; rotated: number; rotated_backbone: number }[],
): Map<number, RotationCounts> {
  const out = new Map<number, RotationCounts>();
  const at = (id: number) => out.get(id) ?? out.set(id, { eligible: 0, rotated: 0, rotatedBackbone: 0 }).get(id)!;
  for (const b of buckets) at(b.school_id).eligible += b.rotation_due;
  for (const r of rotated) {
    at(r.school_id).rotated += r.rotated;
    at(r.school_id).rotatedBackbone += r.rotated_backbone;
  }
  return out;
}

/**
 * Reads and shapes the inputs of a year; `quality` gives the data-quality failures per school. The heavy
 * queries run concurrently, each in its own analytics transaction (JIT off, in-memory sorts); a write
 * landing between them changes the fingerprint, so the next request recomputes.
 */
export async function loadYearInputs(db: Kysely<DB>, year: number, dataVersion: string, quality: GatedQualityReader): Promise<YearInputs> {
  const started = startLoadingYearInputs(db, year, dataVersion, quality);
  const [inputs, counts] = await Promise.all([started.inputs, started.quality]);
  return { ...inputs, quality: counts };
}

/** Reads the data-quality failures per school of a year; the evaluation waits for `gate` when one is given. */
export type GatedQualityReader = (db: Kysely<DB>, year: number, gate?: Promise<unknown>) => Promise<Map<number, QualityCounts>>;

/**
 * Starts reading a year: the inputs without the data-quality counts (their `quality` is empty), and the
 * counts on their own. The counts' evaluation is gated on the inputs: it runs in the database while the
 * domain computes (see buildYearModelAsQualityArrives), instead of competing with the teacher buckets —
 * the slowest input — for the same cores and leaving the database idle during the computation.
 */
export function startLoadingYearInputs(
  db: Kysely<DB>,
  year: number,
  dataVersion: string,
  quality: GatedQualityReader,
  /** Versions of the shared tables (findDataState), read before loading: partial results are reused under them. */
  versions?: ReadonlyMap<string, string>,
): { inputs: Promise<YearInputs>; quality: Promise<Map<number, QualityCounts>> } {
  const inputs = readYearInputs(db, year, dataVersion, versions);
  const counts = quality(db, year, inputs);
  // Observed here so a failure while the inputs are still loading is not an unhandled rejection; the
  // caller awaits it and sees the error.
  counts.catch(() => undefined);
  return { inputs, quality: counts };
}

/** The 交流轮岗 rule set in force on the statistics date, or the common practice when the district has none. */
async function loadRotationRule(db: Kysely<DB>, asOf: string): Promise<RotationRuleInputs> {
  const d = DEFAULT_ROTATION_RULES;
  const commonPractice = (source: string): RotationRuleInputs => ({
    eligibleYears: d.eligibleYears,
    backboneBasis: d.backboneBasis,
    source,
  });
  const set = await findRuleSetOn(db, asOf);
  if (!set)
    return commonPractice(`尚未配置交流轮岗规则：按同校任教满${d.eligibleYears}年计应交流教师（通行做法），骨干占比以交流人数为分母`);
  let rules: ReturnType<typeof parseRules>;
  try {
    rules = parseRules(set.rules);
  } catch {
    // Rule sets are validated when saved; one that no longer parses must not stop every indicator.
    return commonPractice(
      `交流轮岗规则《${set.title}》（${set.document_number}）无法读取：按同校任教满${d.eligibleYears}年计应交流教师，请在规则配置中检查`,
    );
  }
  return {
    eligibleYears: rules.eligibleYears,
    backboneBasis: rules.backboneBasis,
    source: `按《${set.title}》（${set.document_number}）：同校任教满${rules.eligibleYears}年计应交流教师`,
  };
}

async function readYearInputs(
  db: Kysely<DB>,
  year: number,
  dataVersion: string,
  versions: ReadonlyMap<string, string> | undefined,
): Promise<YearInputs> {
  const asOf = statisticsDate(year);
  const yearEnd = schoolYearEnd(year);
  const [regionCode, rotationRule] = await Promise.all([repo.findDistrictRegionCode(db), loadRotationRule(db, asOf)]);
  const q = <T>(fn: (db: Kysely<DB>) => Promise<T>) => inAnalyticsSnapshot(db, fn);
  const [schoolRows, partRows, conditionRows, buckets, junior, nine, population, memberships, rotation, thresholds] = await Promise.all([
    q((x) => repo.findSchoolsOn(x, asOf)),
    q((x) => repo.findStagePartStats(x, year, asOf)),
    repo.findConditions(db, year),
    teacherBuckets(db, asOf, yearEnd, rotationRule.eligibleYears, versions),
    repo.findJuniorCohortRows(db, year),
    q((x) => repo.findNineYearCells(x, year, asOf, COMPULSORY_GRADES)),
    regionCode ? repo.findPopulation(db, regionCode, year) : Promise.resolve([]),
    repo.findMemberships(db),
    q((x) => repo.findRotations(x, asOf, yearEnd)),
    findThresholds(db),
  ]);

  const allSchools = new Map<number, SchoolRef>(
    schoolRows.map((r) => [
      r.id,
      {
        id: r.id,
        code: r.code,
        name: r.name,
        typeCode: r.type_code,
        sponsor: r.sponsor,
        isInclusive: r.is_inclusive,
        urbanRuralCode: r.urban_rural_code,
        streetId: r.street_id,
        streetName: r.street_name,
      },
    ]),
  );
  const parts = new Map<number, Map<Stage, StagePartStats>>();
  const outsideStudents = new Map<number, number>();
  for (const r of partRows) {
    if (r.stage === null) {
      outsideStudents.set(r.school_id, (outsideStudents.get(r.school_id) ?? 0) + r.students);
      continue;
    }
    const m = parts.get(r.school_id) ?? new Map<Stage, StagePartStats>();
    m.set(r.stage as Stage, {
      stage: r.stage as Stage,
      students: r.students,
      classes: r.classes,
      girls: r.girls,
      migrantChildren: r.migrant_children,
      disabledStudents: r.disabled_students,
      maxClassSize: r.max_class_size,
      largeClasses: r.large_classes,
      superLargeClasses: r.super_large_classes,
      kindergartenWithinLimit: r.kg_within,
    });
    parts.set(r.school_id, m);
  }
  const conditions = new Map(
    conditionRows.map((c) => [
      c.school_id,
      {
        teachingArea: c.teaching_area,
        gymArea: c.gym_area,
        sportsGroundArea: c.sports_ground_area,
        equipmentValue: c.equipment_value,
        multimediaRooms: c.multimedia_rooms,
        musicRooms: c.music_rooms,
        artRooms: c.art_rooms,
      },
    ]),
  );
  // The year's schools: those with grade rows or conditions.
  const schools = new Map([...allSchools].filter(([id]) => parts.has(id) || conditions.has(id) || outsideStudents.has(id)));
  const studentsOf = (id: number) =>
    Object.fromEntries([...(parts.get(id)?.values() ?? [])].map((p) => [p.stage, p.students])) as Partial<Record<Stage, number>>;
  const teachers = combineTeacherBuckets(
    buckets,
    [...schools.values()].map((s) => ({ id: s.id, typeCode: s.typeCode, students: studentsOf(s.id) })),
  );

  const juniorCohort = new Map<number, CohortStatRow[]>();
  for (const r of junior) {
    const rows = juniorCohort.get(r.school_id) ?? [];
    rows.push({
      schoolYear: r.school_year,
      grade: r.grade,
      students: r.students,
      graduates: r.graduates,
      transfersIn: r.transfers_in,
      transfersOut: r.transfers_out,
    });
    juniorCohort.set(r.school_id, rows);
  }
  return {
    year,
    asOf,
    yearEnd,
    dataVersion,
    thresholds,
    schools,
    parts,
    outsideStudents,
    conditions,
    teachers: teachers.counts,
    teacherWarnings: teachers.warnings,
    juniorCohort,
    nineYearCells: nine.map((r) => ({
      streetId: r.street_id,
      sponsor: r.sponsor,
      schoolYear: r.school_year,
      grade: r.grade,
      students: r.students,
      graduates: r.graduates,
      transfersIn: r.transfers_in,
      transfersOut: r.transfers_out,
    })),
    population: population.map((p) => ({ age: p.age, count: p.count, basis: p.basis as PopulationBasis, source: p.source })),
    memberships: memberships.map((m): Membership => ({
      schoolId: String(m.school_id),
      kind: KIND_OF_GROUP[m.kind as keyof typeof KIND_OF_GROUP],
      unitId: String(m.group_id),
      joinedOn: m.valid_from,
      leftOn: m.valid_to,
    })),
    rotation: rotationBySchool(buckets, rotation),
    rotationRule,
    training: await loadTrainingCompletion(db, year),
    quality: new Map(),
  };
}
