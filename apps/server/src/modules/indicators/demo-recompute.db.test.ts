/**
 * Every dashboard figure of the demo district, recomputed independently of the SQL path: the raw data
 * is exported to xlsx by the export service, read back with exceljs and parsed by the domain's row
 * validators, then the figures are computed with the pure domain functions only and compared with the
 * API's answers. Teacher figures are compared for the latest year (the teacher export is the current
 * roster); the others for all five years. Figures that need records the export does not carry
 * (交流轮岗 history, group memberships) are listed explicitly.
 */
import type { IndicatorList, IndicatorSchools, IndicatorValue as ValueDto } from '@zhiping/contracts';
import {
  BACKBONE_LEVEL,
  BALANCED_RESOURCE_CODES,
  CERTIFICATE,
  EDUCATION,
  POST,
  TEACHING_STAGE,
  backboneValidUntil,
  computeBackboneSchoolsShare,
  computeHighSchoolGrossEnrolment,
  computeJuniorRetentionFromRows,
  computeMigrantPublicShare,
  computeNineYearRetention,
  computePreschoolIndicators,
  computeRatioIndicator,
  computeStudentTeacherRatio,
  countTeachersByStagePart,
  evaluateStageBalance,
  findGrade,
  findSchoolType,
  resourceAmount,
  splitSharedResources,
  sumPopulation,
  summariseClassSizes,
  templateOf,
  validateImportRow,
  NATIONAL_THRESHOLDS,
  type BalancedSchoolPart,
  type CellValue,
  type ConditionImportRow,
  type EvaluationContext,
  type ImportRowOfKind,
  type IndicatorValue,
  type KindergartenClassKind,
  type PopulationImportRow,
  type SchoolBalanceResult,
  type SchoolImportRow,
  type Stage,
  type StudentStatImportRow,
  type TeacherImportRow,
  type TemplateKind,
} from '@zhiping/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '../../../test/app.ts';
import { testContext } from '../../../test/db.ts';
import { exportKind } from '../imports/export.service.ts';
import { clientAs, createDemoApp } from './indicator-test-support.ts';

let t: TestApp;
let staff: TestClient;
const raw: { [K in TemplateKind]?: ImportRowOfKind[K][] } = {};

/** Exports a kind through the export service and parses it back with exceljs and the domain validators. */
async function exportAndRead<K extends TemplateKind>(kind: K): Promise<ImportRowOfKind[K][]> {
  const file = await exportKind(testContext(t.database), kind, {});
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file.buffer as unknown as ArrayBuffer);
  const template = templateOf(kind);
  const sheet = book.getWorksheet(template.sheetName)!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const keyOf = headers.map((h) => template.columns.find((c) => c.header === h)!.key);
  const rows: ImportRowOfKind[K][] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells: Record<string, CellValue> = {};
    keyOf.forEach((key, i) => {
      const v = row.getCell(i + 1).value as unknown;
      cells[key] =
        v === undefined || v === null
          ? null
          : typeof v === 'object' && !(v instanceof Date) && 'richText' in (v as object)
            ? (v as { richText: { text: string }[] }).richText.map((x) => x.text).join('')
            : (v as CellValue);
    });
    if (kind === 'teachers') {
      rows.push(readTeacher(cells) as ImportRowOfKind[K]);
      return;
    }
    const r = validateImportRow(kind, cells, { today: '2026-11-22' });
    if (!r.ok) throw new Error(`${kind} row ${n}: ${JSON.stringify(r.errors)}`);
    rows.push(r.row);
  });
  expect(rows.length).toBe(file.rowCount);
  return rows;
}

/**
 * A teacher row read with the domain's code lists. Not through validateTeacherRow: the demo generator
 * keeps 1.5 % of 专任教师 part-time (is_full_time false), which the import validation refuses.
 */
function readTeacher(
  c: Record<string, CellValue>,
): Pick<
  TeacherImportRow,
  | 'schoolCode'
  | 'post'
  | 'isFullTime'
  | 'teachingStage'
  | 'subject'
  | 'education'
  | 'certificate'
  | 'backboneLevel'
  | 'backboneIssuedOn'
  | 'backboneValidUntil'
