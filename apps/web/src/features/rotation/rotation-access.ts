/** Who sees which 交流轮岗 pages (the server decides again on every request). */
import type { Me } from '@zhiping/contracts';

/** 教师科 or a district administrator: runs rotation. */
export const isRotationManager = (me: Me) =>
  me.roles.some((r) => r.role === 'district_admin' || (r.role === 'district_staff' && r.office === '教师科'));
/** Any district user: reads rotation pages. */
export const isRotationReader = (me: Me) => me.roles.some((r) => r.role === 'district_admin' || r.role === 'district_staff');
/** A school administrator: reviews the moves of their school. */
export const isRotationSchoolAdmin = (me: Me) => me.roles.some((r) => r.role === 'school_admin' && r.schoolId !== null);
/** A teacher linked to a record: sees their own move. */
export const isRotationTeacher = (me: Me) => me.teacherId !== null && me.roles.some((r) => r.role === 'teacher');

export const STAGE_LABELS: Record<string, string> = { primary: '小学', junior: '初中' };
export const KIND_LABELS: Record<string, string> = { full: '调动（编制随转）', partial: '交流（编制留原校）' };
export const SOURCE_LABELS: Record<string, string> = { optimizer: '系统建议', manual: '人工调整', locked: '已锁定' };
export const REVIEW_LABELS: Record<string, string> = { pending: '待审核', accepted: '同意', objected: '有异议' };
export const REVIEW_COLORS: Record<string, string> = { pending: 'default', accepted: 'green', objected: 'red' };
export const EXEMPTION_LABELS: Record<string, string> = {
  pregnancy: '孕期',
  nursing: '哺乳期',
  illness: '患重大疾病',
  near_retirement: '临近退休',
  other: '其他（须说明）',
};
export const STATE_COLORS: Record<string, string> = {
  draft: 'default',
  school_review: 'blue',
  teacher_notice: 'cyan',
  district_approval: 'gold',
  executed: 'green',
  cancelled: 'red',
};
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
export const cv3 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));
