/**
 * Careers of the demo staff: 骨干教师 recognitions (about one per hundred pupils in most compulsory
 * schools, fewer in village schools; roughly a tenth of all staff), earlier and expired recognitions,
 * past 调动 between schools, the staffing of newly opened schools, and completed 交流轮岗 from urban to
 * rural schools.
 */
import type { BackboneLevel } from '../codes/enums.ts';
import type { Stage } from '../codes/stages.ts';
import type { StudentStatImportRow } from '../imports/rows.ts';
import { DEMO_YEARS } from './enrolment.ts';
import type { SchoolPlan } from './layout.ts';
import type { Rng } from './random.ts';
import type { DraftTeacher } from './teachers.ts';

/** A recognition beyond the current one carried on the teacher row. */
export interface DemoRecognition {
  idNumber: string;
  level: BackboneLevel;
  subject: string | null;
  issuer: string;
  issuedOn: string;
  validUntil: string | null;
}

/** A past move of a teacher between schools (the teacher_assignment history). */
export interface DemoTransfer {
  idNumber: string;
  /** 'full': 调动, the teacher moved for good; 'partial': 交流轮岗, 编制 stayed at the home school. */
  kind: 'full' | 'partial';
  fromSchoolCode: string;
  toSchoolCode: string;
  /** First day at the destination. */
  on: string;
  /** Last day of a 交流轮岗, after which the teacher returned home; null for a 调动. */
  returnedOn: string | null;
  /** For a 调动: when the teacher had joined the school they left. */
  fromJoinedOn: string | null;
  reason: string;
}

export const DISTRICT_ISSUER = '示例区教育委员会';
export const CITY_ISSUER = '重庆市教育委员会';
const DISTRICT_DATES = ['2022-09-09', '2023-09-08', '2024-09-06'] as const;
const CITY_DATES = ['2022-12-20', '2023-12-15', '2024-12-18'] as const;

