/** Permission checks the UI uses to shape navigation and buttons; the server enforces them anyway. */
import { ROLE_PERMISSIONS, type Me, type Permission } from '@zhiping/contracts';

/** True when the user holds the permission through any role. */
export function can(me: Me | null | undefined, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}

/** True when the user holds the permission through a district-wide role (not scoped to one school). */
export function canAtDistrict(me: Me | null | undefined, permission: Permission): boolean {
  if (!me) return false;
  return me.roles.some((r) => r.schoolId === null && ROLE_PERMISSIONS[r.role].includes(permission));
}
