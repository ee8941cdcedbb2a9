/** Chinese labels of training codes, and who sees which training pages (the server decides; this shapes the UI). */
import type { Me } from '@zhiping/contracts';

export const LEVEL_LABELS: Record<string, string> = { national: '国家级', city: '市级', district: '区级', school: '校本' };
export const CATEGORY_LABELS: Record<string, string> = {
  ethics: '师德师风',
  subject: '学科教学',
  pedagogy: '教育理论与班级管理',
  it: '信息技术应用能力',
  mental: '心理健康教育',
  management: '教育管理',
  safety: '安全教育',
  other: '其他',
};
export const MODE_LABELS: Record<string, string> = { offline: '线下集中', online: '线上', blended: '线上线下混合' };
export const STATUS_LABELS: Record<string, string> = {
  complete: '已完成',
  on_track: '进行中',
  at_risk: '预警',
  incomplete: '未完成',
};
export const STATUS_COLORS: Record<string, string> = { complete: 'green', on_track: 'blue', at_risk: 'red', incomplete: 'volcano' };
export const ENROLMENT_LABELS: Record<string, string> = { enrolled: '已报名', attended: '已出勤', absent: '缺勤', completed: '已结业' };
export const OUTSIDE_LABELS: Record<string, string> = { pending: '待审核', approved: '已认定', rejected: '已退回' };
export const SOURCE_LABELS: Record<string, string> = { session: '培训期次', import: '平台导入', outside: '校外申报' };

export const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** 教师科 or a district administrator: manages training district-wide. */
export const isTrainingManager = (me: Me) =>
  me.roles.some((r) => r.role === 'district_admin' || (r.role === 'district_staff' && r.office === '教师科'));
/** Reads the district's training (district staff, inspectors). */
export const isTrainingDistrictReader = (me: Me) =>
  me.roles.some((r) => r.role === 'district_admin' || r.role === 'district_staff' || r.role === 'inspector');
/** Administers a school's teachers' training. */
export const isTrainingSchoolAdmin = (me: Me) => me.roles.some((r) => r.role === 'school_admin' && r.schoolId !== null);
/** Staff pages (courses, compliance, approvals): district readers and school administrators. */
export const isTrainingStaff = (me: Me) => isTrainingDistrictReader(me) || isTrainingSchoolAdmin(me);
/** A teacher account linked to a teacher record. */
export const isTrainingTeacher = (me: Me) => me.teacherId !== null && me.roles.some((r) => r.role === 'teacher');
/** Manages some teachers' records (enrol, attendance, completion, import). */
export const canManageTeachers = (me: Me) => isTrainingManager(me) || isTrainingSchoolAdmin(me);