/** The last day of a three-year term starting on `date`. */
export function termEnd(date: string, years = 3): string {
  const d = new Date(`${Number(date.slice(0, 4)) + years}${date.slice(4)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const shiftYears = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;

/** Marks backbone teachers on their rows and returns the extra (earlier, expired, school-level) recognitions. */
export function assignRecognitions(rng: Rng, drafts: readonly DraftTeacher[], stats: readonly StudentStatImportRow[]): DemoRecognition[] {
  const compulsory = compulsoryStudents(stats);
  const bySchool = groupBy(drafts, (d) => d.row.schoolCode);
  const extras: DemoRecognition[] = [];
  for (const [code, staff] of bySchool) {
    const plan = staff[0]!.plan;
    const teaching = staff.filter((d) => d.row.post === 'teacher' || d.row.post === 'leader');
    const candidates = rng.shuffle(teaching.filter((d) => d.age >= 28)).sort((a, b) => rank(b) - rank(a));
    const pupils = compulsory.get(code) ?? 0;
    const perHundred = plan.isRural ? rng.float(0.5, 1.1) : rng.float(1.0, 1.18);
    let target = Math.ceil((pupils / 100) * perHundred);
    for (const d of teaching) {
      if (d.stage === 'primary' || d.stage === 'junior') continue;
      if (rng.chance(OTHER_STAGE_RATE[d.stage])) target++;
    }
    for (const d of candidates.slice(0, target)) {
      const isCity = rng.chance(0.22);
      d.row.backboneLevel = isCity ? 'city' : 'district';
      d.row.backboneIssuedOn = rng.pick(isCity ? CITY_DATES : DISTRICT_DATES);
      if (isCity && rng.chance(0.6))
        extras.push(recognition(d, 'district', DISTRICT_ISSUER, rng.pick(['2016-09-09', '2017-09-08', '2018-09-07', '2019-09-06'])));
      if (!isCity && rng.chance(0.3)) extras.push(recognition(d, 'district', DISTRICT_ISSUER, shiftYears(d.row.backboneIssuedOn, 3)));
    }
    for (const d of teaching) {
      if (d.row.backboneLevel) continue;
      if (d.age >= 35 && rng.chance(0.04))
        extras.push(recognition(d, 'district', DISTRICT_ISSUER, rng.pick(['2017-09-08', '2018-09-07', '2019-09-06'])));
      else if (d.age < 35 && rng.chance(0.03))
        extras.push(recognition(d, 'school', plan.school.name, rng.pick(['2023-06-30', '2024-06-28', '2025-06-27'])));
    }
  }
  return extras;
}

/** Share of non-compulsory teachers recognised as backbone. */
const OTHER_STAGE_RATE: Readonly<Record<Stage, number>> = {
  preschool: 0.02,
  primary: 0,
  junior: 0,
  senior: 0.08,
  vocational: 0.05,
  special: 0.08,
};

const TITLE_RANK: Readonly<Record<string, number>> = { professor: 4, senior: 3, level1: 2, level2: 1, level3: 0, none: 0 };
const rank = (d: DraftTeacher) => TITLE_RANK[d.row.title]! + (d.row.post === 'leader' ? 0.5 : 0);

function recognition(d: DraftTeacher, level: BackboneLevel, issuer: string, issuedOn: string): DemoRecognition {
  return { idNumber: d.row.idNumber, level, subject: d.row.subject, issuer, issuedOn, validUntil: termEnd(issuedOn) };
}

/** Primary and junior pupils of each school in the latest year. */
function compulsoryStudents(stats: readonly StudentStatImportRow[]): Map<string, number> {
  const year = DEMO_YEARS[DEMO_YEARS.length - 1];
  const out = new Map<string, number>();
  for (const r of stats)
    if (r.schoolYear === year && /^[PJ]/.test(r.grade)) out.set(r.schoolCode, (out.get(r.schoolCode) ?? 0) + r.students);
  return out;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
}

/** Past 调动, the staffing of new schools, and completed 交流轮岗. */
export function buildTransfers(rng: Rng, drafts: readonly DraftTeacher[], plans: readonly SchoolPlan[]): DemoTransfer[] {
  const transfers: DemoTransfer[] = [];
  const moved = new Set<string>();
  const otherSchool = (d: DraftTeacher, before: string, pred: (p: SchoolPlan) => boolean = () => true) => {
    const pool = plans.filter(
      (p) =>
        p !== d.plan &&
        p.school.openedOn <= before &&
        (p.school.closedOn ?? '9999') > before &&
        p.units.some((u) => u.stage === d.stage) &&
        pred(p),
    );
    return pool.length ? rng.pick(pool) : undefined;
  };
  const adultOn = (d: DraftTeacher) => `${Number(d.row.birthDate.slice(0, 4)) + 22}${d.row.birthDate.slice(4)}`;
  const addFull = (d: DraftTeacher, reason: string, minYears: number, maxYears: number) => {
    const on = d.row.joinedSchoolOn!;
    const fromJoinedOn = shiftYears(on, rng.int(minYears, maxYears)).replace(/-02-29$/, '-02-28');
    const from = otherSchool(d, fromJoinedOn);
    if (!from || fromJoinedOn < adultOn(d) || fromJoinedOn < from.school.openedOn) return;
    transfers.push({
      idNumber: d.row.idNumber,
      kind: 'full',
      fromSchoolCode: from.school.code,
      toSchoolCode: d.row.schoolCode,
      on,
      returnedOn: null,
      fromJoinedOn,
      reason,
    });
    moved.add(d.row.idNumber);
  };
  const teaching = drafts.filter((d) => d.row.post === 'teacher' || d.row.post === 'leader');
  for (const d of teaching) {
    const isNewSchool = d.plan.school.openedOn >= '2020-01-01';
    if (isNewSchool && rng.chance(0.6)) addFull(d, '新校开办调配', 3, 15);
    else if (!isNewSchool && d.age >= 30 && d.row.joinedSchoolOn! >= '2018-01-01' && rng.chance(0.05)) {
      addFull(d, d.row.post === 'leader' ? '干部交流任职' : rng.pick(['工作调动', '个人申请调动', '城区学校补充师资']), 3, 12);
    }
  }
  // 交流轮岗: teachers with at least six years at an urban school spent one school year at a town or village school.
  const eligible = rng.shuffle(
    teaching.filter(
      (d) =>
        !moved.has(d.row.idNumber) &&
        d.row.post === 'teacher' &&
        (d.stage === 'primary' || d.stage === 'junior') &&
        d.plan.school.urbanRuralCode.startsWith('11') &&
        d.row.joinedSchoolOn! <= '2015-09-01',
    ),
  );
  const backbone = eligible.filter((d) => d.row.backboneLevel);
  const chosen = [...backbone.slice(0, 15), ...eligible.filter((d) => !d.row.backboneLevel).slice(0, 30)];
  for (const d of chosen) {
    const year = rng.int(2021, 2024);
    const to = otherSchool(d, `${year}-09-01`, (p) => !p.school.urbanRuralCode.startsWith('11') && p.school.sponsor === 'public');
    if (!to) continue;
    transfers.push({
      idNumber: d.row.idNumber,
      kind: 'partial',
      fromSchoolCode: d.row.schoolCode,
      toSchoolCode: to.school.code,
      on: `${year}-09-01`,
      returnedOn: `${year + 1}-07-31`,
      fromJoinedOn: null,
      reason: '交流轮岗（城区学校到乡村学校）',
    });
  }
  return transfers;
}
