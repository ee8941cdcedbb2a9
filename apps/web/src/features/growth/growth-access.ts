/** Who sees what in teacher growth, from Me (the server's growth policy decides; this shapes the UI). */
import type { Me } from '@zhiping/contracts';

/** The office that runs teacher growth. */
const GROWTH_OFFICE = '教师科';

/** 教师科 or a district administrator: manages studios, teams, rounds, the test and the targets. */
export const isGrowthManager = (me: Me) =>
  me.roles.some((r) => r.role === 'district_admin' || (r.role === 'district_staff' && r.office === GROWTH_OFFICE));

/** Any district user: reads the dashboard, studios, teams and rounds. */
export const isGrowthDistrict = (me: Me) => me.roles.some((r) => r.role === 'district_admin' || r.role === 'district_staff');

/** The school a school administrator runs, or null. */
export const growthSchoolId = (me: Me): number | null =>
  me.roles.find((r) => r.role === 'school_admin' && r.schoolId !== null)?.schoolId ?? null;

/** A teacher account linked to a teacher record. */
export const isGrowthTeacher = (me: Me) => me.teacherId !== null && me.roles.some((r) => r.role === 'teacher');

/** Anyone with a part in teacher growth. */
export const hasGrowthRole = (me: Me) => isGrowthDistrict(me) || growthSchoolId(me) !== null || isGrowthTeacher(me);

/** May see test results of the whole district (教师科). */
export const canSeeAllTests = isGrowthManager;
