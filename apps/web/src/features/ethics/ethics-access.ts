/** Who sees what in ethics, from Me (the server's ethics policy decides; this shapes the UI). */
import type { Me } from '@zhiping/contracts';

/** The district office that runs ethics. */
export const ETHICS_OFFICE = '师德办';

/** 师德办 staff or a district admin: every case, monitoring, decisions. */
export const isEthicsOffice = (me: Me) =>
  me.roles.some((r) => r.role === 'district_admin' || (r.role === 'district_staff' && r.office === ETHICS_OFFICE));

/** A school administrator: may be designated as the handler of a case, and records 师德考核 for the school. */
export const isEthicsSchoolAdmin = (me: Me) => me.roles.some((r) => r.role === 'school_admin' && r.schoolId !== null);

/** A teacher with a teacher record: their own matters. */
export const isEthicsTeacher = (me: Me) => me.teacherId !== null && me.roles.some((r) => r.role === 'teacher');
