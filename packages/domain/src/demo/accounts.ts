/**
 * Demo sign-in accounts, one per role a visitor will want to try. Scheme: district offices by the
 * pinyin of the office (duchashi = 督导室/督查, jiaoshike = 教师科), inspectors as duxue + number,
 * school administrators as school_<学校标识码>, teachers as laoshi + number. The loader gives them the
 * administrator's initial password and forces a change at first sign-in.
 */
import type { SchoolPlan } from './layout.ts';
import type { DraftTeacher } from './teachers.ts';

/** The roles demo accounts hold (a subset of the platform's roles). */
export type DemoRole = 'district_staff' | 'inspector' | 'school_admin' | 'teacher';

/** One demo account. */
export interface DemoAccount {
  username: string;
  displayName: string;
  role: DemoRole;
  /** District office for district staff. */
  office: string | null;
  /** School of a school-scoped role. */
  schoolCode: string | null;
  /** The teacher record a teacher account is linked to. */
  teacherIdNumber: string | null;
}

/** The school whose administrator and teacher get demo accounts. */
export const DEMO_ACCOUNT_SCHOOL = '示例区实验小学';

/** Builds the demo accounts. */
export function buildAccounts(plans: readonly SchoolPlan[], drafts: readonly DraftTeacher[]): DemoAccount[] {
  const school = plans.find((p) => p.school.name === DEMO_ACCOUNT_SCHOOL)!.school;
  const teacher = drafts.find((d) => d.row.schoolCode === school.code && d.row.post === 'teacher' && d.row.subject === '语文')!;
  return [
    {
      username: 'duchashi',
      displayName: '督导室（演示）',
      role: 'district_staff',
      office: '督导室',
      schoolCode: null,
      teacherIdNumber: null,
    },
    {
      username: 'jiaoshike',
      displayName: '教师科（演示）',
      role: 'district_staff',
      office: '教师科',
      schoolCode: null,
      teacherIdNumber: null,
    },
    { username: 'duxue01', displayName: '责任督学（演示）', role: 'inspector', office: null, schoolCode: null, teacherIdNumber: null },
    {
      username: `school_${school.code}`,
      displayName: `${school.name}管理员（演示）`,
      role: 'school_admin',
      office: null,
      schoolCode: school.code,
      teacherIdNumber: null,
    },
    {
      username: 'laoshi01',
      displayName: teacher.row.name,
      role: 'teacher',
      office: null,
      schoolCode: school.code,
      teacherIdNumber: teacher.row.idNumber,
    },
    ...awardExpertAccounts(drafts, school.code),
    // ethics: the 师德办 (teacher-ethics office) handles reports, cases and monitoring.
    {
      username: 'shideban',
      displayName: '师德办（演示）',
      role: 'district_staff',
      office: '师德办',
      schoolCode: null,
      teacherIdNumber: null,
    },
  ];
}

/** Number of demo award experts (zhuanjia01…). */
export const DEMO_AWARD_EXPERTS = 5;

/**
 * Award experts zhuanjia01…05 (teacher role, linked to their teacher records): senior-titled teachers
 * of five different primary or junior schools, other than the demo account school, picked in school-code order.
 */
export function awardExpertAccounts(drafts: readonly DraftTeacher[], excludedSchoolCode: string): DemoAccount[] {
  const bySchool = new Map<string, DraftTeacher>();
  const candidates = drafts
    .filter(
      (d) =>
        d.row.post === 'teacher' &&
        d.row.schoolCode !== excludedSchoolCode &&
        (d.stage === 'primary' || d.stage === 'junior') &&
        (d.row.title === 'senior' || d.row.title === 'level1') &&
        !d.plan.school.closedOn,
    )
    .sort((a, b) => a.row.schoolCode.localeCompare(b.row.schoolCode) || a.row.idNumber.localeCompare(b.row.idNumber));
  for (const d of candidates) if (!bySchool.has(d.row.schoolCode)) bySchool.set(d.row.schoolCode, d);
  return [...bySchool.values()].slice(0, DEMO_AWARD_EXPERTS).map((d, i) => ({
    username: `zhuanjia${String(i + 1).padStart(2, '0')}`,
    displayName: d.row.name,
    role: 'teacher' as const,
    office: null,
    schoolCode: d.row.schoolCode,
    teacherIdNumber: d.row.idNumber,
  }));
}
