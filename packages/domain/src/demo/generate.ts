/**
 * The demo district 示例区 (region 500199, fictional): about 190 schools and kindergartens in nine
 * streets and towns, five school years (2021–2025) of per-grade statistics and conditions, the
 * registered population aged 0–18, about 5,000 staff with recognitions and transfers, and demo
 * accounts. Pure and deterministic: the same seed always gives identical output, in well under a second.
 */
import type { ConditionImportRow, PopulationImportRow, StudentStatImportRow, TeacherImportRow } from '../imports/rows.ts';
import { buildAccounts, type DemoAccount } from './accounts.ts';
import { assignRecognitions, buildTransfers, type DemoRecognition, type DemoTransfer } from './careers.ts';
import { buildConditions, chooseGaps, type DemoGap } from './conditions.ts';
import { buildStudentStats, chooseCrowdedCohorts, DEMO_YEARS } from './enrolment.ts';
import { buildSchoolPlans, buildStreets, DEMO_DISTRICT_NAME, DEMO_REGION_CODE, type DemoSchool, type DemoStreet } from './layout.ts';
import { buildPopulationModel, buildPopulationRows } from './population.ts';
import { createRng, deriveSeed } from './random.ts';
import { buildTeachers } from './teachers.ts';

/** Everything the demo loader writes. */
export interface DemoDistrict {
  seed: number;
  district: { code: string; name: string };
  streets: DemoStreet[];
  schools: DemoSchool[];
  students: StudentStatImportRow[];
  conditions: ConditionImportRow[];
  teachers: TeacherImportRow[];
  population: PopulationImportRow[];
  transfers: DemoTransfer[];
  extraRecognitions: DemoRecognition[];
  accounts: DemoAccount[];
  /** Shortfalls built in on purpose (and 大班额 cohorts), for evaluations and tests to find. */
  deliberateGaps: DemoGap[];
}

/** The seed used on first start. */
export const DEMO_SEED = 20251;

/** Generates the demo district. */
export function generateDemoDistrict(seed: number = DEMO_SEED): DemoDistrict {
  const stream = (label: string) => createRng(deriveSeed(seed, label));
  const streets = buildStreets();
  const plans = buildSchoolPlans(stream('schools'), streets);
  const population = buildPopulationModel(stream('population'));
  const crowded = chooseCrowdedCohorts(plans);
  const students = buildStudentStats(stream('enrolment'), plans, population, crowded);
  const conditions = buildConditions(stream('conditions'), plans, students);
  const noArtsSchool = chooseGaps(plans)[0]!.code;
  const drafts = buildTeachers(stream('teachers'), plans, students, noArtsSchool);
  const extraRecognitions = assignRecognitions(stream('recognitions'), drafts, students);
  const transfers = buildTransfers(stream('transfers'), drafts, plans);
  const nameOf = new Map(plans.map((p) => [p.school.code, p.school.name]));
  const noArtsName = nameOf.get(noArtsSchool)!;
  return {
    seed,
    district: { code: DEMO_REGION_CODE, name: DEMO_DISTRICT_NAME },
    streets,
    schools: plans.map((p) => p.school),
    students,
    conditions: conditions.rows,
    teachers: drafts.map((d) => d.row),
    population: buildPopulationRows(population, DEMO_YEARS),
    transfers,
    extraRecognitions,
    accounts: buildAccounts(plans, drafts),
    deliberateGaps: [
      ...conditions.gaps,
      {
        schoolCode: noArtsSchool,
        schoolName: noArtsName,
        indicator: '每百名学生拥有体育、艺术(美术、音乐)专任教师数',
        description: '没有体育、音乐、美术专任教师',
      },
      ...crowded.map((c) => ({
        schoolCode: c.schoolCode,
        schoolName: nameOf.get(c.schoolCode)!,
        indicator: c.band === 'large' ? '大班额（56–65 人）' : '超大班额（66 人及以上）',
        description: `${c.entryYear} 年入学的年级平均班额`,
      })),
    ],
  };
}
