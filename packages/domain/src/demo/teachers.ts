/**
 * The staff of every open school (about 5,000 people): 专任教师 sized from enrolment and classes with
 * subjects matching the stage (including 体育、音乐、美术), school leaders, administrative, support and
 * care staff. Ages, education, titles, 教师资格证 (≈ 97 % of teachers), 编制 and the date each joined
 * the school follow simple tables by stage, age and sponsor.
 */
import type { Certificate, Education, Post, Staffing, Title } from '../codes/enums.ts';
import type { Stage } from '../codes/stages.ts';
import { findGrade } from '../codes/stages.ts';
import type { StudentStatImportRow, TeacherImportRow } from '../imports/rows.ts';
import { buildIdNumber, isRealDate } from '../people/id-number.ts';
import { DEMO_YEARS } from './enrolment.ts';
import { DEMO_REGION_CODE, type SchoolPlan } from './layout.ts';
import { drawPersonName } from './names.ts';
import type { Rng } from './random.ts';

/** The day the demo's figures describe: the start of the latest school year. */
export const DEMO_REFERENCE_DATE = '2025-09-01';
const REF_YEAR = 2025;

/** A teacher row with what later steps (careers, accounts) need to know. */
export interface DraftTeacher {
  row: TeacherImportRow;
  plan: SchoolPlan;
  stage: Stage;
  /** Age on the reference date. */
  age: number;
}

type Mix = Readonly<Record<string, number>>;

// prettier-ignore
const SUBJECT_MIX: Readonly<Record<Stage, Mix>> = {
  preschool: { 学前教育: 1 },
  primary: { 语文: 32, 数学: 24, 英语: 9, 体育: 7, 音乐: 5, 美术: 5, 科学: 5, 道德与法治: 4, 信息技术: 3, 综合实践: 2, 心理健康: 1, 劳动: 1, 书法: 1, 其他: 1 },
  junior: { 语文: 15, 数学: 15, 英语: 14, 物理: 7, 化学: 5, 生物: 5, 道德与法治: 6, 历史: 6, 地理: 5, 体育: 8, 音乐: 3, 美术: 3, 信息技术: 3, 心理健康: 1, 劳动: 1, 综合实践: 1, 其他: 2 },
  senior: { 语文: 13, 数学: 13, 英语: 12, 物理: 9, 化学: 8, 生物: 7, 思想政治: 7, 历史: 7, 地理: 6, 体育与健康: 6, 音乐: 2, 美术: 2, 信息技术: 3, 心理健康: 2, 其他: 3 },
  vocational: { 专业课: 50, 语文: 10, 数学: 10, 英语: 8, 思想政治: 6, 体育与健康: 6, 信息技术: 5, 艺术: 2, 其他: 3 },
  special: { 特殊教育: 70, 体育: 8, 音乐: 8, 美术: 8, 其他: 6 },
};

// prettier-ignore
const FEMALE_SHARE: Readonly<Record<Stage, number>> = { preschool: 0.97, primary: 0.78, junior: 0.62, senior: 0.52, vocational: 0.5, special: 0.75 };
// prettier-ignore
const STAGE_CERTIFICATE: Readonly<Record<Stage, Certificate>> = { preschool: 'preschool', primary: 'primary', junior: 'junior', senior: 'senior', vocational: 'vocational', special: 'primary' };

/** Splits n among the keys of a mix by largest remainder (deterministic, sums to n). */
export function allocate(n: number, mix: Mix): string[] {
  const keys = Object.keys(mix);
  const total = keys.reduce((s, k) => s + mix[k]!, 0);
  const exact = keys.map((k) => ({ k, x: (n * mix[k]!) / total }));
  const counts = new Map(exact.map((e) => [e.k, Math.floor(e.x)]));
  let left = n - [...counts.values()].reduce((s, c) => s + c, 0);
  for (const e of [...exact].sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)))) {
    if (left-- <= 0) break;
    counts.set(e.k, counts.get(e.k)! + 1);
  }
  return keys.flatMap((k) => Array<string>(counts.get(k)!).fill(k));
}

