/** Calls of the /users endpoints (三员分立: accounts by the system admin, roles by the security admin). */
import type { CreateUserRequest, GrantRoleRequest, Page, SchoolOption, TeacherOption, UserSummary } from '@zhiping/contracts';
import { api } from '../../lib/api-client.ts';

/** A school offered for a school-scoped grant. */
export type SchoolOptionItem = ReturnType<(typeof SchoolOption)['parse']>;
/** A teacher record offered for linking (masked ID number). */
export type TeacherOptionItem = ReturnType<(typeof TeacherOption)['parse']>;

export interface OneTimePassword {
  userId: number;
  temporaryPassword: string;
}

/** One page of accounts. */
export function fetchUsers(query: { q?: string; page: number; pageSize: number }, signal: AbortSignal): Promise<Page<UserSummary>> {
  return api.get<Page<UserSummary>>('/users', query, signal);
}

/** Creates an account; the answer carries a password shown once. */
export function createUser(input: CreateUserRequest): Promise<OneTimePassword> {
  return api.post<OneTimePassword>('/users', input);
}

/** Disables or enables an account. */
export function setUserDisabled(id: number, isDisabled: boolean): Promise<UserSummary> {
  return api.patch<UserSummary>(`/users/${id}`, { isDisabled });
}

/** Resets the password to a one-time password; the user must change it at next sign-in. */
export function resetUserPassword(id: number): Promise<OneTimePassword> {
  return api.post<OneTimePassword>(`/users/${id}/reset-password`);
}

/** Grants a role. */
export function grantRole(id: number, input: GrantRoleRequest): Promise<UserSummary> {
  return api.post<UserSummary>(`/users/${id}/roles`, input);
}

/** Revokes one grant. */
export function revokeRole(id: number, grantId: number): Promise<UserSummary> {
  return api.delete<UserSummary>(`/users/${id}/roles/${grantId}`);
}

/** Schools matching a name or code, for school-scoped grants (readable by the security admin). */
export function fetchSchoolOptions(q: string, signal: AbortSignal): Promise<SchoolOptionItem[]> {
  return api.get<SchoolOptionItem[]>('/users/school-options', { q }, signal);
}

/** Teacher records matching a name (masked ID numbers), for linking an account. */
export function fetchTeacherOptions(q: string, signal: AbortSignal): Promise<TeacherOptionItem[]> {
  return api.get<TeacherOptionItem[]>('/users/teacher-options', { q }, signal);
}