> {
  const text = (k: string) => (c[k] === null || c[k] === undefined || c[k] === '' ? null : String(c[k]));
  return {
    schoolCode: text('schoolCode')!,
    post: POST.parse(text('post')!)!,
    isFullTime: text('isFullTime') === '是',
    teachingStage: text('teachingStage') ? (TEACHING_STAGE.parse(text('teachingStage')!)! as Stage) : null,
    subject: text('subject'),
    education: EDUCATION.parse(text('education')!)!,
    certificate: CERTIFICATE.parse(text('certificate') ?? '无')!,
    backboneLevel: text('backboneLevel') ? BACKBONE_LEVEL.parse(text('backboneLevel')!)! : null,
    backboneIssuedOn: text('backboneIssuedOn'),
    backboneValidUntil: text('backboneValidUntil'),
  };
}

beforeAll(async () => {
  t = await createDemoApp();
  staff = await clientAs(t, [{ role: 'district_staff', office: '督导室' }]);
  raw.schools = await exportAndRead('schools');
  raw.students = await exportAndRead('students');
  raw.conditions = await exportAndRead('conditions');
  raw.teachers = await exportAndRead('teachers');
  raw.population = await exportAndRead('population');
}, 180_000);
afterAll(async () => {
  await t?.close();
});

/** The figures of one year recomputed from the exported rows, keyed like the API's items ('code|stage'). */
function recompute(year: number, withTeachers: boolean) {
  const context: EvaluationContext = { thresholds: NATIONAL_THRESHOLDS, asOf: `${year}-09-01` };
  const schools = raw.schools as SchoolImportRow[];
  const students = (raw.students as StudentStatImportRow[]).filter((r) => r.schoolYear === year);
  const conditions = new Map((raw.conditions as ConditionImportRow[]).filter((c) => c.schoolYear === year).map((c) => [c.schoolCode, c]));
  const typeOf = new Map(schools.map((s) => [s.code, s.typeCode]));
  // A grade row belongs to its grade's stage when the school type covers it; every grade of a special school to 'special'.
  const stageOf = (r: StudentStatImportRow): Stage | null => {
    const type = findSchoolType(typeOf.get(r.schoolCode)!)!;
    if (type.stages.length === 1 && type.stages[0] === 'special') return 'special';
    const g = findGrade(r.grade)!.stage;
    return type.stages.includes(g) ? g : null;
  };
  const byStage = new Map<string, Partial<Record<Stage, number>>>();
  for (const r of students) {
    const s = stageOf(r);
    if (!s) continue;
    const m = byStage.get(r.schoolCode) ?? {};
    m[s] = (m[s] ?? 0) + r.students;
    byStage.set(r.schoolCode, m);
  }
  const yearSchools = schools.filter((s) => byStage.has(s.code) || conditions.has(s.code));
  const rowsOf = (code: string, stage: Stage) => students.filter((r) => r.schoolCode === code && stageOf(r) === stage);
  const counts = countTeachersByStagePart(
    (raw.teachers as TeacherImportRow[]).map((x) => ({
      ...x,
      schoolId: x.schoolCode,
      backboneValidUntil: x.backboneIssuedOn ? backboneValidUntil(x.backboneIssuedOn, x.backboneValidUntil) : null,
    })),
    yearSchools.map((s) => ({ schoolId: s.code, typeCode: s.typeCode, students: byStage.get(s.code) ?? {} })),
    { asOf: context.asOf },
  );
  const teachersOf = (code: string, stage: Stage) => counts.parts.find((p) => p.schoolId === code && p.stage === stage)!.counts;
  const out = new Map<string, IndicatorValue>();
  const stageSchools: Partial<Record<'primary' | 'junior', SchoolBalanceResult[]>> = {};
  const put = (v: IndicatorValue) => out.set(`${v.code}|${v.scope.stage ?? ''}`, v);
  const district = { level: 'district' as const };

  for (const stage of ['primary', 'junior'] as const) {
    const parts: BalancedSchoolPart[] = [];
    for (const s of yearSchools) {
      const c = conditions.get(s.code);
      const split = splitSharedResources({
        typeCode: s.typeCode,
        students: byStage.get(s.code) ?? {},
        shared: c
          ? {
              teachingArea: c.teachingArea,
              gymArea: c.gymArea,
              sportsGroundArea: c.sportsGroundArea,
              equipmentValue: c.equipmentValue,
              multimediaRooms: c.multimediaRooms,
            }
          : { teachingArea: 0, gymArea: 0, sportsGroundArea: 0, equipmentValue: 0, multimediaRooms: 0 },
      });
      const p = split.parts.find((x) => x.stage === stage);
      if (!p || !c) continue;
      const tc = teachersOf(s.code, stage);
      parts.push({
        schoolId: s.code,
        label: s.name,
        typeCode: s.typeCode,
        inputs: {
          students: p.students,
          teachersAboveQualification: tc.aboveQualification,
          backboneCountyOrAbove: tc.backboneCountyOrAbove,
          peArtTeachers: tc.peArt,
          ...p.resources,
        },
      });
    }
    const result = evaluateStageBalance({ stage, parts, context });
    const included = parts.filter((p) => result.schools.some((s) => s.schoolId === p.schoolId));
    const scope = { level: 'district' as const, stage };
    for (const code of BALANCED_RESOURCE_CODES) {
      put(
        computeRatioIndicator({
          code,
          numerator: included.reduce((n, p) => n + resourceAmount(code, p.inputs), 0),
          denominator: included.reduce((n, p) => n + p.inputs.students, 0),
          scope,
          context,
        }),
      );
    }
    result.cvs.forEach(put);
    put(result.passingShare);
    put(
      computeBackboneSchoolsShare(
        result.schools.flatMap((s) => s.indicators.filter((v) => v.code === 'balanced.backbone_teachers_per100')),
        scope,
        context,
      ),
    );
    const sizes = yearSchools.flatMap((s) =>
      rowsOf(s.code, stage).flatMap((r) => Array.from({ length: r.classes }, () => r.students / r.classes)),
    );
    const cs = summariseClassSizes(sizes, scope, context);
    [cs.maxClassSize, cs.largeShare, cs.superLargeShare].forEach(put);
    stageSchools[stage] = result.schools;
  }
  for (const stage of ['preschool', 'primary', 'junior', 'senior', 'vocational', 'special'] as const) {
    const withPart = yearSchools.filter((s) => (byStage.get(s.code)?.[stage] ?? 0) > 0 || rowsOf(s.code, stage).length > 0);
    if (withPart.length === 0) continue;
    const scope = { level: 'district' as const, stage };
    const fullTime = withPart.reduce((n, s) => n + teachersOf(s.code, stage).fullTime, 0);
    if (stage !== 'preschool' && stage !== 'special')
      put(
        computeStudentTeacherRatio(
          { students: withPart.reduce((n, s) => n + (byStage.get(s.code)?.[stage] ?? 0), 0), fullTimeTeachers: fullTime },
          scope,
          context,
        ),
      );
    put(
      computeRatioIndicator({
        code: 'teachers.certificate_rate',
        numerator: withPart.reduce((n, s) => n + teachersOf(s.code, stage).certified, 0),
        denominator: fullTime,
        scope,
        context,
      }),
    );
  }
  const allRows = (raw.students as StudentStatImportRow[]).filter((r) => {
    const type = findSchoolType(typeOf.get(r.schoolCode)!)!;
    return type.stages.includes(findGrade(r.grade)!.stage);
  });
  put(
    computeJuniorRetentionFromRows(
      allRows.filter((r) => r.grade.startsWith('J')),
      year,
      district,
      context,
    ),
  );
  // 九年巩固率 counts every compulsory grade row, special schools included.
  put(computeNineYearRetention(raw.students as StudentStatImportRow[], year, district, context));
  const compulsory = students.filter((r) => stageOf(r) === 'primary' || stageOf(r) === 'junior');
  const publicCodes = new Set(schools.filter((s) => s.sponsor === 'public').map((s) => s.code));
  put(
    computeMigrantPublicShare(
      {
        inPublicSchools: compulsory.filter((r) => publicCodes.has(r.schoolCode)).reduce((n, r) => n + r.migrantChildren, 0),
        inPurchasedPlaces: 0,
        total: compulsory.reduce((n, r) => n + r.migrantChildren, 0),
      },
      district,
      context,
    ),
  );
  const population = (raw.population as PopulationImportRow[]).filter((p) => p.year === year);
  const kindergartens = yearSchools
    .filter((s) => (byStage.get(s.code)?.preschool ?? 0) > 0 || rowsOf(s.code, 'preschool').length > 0)
    .map((s) => ({
      schoolId: s.code,
      sponsor: s.sponsor,
      isInclusive: s.isInclusive,
      children: byStage.get(s.code)?.preschool ?? 0,
      fullTimeTeachers: teachersOf(s.code, 'preschool').fullTime,
      classes: rowsOf(s.code, 'preschool').flatMap((r) =>
        Array.from({ length: r.classes }, () => ({ kind: r.grade as KindergartenClassKind, children: r.students / r.classes })),
      ),
    }));
  const pre = computePreschoolIndicators({
    kindergartens,
    population: sumPopulation(population, 3, 5, 'registered'),
    scope: district,
    context,
  });
  [pre.grossEnrolmentRate, pre.inclusiveShare, pre.publicShare, pre.childrenPerTeacher, pre.classSizeCompliance!].forEach(put);
  const high = (stage: Stage) => students.filter((r) => stageOf(r) === stage).reduce((n, r) => n + r.students, 0);
  put(
    computeHighSchoolGrossEnrolment(
      { generalHigh: high('senior'), vocational: high('vocational') },
      sumPopulation(population, 15, 17, 'registered'),
      district,
      context,
    ),
  );
  if (!withTeachers) for (const k of [...out.keys()]) if (TEACHER_CODES.has(k.split('|')[0]!)) out.delete(k);
  return { values: out, stageSchools };
}