/** Enrolment and classes of each school's stage in the latest year. */
function latestEnrolment(plans: readonly SchoolPlan[], stats: readonly StudentStatImportRow[]) {
  const year = DEMO_YEARS[DEMO_YEARS.length - 1];
  const special = new Set(plans.filter((p) => p.units.some((u) => u.stage === 'special')).map((p) => p.school.code));
  const out = new Map<string, { students: number; classes: number }>();
  for (const r of stats) {
    if (r.schoolYear !== year) continue;
    const key = `${r.schoolCode}:${special.has(r.schoolCode) ? 'special' : findGrade(r.grade)!.stage}`;
    const e = out.get(key) ?? { students: 0, classes: 0 };
    e.students += r.students;
    e.classes += r.classes;
    out.set(key, e);
  }
  return out;
}

/** How many 专任教师 a stage of a school has. */
function teachersNeeded(stage: Stage, students: number, classes: number, isPublic: boolean): number {
  switch (stage) {
    case 'preschool':
      return Math.max(1, Math.round(classes * (isPublic ? 1.9 : 1.6)));
    case 'primary':
      return Math.max(Math.round(students / 18), Math.ceil(classes * 1.4));
    case 'junior':
      return Math.max(Math.round(students / 13.2), Math.ceil(classes * 2.5));
    case 'senior':
      return Math.round(students / 12.7);
    case 'vocational':
      return Math.round(students / 17);
    case 'special':
      return Math.ceil(classes * 2.8);
  }
}

/** Builds the staff of every school open in the latest year. `noArtsSchool` gets no PE or art teacher. */
export function buildTeachers(
  rng: Rng,
  plans: readonly SchoolPlan[],
  stats: readonly StudentStatImportRow[],
  noArtsSchool: string,
): DraftTeacher[] {
  const enrolment = latestEnrolment(plans, stats);
  const usedIds = new Set<string>();
  const out: DraftTeacher[] = [];
  for (const plan of plans) {
    if (plan.school.closedOn) continue;
    const isPublic = plan.school.sponsor === 'public';
    let schoolStudents = 0;
    for (const unit of plan.units) {
      const e = enrolment.get(`${plan.school.code}:${unit.stage}`);
      if (!e) continue;
      schoolStudents += e.students;
      let subjects = rng.shuffle(allocate(teachersNeeded(unit.stage, e.students, e.classes, isPublic), SUBJECT_MIX[unit.stage]));
      subjects = ensureArts(subjects, unit.stage, plan.school.code === noArtsSchool);
      for (const subject of subjects) out.push(drawPerson(rng, usedIds, plan, unit.stage, 'teacher', subject));
      if (unit.stage === 'preschool') {
        for (let i = 0; i < Math.round(e.classes * 0.35); i++) out.push(drawPerson(rng, usedIds, plan, unit.stage, 'nurse', null));
        if (e.classes >= 6) out.push(drawPerson(rng, usedIds, plan, unit.stage, 'health', null));
      }
    }
    if (schoolStudents === 0) continue;
    const stage = plan.units[0]!.stage;
    const leaders =
      stage === 'preschool'
        ? schoolStudents < 150
          ? 1
          : 2
        : schoolStudents < 300
          ? 2
          : schoolStudents < 1000
            ? 3
            : schoolStudents < 2000
              ? 4
              : 5;
    const main =
      stage === 'preschool'
        ? '学前教育'
        : stage === 'special'
          ? '特殊教育'
          : stage === 'vocational'
            ? '专业课'
            : rng.pick(['语文', '数学', '英语']);
    for (let i = 0; i < leaders; i++)
      out.push(drawPerson(rng, usedIds, plan, stage, 'leader', i === 0 ? main : rng.pick(['语文', '数学', '英语'])));
    for (let i = 0; i < Math.floor(schoolStudents / 600); i++) out.push(drawPerson(rng, usedIds, plan, stage, 'admin', null));
    if (stage !== 'preschool' && stage !== 'primary')
      for (let i = 0; i < Math.floor(schoolStudents / 700); i++) out.push(drawPerson(rng, usedIds, plan, stage, 'support', null));
    if (schoolStudents >= 400 && rng.chance(0.6)) out.push(drawPerson(rng, usedIds, plan, stage, 'worker', null));
  }
  return out;
}

