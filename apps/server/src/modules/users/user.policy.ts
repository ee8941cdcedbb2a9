/**
 * Who may hold which roles. Separation of duties (三员分立, 等保 2.0): the system, security and audit
 * administrator roles are mutually exclusive and never combined with a data role; nobody changes
 * their own grants.
 */
import type { Role } from '@zhiping/contracts';
import { OFFICES, SCHOOL_SCOPED_ROLES } from '@zhiping/contracts';

export const ADMIN_ROLES: readonly Role[] = ['sys_admin', 'security_admin', 'audit_admin'];

/** Why a grant is refused, or null when it is allowed. */
export function checkGrant(
  grant: { role: Role; office: string | null; schoolId: number | null },
  existing: readonly Role[],
  context: { isSelf: boolean; teacherId: number | null; teacherSchoolId: number | null },
): string | null {
  if (context.isSelf) return '不能给自己授予角色';
  const isAdmin = ADMIN_ROLES.includes(grant.role);
  if (isAdmin && existing.length > 0) return '三员分立：系统管理员、安全管理员、审计管理员角色不能与其他任何角色兼任';
  if (!isAdmin && existing.some((r) => ADMIN_ROLES.includes(r))) return '三员分立：该账号已是管理员账号，不能再授予业务角色';
  if (SCHOOL_SCOPED_ROLES.includes(grant.role)) {
    if (grant.schoolId === null) return '学校管理员和教师角色必须指定学校';
  } else if (grant.schoolId !== null) {
    return '区级角色不能指定学校';
  }
  if (grant.role === 'district_staff' && !(grant.office && (OFFICES as readonly string[]).includes(grant.office)))
    return `区级科室人员必须指定科室（${OFFICES.join('、')}）`;
  if (grant.role !== 'district_staff' && grant.office) return '只有区级科室人员需要指定科室';
  if (grant.role === 'teacher') {
    if (context.teacherId === null) return '教师角色只能授予已关联教师档案的账号';
    if (context.teacherSchoolId !== grant.schoolId) return '教师角色的学校必须是该教师当前所在学校';
  }
  return null;
}