const TEACHER_CODES = new Set([
  'balanced.teachers_above_qualification_per100',
  'balanced.backbone_teachers_per100',
  'balanced.pe_art_teachers_per100',
  'balanced.cv.teachers_above_qualification_per100',
  'balanced.cv.backbone_teachers_per100',
  'balanced.cv.pe_art_teachers_per100',
  'balanced.schools_passing_share',
  'teachers.backbone_schools_meeting_share',
  'common.student_teacher_ratio',
  'teachers.certificate_rate',
  'preschool.children_per_teacher',
]);
/** API figures the raw export cannot reproduce, and the catalog entries without base data. */
const NOT_IN_EXPORT = new Set([
  'teachers.rotation_share',
  'teachers.rotation_backbone_share',
  'organisation.group_coverage',
  'organisation.community_coverage',
  'organisation.school_district_coverage',
  'balanced.special_education_funding_per_student',
  'balanced.teacher_pay_ratio',
  'balanced.training_budget_share',
  'teachers.training_completion_rate',
  'compulsory.zoned_admission_rate',
  'compulsory.quota_allocation_share',
  'compulsory.disabled_enrolment_rate',
]);

function expectSame(api: ValueDto, mine: IndicatorValue | undefined, label: string) {
  expect(mine, label).toBeDefined();
  if (mine!.value === null) expect(api.value, label).toBeNull();
  else expect(api.value, label).toBeCloseTo(mine!.value, 9);
  for (const [a, b] of [
    [api.numerator, mine!.numerator],
    [api.denominator, mine!.denominator],
  ] as const) {
    if (b === null) expect(a, label).toBeNull();
    else expect(a, label).toBeCloseTo(b, 6);
  }
  expect(api.status, label).toBe(mine!.status);
  expect(api.threshold?.value ?? null, label).toBe(mine!.threshold?.value ?? null);
}

