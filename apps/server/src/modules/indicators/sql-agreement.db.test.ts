/**
 * Conventions rule 7: each SQL helper in db/expressions/indicators.ts gives the same answers as the
 * domain function it mirrors — on crafted boundary cases and on the whole demo district.
 */
import {
  GRADES,
  KINDERGARTEN_CLASS_LIMITS,
  NATIONAL_THRESHOLDS,
  SCHOOL_TYPES,
  classifyClassSize,
  computeKindergartenClassCompliance,
  countTeachersByStagePart,
  findGrade,
  findSchoolType,
  isBackboneCountyOrAboveOn,
  summariseClassSizes,
  type BackboneLevel,
  type Certificate,
  type Education,
  type KindergartenClassKind,
  type Post,
  type Stage,
  type TeacherRecord,
} from '@zhiping/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { buildSchool } from '../../../test/factories.ts';
import {
  classSizeColumns,
  gradeStage,
  isBackboneOn,
  kindergartenWithinLimit,
  placedTeachers,
  typeGradeStages,
  type TeacherColumnOptions,
} from '../../db/expressions/indicators.ts';
import { createDemoApp, insertRecognition, insertTeacher } from './indicator-test-support.ts';
import { findTeacherBuckets } from './indicator.repository.ts';
import { combineTeacherBuckets } from './teacher-counts.ts';

let t: TestApp;
const ASOF = '2025-09-01';
const YEAR_END = '2026-08-31';
const CTX_FOR_TESTS = { thresholds: NATIONAL_THRESHOLDS, asOf: ASOF };

