/** Who sees what in supervision, from Me (the server's evaluation policy decides; this shapes the UI). */
import type { Me } from '@zhiping/contracts';

/** The office whose staff manage campaigns and review results. */
const SUPERVISION_OFFICE = '督导室';

/** District readers: every campaign, evaluation and result. */
export const isSupervisionDistrict = (me: Me) => me.roles.some((r) => r.role === 'district_admin' || r.role === 'district_staff');

/** The 督导室 (or a district admin): manages templates, campaigns, teams; reviews and publishes. */
export const isSupervisor = (me: Me) =>
  me.roles.some((r) => r.role === 'district_admin' || (r.role === 'district_staff' && r.office === SUPERVISION_OFFICE));

/** Holds the inspector role (督学). */
export const isInspector = (me: Me) => me.roles.some((r) => r.role === 'inspector');

/** Administers a school (学校管理员): sees that school's evaluations and rectifications. */
export const isSchoolAdmin = (me: Me) => me.roles.some((r) => r.role === 'school_admin' && r.schoolId !== null);

/** Has any part in supervision. */
export const hasSupervisionRole = (me: Me) => isSupervisionDistrict(me) || isInspector(me) || isSchoolAdmin(me);