describe('the demo district recomputed from its xlsx export', () => {
  it.each([2025, 2024, 2023, 2022, 2021])('district figures of %i agree with GET /indicators', async (year) => {
    const api = (await staff.get(`/api/v1/indicators?year=${year}`)).json() as IndicatorList;
    const mine = recompute(year, year === 2025).values;
    let compared = 0;
    for (const v of api.items) {
      const key = `${v.code}|${v.stage ?? ''}`;
      if (NOT_IN_EXPORT.has(v.code)) continue;
      if (year !== 2025 && TEACHER_CODES.has(v.code)) continue;
      expectSame(v, mine.get(key) ?? mine.get(`${v.code}|`), `${year} ${key}`);
      compared += 1;
    }
    expect(compared).toBe(year === 2025 ? 57 : 30);
  });

  it('every school’s 7 values and verdict of 2025 agree with GET /indicators/:code/schools', async () => {
    const mine = recompute(2025, true);
    for (const stage of ['primary', 'junior'] as const) {
      const schools = mine.stageSchools[stage]!;
      for (const code of BALANCED_RESOURCE_CODES) {
        const api = (await staff.get(`/api/v1/indicators/${code}/schools?year=2025&stage=${stage}`)).json() as IndicatorSchools;
        for (const s of schools) {
          const row = api.items.find((x) => x.schoolCode === s.schoolId)!;
          expectSame(
            row.value,
            s.indicators.find((v) => v.code === code),
            `${stage} ${s.schoolId} ${code}`,
          );
        }
      }
      const page = await Promise.all(
        schools.map(async (s) => {
          const id = (await t.database.db.selectFrom('school').select('id').where('code', '=', s.schoolId).executeTakeFirstOrThrow()).id;
          return [s, (await staff.get(`/api/v1/schools/${id}/indicators?year=2025`)).json()] as const;
        }),
      );
      for (const [s, body] of page)
        expect(body.parts.find((p: { stage: string }) => p.stage === stage).verdict.status, s.schoolId).toBe(s.verdict.status);
    }
  });
});