beforeAll(async () => {
  t = await createDemoApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('grade and stage helpers', () => {
  it('gradeStage maps every grade code as findGrade does', async () => {
    const r = await sql<{
      code: string;
      stage: string;
    }>`SELECT g.code, ${gradeStage('g.code')} AS stage FROM (VALUES ${sql.join(GRADES.map((g) => sql`(${g.code})`))}) AS g(code)`.execute(
      t.database.db,
    );
    expect(r.rows.map((x) => [x.code, x.stage])).toEqual(GRADES.map((g) => [g.code, findGrade(g.code)!.stage]));
  });

  it('typeGradeStages puts each grade of each school type into the part the split uses', async () => {
    const pairs = SCHOOL_TYPES.flatMap((ty) => GRADES.map((g) => [ty.code, g.code] as const));
    const r = await sql<{ type: string; grade: string; stage: string | null }>`SELECT p.type, p.grade, tgs.stage
      FROM (VALUES ${sql.join(pairs.map(([a, b]) => sql`(${a}, ${b})`))}) AS p(type, grade)
      LEFT JOIN ${typeGradeStages('tgs')} ON tgs.type_code = p.type AND tgs.grade = p.grade`.execute(t.database.db);
    expect(r.rows).toHaveLength(pairs.length);
    for (const x of r.rows) {
      const type = findSchoolType(x.type)!;
      const gradeStageOf = findGrade(x.grade)!.stage;
      const expected =
        type.stages.length === 1 && type.stages[0] === 'special' ? 'special' : type.stages.includes(gradeStageOf) ? gradeStageOf : null;
      expect([x.type, x.grade, x.stage]).toEqual([x.type, x.grade, expected]);
    }
  });
});

describe('class-size helpers', () => {
  // (classes, students): averages on and around every band boundary, and a grade without classes.
  const grades: [number, number][] = [
    [2, 90],
    [2, 91],
    [2, 92],
    [3, 165],
    [3, 168],
    [4, 222],
    [2, 111],
    [2, 112],
    [1, 65],
    [1, 66],
    [5, 400],
    [0, 0],
    [3, 100],
  ];

  it('classSizeColumns agrees with summariseClassSizes over every class at its grade average', async () => {
    const cs = classSizeColumns('y');
    const r = await sql<{
      max: number | null;
      large: number;
      super: number;
    }>`SELECT ${cs.maxClassSize}::float8 AS max, ${cs.largeClasses}::int AS large, ${cs.superLargeClasses}::int AS super
      FROM (VALUES ${sql.join(grades.map(([c, s]) => sql`(${c}::int, ${s}::int)`))}) AS y(classes, students)`.execute(t.database.db);
    const sizes = grades.flatMap(([c, s]) => Array.from({ length: c }, () => s / c));
    const summary = summariseClassSizes(sizes, { level: 'district', stage: 'primary' }, CTX_FOR_TESTS);
    expect(r.rows[0]!.max).toBe(summary.maxClassSize.value!);
    expect(r.rows[0]!.large).toBe(summary.bands.large);
    expect(r.rows[0]!.super).toBe(summary.bands.super_large);
    expect(sizes.filter((s) => classifyClassSize(s) === 'large').length).toBeGreaterThan(0);
  });

  it('kindergartenWithinLimit agrees with computeKindergartenClassCompliance', async () => {
    const rows: [KindergartenClassKind, number, number][] = [
      ['K0', 2, 40],
      ['K0', 2, 41],
      ['K1', 3, 75],
      ['K1', 3, 76],
      ['K2', 2, 60],
      ['K2', 1, 31],
      ['K3', 4, 140],
      ['K3', 4, 141],
    ];
    const r = await sql<{ within: number }>`SELECT ${kindergartenWithinLimit('y')}::int AS within
      FROM (VALUES ${sql.join(rows.map(([g, c, s]) => sql`(${g}::text, ${c}::int, ${s}::int)`))}) AS y(grade, classes, students)`.execute(
      t.database.db,
    );
    const classes = rows.flatMap(([kind, c, s]) => Array.from({ length: c }, () => ({ kind, children: s / c })));
    const v = computeKindergartenClassCompliance(classes, { level: 'district', stage: 'preschool' }, CTX_FOR_TESTS);
    expect(r.rows[0]!.within).toBe(v.numerator);
    expect(KINDERGARTEN_CLASS_LIMITS.K0).toBe(20);
  });
});

describe('backbone recognitions', () => {
  it.each([
    ['district', '2025-09-01', null],
    ['district', '2025-09-02', null],
    ['city', '2022-09-01', '2025-09-01'],
    ['city', '2022-09-01', '2025-08-31'],
    ['school', '2024-09-01', '2027-09-01'],
    ['province', '2022-09-02', null], // open end: issued + 3 years = 2025-09-02, still valid
    ['national', '2022-08-31', null], // open end 2025-08-31: expired
    ['district', '2020-02-29', null], // 29 February + 3 years = 2023-02-28
  ] as const)('%s issued %s until %s agrees with isBackboneCountyOrAboveOn', async (level, issued, until) => {
    const id = await insertTeacher(t.database, { schoolId: null, from: null });
    await insertRecognition(t.database, id, level, issued, until);
    const validUntil = until ?? (issued === '2020-02-29' ? '2023-02-28' : `${Number(issued.slice(0, 4)) + 3}${issued.slice(4)}`);
    for (const asOf of [ASOF, '2023-02-28', '2023-03-01']) {
      const r = await sql<{ ok: boolean }>`SELECT ${isBackboneOn('t.id', asOf)} AS ok FROM teacher t WHERE t.id = ${id}`.execute(
        t.database.db,
      );
      expect(r.rows[0]!.ok).toBe(
        isBackboneCountyOrAboveOn(
          { backboneLevel: level as BackboneLevel, backboneIssuedOn: issued, backboneValidUntil: validUntil },
          asOf,
        ),
      );
    }
  });
});

describe('teacher placements', () => {
  it('counts each teacher at the school of the assignment in force on the statistics date, else the first of the school year', async () => {
    const a = (await buildSchool(t.database, t.districtId, { name: '甲校' })).id;
    const b = (await buildSchool(t.database, t.districtId, { name: '乙校' })).id;
    const assign = async (teacherId: number, schoolId: number, from: string, to: string | null, kind: 'full' | 'partial' = 'full') =>
      t.database.db
        .insertInto('teacher_assignment')
        .values({ teacher_id: teacherId, school_id: schoolId, kind, valid_from: from, valid_to: to, reason: '测试' })
        .execute();
    const teacher = (schoolId: number | null, isActive = true) => insertTeacher(t.database, { schoolId, from: null, isActive });
    const cases: [string, number, number | null][] = [];
    let id = await teacher(b); // moved before the statistics date
    await assign(id, a, '2015-09-01', '2025-06-30');
    await assign(id, b, '2025-07-01', null);
    cases.push(['moved', id, b]);
    id = await teacher(b); // two assignments in force: the later one
    await assign(id, a, '2015-09-01', null);
    await assign(id, b, '2025-09-01', null);
    cases.push(['overlap', id, b]);
    id = await teacher(a); // first recorded during the school year
    await assign(id, a, '2025-10-15', null);
    cases.push(['joined during the year', id, a]);
    id = await teacher(a); // after the school year
    await assign(id, a, '2026-09-01', null);
    cases.push(['joined after the year', id, null]);
    id = await teacher(a, false); // inactive with an open assignment
    await assign(id, a, '2010-09-01', null);
    cases.push(['inactive, open', id, null]);
    id = await teacher(a, false); // inactive, history covers the date
    await assign(id, a, '2010-09-01', '2026-07-31');
    cases.push(['inactive, history', id, a]);
    id = await teacher(b); // no assignment at all
    cases.push(['no assignment', id, b]);
    id = await teacher(b); // gap on the statistics date, then a new school during the year
    await assign(id, a, '2010-09-01', '2025-08-31');
    await assign(id, b, '2025-09-15', null);
    cases.push(['gap', id, b]);
    id = await teacher(a); // 交流轮岗 does not move the placement
    await assign(id, a, '2012-09-01', null);
    await assign(id, b, '2025-09-01', '2026-07-31', 'partial');
    cases.push(['rotation', id, a]);
    const rows = await sql<{ teacher_id: number; school_id: number }>`SELECT teacher_id, school_id FROM ${placedTeachers(ASOF, YEAR_END)} p
      WHERE teacher_id IN (${sql.join(cases.map((c) => c[1]))})`.execute(t.database.db);
    const placed = new Map(rows.rows.map((r) => [r.teacher_id, r.school_id]));
    expect(rows.rows).toHaveLength(new Set(rows.rows.map((r) => r.teacher_id)).size);
    for (const [name, teacherId, school] of cases) expect([name, placed.get(teacherId) ?? null]).toEqual([name, school]);
  });
});

/** The domain's TeacherRecord of every teacher placed on the statistics date, with a recognition valid on it when there is one. */
async function domainTeachers(schoolIds: Set<number>): Promise<TeacherRecord[]> {
  const rows = await t.database.db
    .selectFrom('teacher')
    .selectAll()
    .where('is_active', '=', true)
    .where('school_id', 'is not', null)
    .execute();
  const recs = await t.database.db.selectFrom('teacher_recognition').selectAll().execute();
  return rows
    .filter((r) => schoolIds.has(r.school_id!))
    .map((r) => {
      const mine = recs
        .filter((x) => x.teacher_id === r.id)
        .map((x) => ({
          level: x.level as BackboneLevel,
          issued: x.issued_on,
          until: x.valid_until ?? `${Number(x.issued_on.slice(0, 4)) + 3}${x.issued_on.slice(4)}`,
        }));
      const valid = mine.find((x) =>
        isBackboneCountyOrAboveOn({ backboneLevel: x.level, backboneIssuedOn: x.issued, backboneValidUntil: x.until }, ASOF),
      );
      return {
        schoolId: String(r.school_id),
        post: r.post as Post,
        isFullTime: r.is_full_time,
        teachingStage: r.teaching_stage as Stage | null,
        subject: r.subject,
        education: r.education as Education,
        certificate: r.certificate as Certificate,
        backboneLevel: valid?.level ?? null,
        backboneIssuedOn: valid?.issued ?? null,
        backboneValidUntil: valid?.until ?? null,
      };
    });
}

/** Schools with students per stage part as the domain derives them from grade rows. */
async function domainSchools() {
  const stats = await t.database.db
    .selectFrom('school_year_stat')
    .select(['school_id', 'grade', 'students'])
    .where('school_year', '=', 2025)
    .execute();
  const versions = await t.database.db
    .selectFrom('school_version')
    .select(['school_id', 'type_code'])
    .where('valid_to', 'is', null)
    .execute();
  const typeOf = new Map(versions.map((v) => [v.school_id, v.type_code]));
  const students = new Map<number, Partial<Record<Stage, number>>>();
  for (const r of stats) {
    const type = findSchoolType(typeOf.get(r.school_id)!)!;
    const g = findGrade(r.grade)!.stage;
    const stage: Stage | null = type.stages.length === 1 && type.stages[0] === 'special' ? 'special' : type.stages.includes(g) ? g : null;
    if (!stage) continue;
    const m = students.get(r.school_id) ?? {};
    m[stage] = (m[stage] ?? 0) + r.students;
    students.set(r.school_id, m);
  }
  return [...students].map(([id, s]) => ({ id, typeCode: typeOf.get(id)!, students: s }));
}

describe('teacher counts per stage part', () => {
  it.each<[string, TeacherColumnOptions]>([
    ['defaults', {}],
    ['leaders not counted, stage-appropriate certificates', { backboneCountsLeaders: false, certificateRule: 'stage_appropriate' }],
  ])('SQL buckets + split agree with countTeachersByStagePart on the demo district and crafted staff (%s)', async (_name, options) => {
    // Crafted: a 九年一贯制 school with staff without a stage, a 高中 teacher there, a backbone leader and a part-timer.
    const school = await buildSchool(t.database, t.districtId, { typeCode: '312', name: `一贯制${options.certificateRule ?? ''}` });
    await t.database.db
      .insertInto('school_year_stat')
      .values([
        {
          school_id: school.id,
          school_year: 2025,
          grade: 'P1',
          classes: 4,
          students: 180,
          girls: 90,
          new_entrants: 180,
          graduates: 0,
          transfers_in: 0,
          transfers_out: 0,
          migrant_children: 0,
          disabled_students: 0,
        },
        {
          school_id: school.id,
          school_year: 2025,
          grade: 'J1',
          classes: 3,
          students: 150,
          girls: 70,
          new_entrants: 150,
          graduates: 0,
          transfers_in: 0,
          transfers_out: 0,
          migrant_children: 0,
          disabled_students: 0,
        },
      ])
      .execute();
    const shared = await insertTeacher(t.database, {
      schoolId: school.id,
      teachingStage: null,
      subject: '体育',
      education: 'associate',
      certificate: 'junior',
    });
    await insertTeacher(t.database, { schoolId: school.id, teachingStage: 'senior', education: 'bachelor', certificate: 'senior' });
    const leader = await insertTeacher(t.database, {
      schoolId: school.id,
      post: 'leader',
      isFullTime: false,
      teachingStage: null,
      subject: null,
    });
    await insertTeacher(t.database, { schoolId: school.id, isFullTime: false, teachingStage: 'junior' });
    await insertRecognition(t.database, leader, 'city', '2024-12-18', null);
    await insertRecognition(t.database, shared, 'district', '2023-09-08', '2026-09-07');

    const schools = await domainSchools();
    const ids = new Set(schools.map((s) => s.id));
    const expected = countTeachersByStagePart(
      await domainTeachers(ids),
      schools.map((s) => ({ schoolId: String(s.id), typeCode: s.typeCode, students: s.students })),
      { asOf: ASOF, ...options },
    );
    const actual = combineTeacherBuckets(
      await findTeacherBuckets(t.database.db, ASOF, YEAR_END, options),
      schools,
      undefined,
      options.certificateRule,
    );
    expect(expected.parts.length).toBeGreaterThan(150);
    let compared = 0;
    for (const p of expected.parts) {
      const got = actual.counts.get(Number(p.schoolId))?.get(p.stage);
      expect(got, `${p.schoolId}/${p.stage}`).toBeDefined();
      for (const k of ['fullTime', 'aboveQualification', 'backboneCountyOrAbove', 'peArt', 'certified'] as const) {
        expect(got![k], `${p.schoolId}/${p.stage}/${k}`).toBeCloseTo(p.counts[k], 9);
      }
      compared += 1;
    }
    expect(compared).toBe(expected.parts.length);
    const crafted = actual.counts.get(school.id)!;
    expect(crafted.get('primary')!.backboneCountyOrAbove + crafted.get('junior')!.backboneCountyOrAbove).toBeCloseTo(
      options.backboneCountsLeaders === false ? 1 : 2,
      9,
    );
  });
});

describe('teacher buckets read in slices', () => {
  it.each([2, 3])('the buckets of %i slices of the teachers add up to the buckets of all of them', async (count) => {
    const whole = await findTeacherBuckets(t.database.db, ASOF, YEAR_END);
    const sliced = (
      await Promise.all(
        Array.from({ length: count }, (_, index) => findTeacherBuckets(t.database.db, ASOF, YEAR_END, {}, { count, index })),
      )
    ).flat();
    const total = (rows: typeof whole) => {
      const out = new Map<string, Record<string, number>>();
      for (const r of rows) {
        const key = `${r.school_id}|${r.teaching_stage ?? ''}`;
        const acc = out.get(key) ?? {};
        for (const [k, v] of Object.entries(r)) if (k !== 'school_id' && k !== 'teaching_stage') acc[k] = (acc[k] ?? 0) + Number(v);
        out.set(key, acc);
      }
      return out;
    };
    expect(sliced.length).toBeGreaterThan(whole.length);
    expect(whole.reduce((n, r) => n + Number(r.counted), 0)).toBeGreaterThan(500);
    expect(total(sliced)).toEqual(total(whole));
  });
});
