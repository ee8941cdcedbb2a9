import { describe, expect, it } from 'vitest';
import { findGrade } from '../codes/stages.ts';
import { checkIdNumber } from '../people/id-number.ts';
import { generateDemoDistrict } from './generate.ts';
import { DEMO_REFERENCE_DATE } from './teachers.ts';

const demo = generateDemoDistrict();
const schoolBy = new Map(demo.schools.map((s) => [s.code, s]));
const stageOf = (r: { schoolCode: string; grade: string }) =>
  schoolBy.get(r.schoolCode)!.typeCode === '513' ? 'special' : findGrade(r.grade)!.stage;
const pop = (year: number, age: number) => demo.population.find((p) => p.year === year && p.age === age)!.count;
const sum = <T>(items: readonly T[], f: (t: T) => number) => items.reduce((s, t) => s + f(t), 0);
const rowsOf = (year: number, stage: string) => demo.students.filter((r) => r.schoolYear === year && stageOf(r) === stage);

/** FNV-1a of the JSON, to compare runs cheaply. */
function hash(value: unknown): string {
  const s = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return `${h.toString(16)}:${s.length}`;
}

describe('demo district generator', () => {
  it('is deterministic per seed', () => {
    const again = generateDemoDistrict(20251);
    expect(hash(again)).toBe(hash(demo));
    expect(hash(generateDemoDistrict(7))).not.toBe(hash(demo));
  });

  it('has the planned schools with unique ten-digit codes in known streets', () => {
    const count = (...types: string[]) => demo.schools.filter((s) => types.includes(s.typeCode)).length;
    expect(count('111')).toBeGreaterThanOrEqual(105);
    expect(count('111')).toBeLessThanOrEqual(115);
    expect([count('211'), count('311'), count('312'), count('342'), count('361', '365'), count('513')]).toEqual([45, 15, 8, 6, 2, 1]);
    expect(count('341')).toBeGreaterThanOrEqual(1);
    expect(count('345')).toBe(1);
    expect(new Set(demo.schools.map((s) => s.code)).size).toBe(demo.schools.length);
    expect(demo.schools.every((s) => /^\d{10}$/.test(s.code))).toBe(true);
    expect(demo.streets.length).toBeGreaterThanOrEqual(8);
    expect(demo.streets.length).toBeLessThanOrEqual(10);
    const streetNames = new Set(demo.streets.map((s) => s.name));
    expect(demo.schools.every((s) => s.streetName && streetNames.has(s.streetName))).toBe(true);
    expect(demo.schools.some((s) => s.urbanRuralCode === '220')).toBe(true);
    expect(demo.schools.some((s) => s.urbanRuralCode === '210')).toBe(true);
    expect(demo.schools.filter((s) => s.openedOn >= '2021-01-01')).toHaveLength(3);
  });

  it('keeps every statistics row internally consistent', () => {
    for (const r of demo.students) {
      expect(r.girls).toBeLessThanOrEqual(r.students);
      if (r.students > 0) expect(r.classes).toBeGreaterThan(0);
      expect(r.migrantChildren).toBeLessThanOrEqual(r.students);
      expect(r.disabledStudents).toBeLessThanOrEqual(r.students);
      expect(r.graduates).toBeLessThanOrEqual(r.students + r.transfersIn);
    }
    const girls = sum(demo.students, (r) => r.girls) / sum(demo.students, (r) => r.students);
    expect(girls).toBeGreaterThan(0.46);
    expect(girls).toBeLessThan(0.5);
    expect(new Set(demo.students.map((r) => `${r.schoolCode}:${r.schoolYear}:${r.grade}`)).size).toBe(demo.students.length);
  });

  it('moves each cohort up one grade a year, changed only by its transfers (and at most one loss)', () => {
    const key = (code: string, year: number, grade: string) => `${code}:${year}:${grade}`;
    const byKey = new Map(demo.students.map((r) => [key(r.schoolCode, r.schoolYear, r.grade), r]));
    const order = ['K1', 'K2', 'K3', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'J1', 'J2', 'J3', 'S1', 'S2', 'S3', 'V1', 'V2', 'V3'];
    let checked = 0;
    for (const r of demo.students) {
      const next = order[order.indexOf(r.grade) + 1];
      if (!next || r.graduates > 0) continue;
      const following = byKey.get(key(r.schoolCode, r.schoolYear + 1, next));
      if (!following) continue;
      const diff = r.students + r.transfersIn - r.transfersOut - following.students;
      expect(diff).toBeGreaterThanOrEqual(0);
      expect(diff).toBeLessThanOrEqual(1);
      expect(following.classes).toBe(r.classes);
      checked++;
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('matches the articles: 普惠 ≈ 94 %, 公办 ≈ 57 %, falling kindergarten enrolment, population-consistent rates', () => {
    const kg = rowsOf(2025, 'preschool');
    const all = sum(kg, (r) => r.students);
    const publicShare =
      sum(
        kg.filter((r) => schoolBy.get(r.schoolCode)!.sponsor === 'public'),
        (r) => r.students,
      ) / all;
    const inclusiveShare =
      sum(
        kg.filter((r) => schoolBy.get(r.schoolCode)!.sponsor === 'public' || schoolBy.get(r.schoolCode)!.isInclusive),
        (r) => r.students,
      ) / all;
    expect(inclusiveShare).toBeGreaterThanOrEqual(0.92);
    expect(inclusiveShare).toBeLessThanOrEqual(0.96);
    expect(publicShare).toBeGreaterThanOrEqual(0.55);
    expect(publicShare).toBeLessThanOrEqual(0.6);
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      const kgRate = sum(rowsOf(year, 'preschool'), (r) => r.students) / (pop(year, 3) + pop(year, 4) + pop(year, 5));
      expect(kgRate).toBeGreaterThanOrEqual(0.9);
      expect(kgRate).toBeLessThanOrEqual(0.95);
      const upper = sum([...rowsOf(year, 'senior'), ...rowsOf(year, 'vocational')], (r) => r.students);
      const hsRate = upper / (pop(year, 15) + pop(year, 16) + pop(year, 17));
      expect(hsRate).toBeGreaterThanOrEqual(0.95);
      expect(hsRate).toBeLessThanOrEqual(0.99);
      if (year > 2021) {
        const change = sum(rowsOf(year, 'preschool'), (r) => r.students) / sum(rowsOf(year - 1, 'preschool'), (r) => r.students) - 1;
        expect(change).toBeLessThan(-0.03);
        expect(change).toBeGreaterThan(-0.12);
      }
    }
  });

  it('has mostly normal class sizes, a few 大班额 and one 超大班额', () => {
    const compulsory = demo.students.filter(
      (r) => r.schoolYear === 2025 && /^[PJ]/.test(r.grade) && schoolBy.get(r.schoolCode)!.typeCode !== '513',
    );
    const sizes = compulsory.map((r) => r.students / r.classes);
    const urban = compulsory.filter((r) => schoolBy.get(r.schoolCode)!.urbanRuralCode.startsWith('11')).map((r) => r.students / r.classes);
    expect(urban.filter((s) => s >= 35 && s <= 45).length / urban.length).toBeGreaterThan(0.7);
    const large = sizes.filter((s) => s >= 56 && s < 66).length;
    expect(large).toBeGreaterThanOrEqual(2);
    expect(large).toBeLessThanOrEqual(8);
    expect(sizes.filter((s) => s >= 66)).toHaveLength(1);
  });

  it('builds population by single year of age with cohorts carried from year to year', () => {
    expect(demo.population).toHaveLength(5 * 19);
    expect(demo.population.every((p) => p.regionCode === '500199' && p.basis === 'registered' && p.source === '区公安分局户籍统计')).toBe(
      true,
    );
    for (const year of [2021, 2022, 2023, 2024]) {
      for (let age = 1; age < 18; age++) expect(Math.abs(pop(year + 1, age + 1) / pop(year, age) - 1)).toBeLessThan(0.02);
    }
    expect(pop(2025, 0)).toBeLessThan(pop(2021, 0));
  });

  it('gives conditions for every school-year with pupils, with the deliberate shortfalls', () => {
    const statKeys = new Set(demo.students.map((r) => `${r.schoolCode}:${r.schoolYear}`));
    expect(new Set(demo.conditions.map((c) => `${c.schoolCode}:${c.schoolYear}`))).toEqual(statKeys);
    const short = demo.deliberateGaps.find((g) => g.indicator === '生均教学及辅助用房面积')!;
    const pupils = sum(
      demo.students.filter((r) => r.schoolCode === short.schoolCode && r.schoolYear === 2025),
      (r) => r.students,
    );
    const area = demo.conditions.find((c) => c.schoolCode === short.schoolCode && c.schoolYear === 2025)!.teachingArea;
    expect(area / pupils).toBeLessThan(4.5 * 0.85);
    const primaries = demo.schools.filter((s) => s.typeCode === '211' && !demo.deliberateGaps.some((g) => g.schoolCode === s.code));
    for (const s of primaries) {
      const n = sum(
        demo.students.filter((r) => r.schoolCode === s.code && r.schoolYear === 2025),
        (r) => r.students,
      );
      const c = demo.conditions.find((x) => x.schoolCode === s.code && x.schoolYear === 2025)!;
      expect(c.teachingArea / n).toBeGreaterThanOrEqual(4.5);
      expect((c.gymArea + c.sportsGroundArea) / n).toBeGreaterThanOrEqual(7.5);
    }
  });

  it('builds about 5,000 staff with valid synthetic ID numbers and plausible careers', () => {
    expect(demo.teachers.length).toBeGreaterThan(4500);
    expect(demo.teachers.length).toBeLessThan(5600);
    expect(new Set(demo.teachers.map((t) => t.idNumber)).size).toBe(demo.teachers.length);
    for (const t of demo.teachers) {
      const check = checkIdNumber(t.idNumber, DEMO_REFERENCE_DATE);
      expect(check).toMatchObject({ ok: true, birthDate: t.birthDate, gender: t.gender });
      expect(t.idNumber.startsWith('500199')).toBe(true);
      const age =
        Number(DEMO_REFERENCE_DATE.slice(0, 4)) -
        Number(t.birthDate.slice(0, 4)) -
        (t.birthDate.slice(5) > DEMO_REFERENCE_DATE.slice(5) ? 1 : 0);
      expect(age).toBeGreaterThanOrEqual(22);
      expect(age).toBeLessThanOrEqual(60);
      expect(schoolBy.get(t.schoolCode)?.closedOn).toBeNull();
      expect(t.joinedSchoolOn! >= schoolBy.get(t.schoolCode)!.openedOn).toBe(true);
    }
    const teachers = demo.teachers.filter((t) => t.post === 'teacher');
    const certified = teachers.filter((t) => t.certificate !== 'none').length / teachers.length;
    expect(certified).toBeGreaterThan(0.95);
    expect(certified).toBeLessThan(0.99);
    const backbone = demo.teachers.filter((t) => t.backboneLevel).length / demo.teachers.length;
    expect(backbone).toBeGreaterThanOrEqual(0.08);
    expect(backbone).toBeLessThanOrEqual(0.12);
    expect(demo.teachers.filter((t) => t.joinedSchoolOn! <= '2019-09-01').length / demo.teachers.length).toBeGreaterThan(0.3);
    for (const subject of ['体育', '音乐', '美术', '学前教育', '物理', '专业课'])
      expect(teachers.some((t) => t.subject === subject)).toBe(true);
    const stageOfSchool = (code: string) => schoolBy.get(code)!.typeCode;
    expect(
      teachers
        .filter((t) => stageOfSchool(t.schoolCode) === '111')
        .every((t) => t.subject === '学前教育' && t.teachingStage === 'preschool'),
    ).toBe(true);
  });

  it('links transfers, recognitions and accounts to existing teachers and schools', () => {
    const ids = new Set(demo.teachers.map((t) => t.idNumber));
    for (const tr of demo.transfers) {
      expect(ids.has(tr.idNumber)).toBe(true);
      expect(schoolBy.has(tr.fromSchoolCode) && schoolBy.has(tr.toSchoolCode)).toBe(true);
      expect(tr.fromSchoolCode).not.toBe(tr.toSchoolCode);
      if (tr.kind === 'partial') expect(tr.returnedOn! > tr.on).toBe(true);
      else expect(tr.fromJoinedOn! < tr.on).toBe(true);
    }
    expect(demo.transfers.some((t) => t.kind === 'partial')).toBe(true);
    expect(demo.transfers.some((t) => t.kind === 'full')).toBe(true);
    for (const r of demo.extraRecognitions) expect(ids.has(r.idNumber)).toBe(true);
    const recognitionKeys = [
      ...demo.teachers.filter((t) => t.backboneLevel).map((t) => `${t.idNumber}:${t.backboneLevel}:${t.backboneIssuedOn}`),
      ...demo.extraRecognitions.map((r) => `${r.idNumber}:${r.level}:${r.issuedOn}`),
    ];
    expect(new Set(recognitionKeys).size).toBe(recognitionKeys.length);
    const base = demo.accounts.filter((a) => !a.username.startsWith('zhuanjia'));
    expect(base.map((a) => a.role).sort()).toEqual([
      'district_staff',
      'district_staff',
      'district_staff',
      'inspector',
      'school_admin',
      'teacher',
    ]);
    expect(base.filter((a) => a.role === 'district_staff').map((a) => a.office)).toEqual(['督导室', '教师科', '师德办']);
    // Award experts: teacher accounts linked to teachers of five different schools.
    const experts = demo.accounts.filter((a) => a.username.startsWith('zhuanjia'));
    expect(experts.map((a) => a.username)).toEqual(['zhuanjia01', 'zhuanjia02', 'zhuanjia03', 'zhuanjia04', 'zhuanjia05']);
    expect(new Set(experts.map((a) => a.schoolCode)).size).toBe(5);
    for (const e of experts) expect(demo.teachers.find((x) => x.idNumber === e.teacherIdNumber)?.schoolCode).toBe(e.schoolCode);
    const teacherAccount = demo.accounts.find((a) => a.role === 'teacher')!;
    expect(demo.teachers.find((t) => t.idNumber === teacherAccount.teacherIdNumber)?.schoolCode).toBe(teacherAccount.schoolCode);
    const schoolAdmin = demo.accounts.find((a) => a.role === 'school_admin')!;
    expect(schoolAdmin.username).toBe(`school_${schoolAdmin.schoolCode}`);
    expect(schoolBy.get(schoolAdmin.schoolCode!)?.typeCode).toBe('211');
  });
});