/** Every school of five or more teachers has a PE and a music or art teacher, except the one left short on purpose. */
function ensureArts(subjects: string[], stage: Stage, isShort: boolean): string[] {
  if (stage !== 'primary' && stage !== 'junior') return subjects;
  if (isShort) return subjects.map((s, i) => (['体育', '音乐', '美术'].includes(s) ? (i % 2 ? '语文' : '数学') : s));
  if (subjects.length < 5) return subjects;
  const out = [...subjects];
  const swap = (target: string, from: readonly string[]) => {
    const i = out.findIndex((s) => from.includes(s));
    if (i >= 0) out[i] = target;
  };
  if (!out.includes('体育')) swap('体育', ['语文', '数学']);
  if (!out.includes('音乐') && !out.includes('美术')) swap('音乐', ['数学', '语文']);
  return out;
}

const AGE_BANDS: Mix = { '22-29': 22, '30-39': 30, '40-49': 30, '50-60': 18 };

function drawAge(rng: Rng, post: Post, gender: 'male' | 'female'): number {
  for (;;) {
    const [lo, hi] = rng.weighted(AGE_BANDS).split('-').map(Number) as [number, number];
    const age = rng.int(lo, hi);
    if (gender === 'female' && age > 55) continue;
    if (post === 'leader' && age < 35) continue;
    return age;
  }
}

/** A birth date giving exactly `age` full years on the reference date. */
function drawBirthDate(rng: Rng, age: number): string {
  for (;;) {
    const month = rng.int(1, 12);
    const day = rng.int(1, 28 + (month === 2 ? 0 : 3));
    const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const year = REF_YEAR - age - (md > DEMO_REFERENCE_DATE.slice(5) ? 1 : 0);
    if (isRealDate(year, month, day)) return `${year}-${md}`;
  }
}

function drawEducation(rng: Rng, stage: Stage, post: Post, age: number): Education {
  if (post === 'worker') return rng.weighted({ high_school: 5, secondary_normal: 3, associate: 2 });
  if (post === 'nurse') return rng.weighted({ high_school: 3, secondary_normal: 4, associate: 3 });
  if (post === 'health') return rng.weighted({ associate: 6, bachelor: 4 });
  if (post === 'admin' || post === 'support') return rng.weighted({ bachelor: 6, associate: 4 });
  const young = age < 35;
  switch (stage) {
    case 'preschool':
      return young
        ? rng.weighted({ bachelor: 50, associate: 45, secondary_normal: 5 })
        : rng.weighted({ bachelor: 25, associate: 55, secondary_normal: 17, high_school: 3 });
    case 'primary':
      return young
        ? rng.weighted({ bachelor: 80, master: 8, associate: 12 })
        : rng.weighted({ bachelor: 55, associate: 38, secondary_normal: 5, master: 2 });
    case 'junior':
      return young ? rng.weighted({ bachelor: 82, master: 15, associate: 3 }) : rng.weighted({ bachelor: 85, associate: 10, master: 5 });
    case 'senior':
      return rng.weighted({ bachelor: 75, master: 23, doctor: 1, associate: 1 });
    case 'vocational':
      return rng.weighted({ bachelor: 72, master: 10, associate: 18 });
    case 'special':
      return rng.weighted({ bachelor: 60, associate: 35, master: 5 });
  }
}

