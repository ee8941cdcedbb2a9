/** Who sees what in awards, from Me (the server's award policy decides; this shapes the UI). */
import type { Me } from '@zhiping/contracts';

const AWARDS_OFFICE = '教师科';

/** The 教师科 (or a district admin): runs rounds. */
export const isAwardManager = (me: Me) =>
  me.roles.some((r) => r.role === 'district_admin' || (r.role === 'district_staff' && r.office === AWARDS_OFFICE));

/** District roles read every round and application. */
export const isAwardDistrict = (me: Me) => me.roles.some((r) => r.role === 'district_admin' || r.role === 'district_staff');

/** A school administrator prepares applications. */
export const isAwardSchool = (me: Me) => me.roles.some((r) => r.role === 'school_admin' && r.schoolId !== null);

/** A teacher account (experts sign in with theirs; teachers see their own applications). */
export const isAwardTeacher = (me: Me) => me.roles.some((r) => r.role === 'teacher');

/** Anyone with a part in awards sees the rounds. */
export const hasAwardRole = (me: Me) => isAwardDistrict(me) || isAwardSchool(me) || isAwardTeacher(me);