function drawTitle(rng: Rng, post: Post, age: number, isPublic: boolean): Title {
  if (post !== 'teacher' && post !== 'leader') return 'none';
  if (!isPublic && rng.chance(0.25)) return 'none';
  const a = post === 'leader' ? age + 5 : age;
  if (a < 25) return rng.weighted({ none: 6, level2: 4 });
  if (a < 30) return rng.weighted({ level2: 70, none: 15, level1: 15 });
  if (a < 40) return rng.weighted({ level1: 60, level2: 30, senior: 10 });
  if (a < 50) return rng.weighted({ level1: 55, senior: 40, level2: 5 });
  return rng.weighted({ senior: 55, level1: 40, professor: 2, level2: 3 });
}

function drawStaffing(rng: Rng, plan: SchoolPlan, post: Post): Staffing {
  if (plan.school.sponsor === 'private') return rng.weighted({ contract: 9, other: 1 });
  if (post === 'worker' || post === 'nurse') return rng.weighted({ contract: 6, agency: 4 });
  if (plan.units[0]!.stage === 'preschool') return rng.weighted({ established: 55, contract: 40, agency: 5 });
  return rng.weighted({ established: 86, contract: 12, agency: 2 });
}

/** Years at the current school: many short stays, a long tail, never before adulthood or the school's opening. */
function drawJoinedOn(rng: Rng, plan: SchoolPlan, age: number): string {
  const years = Math.min(age - 22, Math.floor(rng.chance(0.45) ? rng.float(0, 6) : rng.float(6, 30)));
  const opened = plan.school.openedOn;
  const year = Math.max(REF_YEAR - Math.max(0, years), Number(opened.slice(0, 4)));
  const date = `${year}-${rng.chance(0.85) ? '09-01' : `0${rng.int(2, 8)}-${String(rng.int(1, 28)).padStart(2, '0')}`}`;
  return date < opened ? opened : date > DEMO_REFERENCE_DATE ? DEMO_REFERENCE_DATE : date;
}

function drawPerson(rng: Rng, usedIds: Set<string>, plan: SchoolPlan, stage: Stage, post: Post, subject: string | null): DraftTeacher {
  const isPE = subject === '体育' || subject === '体育与健康';
  const femaleShare =
    post === 'leader' ? (stage === 'preschool' ? 0.95 : 0.45) : isPE ? 0.3 : post === 'worker' ? 0.3 : FEMALE_SHARE[stage];
  const gender = rng.chance(femaleShare) ? 'female' : 'male';
  const age = drawAge(rng, post, gender);
  const birthDate = drawBirthDate(rng, age);
  let idNumber: string;
  do {
    const seq = rng.int(0, 498) * 2 + (gender === 'male' ? 1 : 2);
    idNumber = buildIdNumber(DEMO_REGION_CODE, birthDate.replaceAll('-', ''), seq);
  } while (usedIds.has(idNumber));
  usedIds.add(idNumber);
  const isTeaching = post === 'teacher' || post === 'leader';
  const holdsCertificate = post === 'leader' || (post === 'teacher' && !rng.chance(age < 30 ? 0.07 : 0.015));
  const certificate: Certificate =
    !isTeaching || !holdsCertificate ? 'none' : stage === 'vocational' && subject !== '专业课' ? 'senior' : STAGE_CERTIFICATE[stage];
  return {
    plan,
    stage,
    age,
    row: {
      idNumber,
      name: drawPersonName(rng, gender),
      gender,
      birthDate,
      schoolCode: plan.school.code,
      post,
      isFullTime: post === 'teacher',
      teachingStage: isTeaching ? stage : null,
      subject: isTeaching ? subject : null,
      education: drawEducation(rng, stage, post, age),
      title: drawTitle(rng, post, age, plan.school.sponsor === 'public'),
      certificate,
      staffing: drawStaffing(rng, plan, post),
      joinedSchoolOn: drawJoinedOn(rng, plan, age),
      backboneLevel: null,
      backboneIssuedOn: null,
    },
  };
}
