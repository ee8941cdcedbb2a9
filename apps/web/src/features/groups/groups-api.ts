/** Calls of the /groups endpoints: 集团, 教共体, 学区 and 结对 with dated memberships. */
import type { AddMemberRequest, GroupDetail, GroupInput, GroupSummary, GroupUpdate, Page } from '@zhiping/contracts';
import { api } from '../../lib/api-client.ts';
import type { QueryParams } from '../../lib/query-string.ts';

/** One page of groups as they stood on `asOf` (default today). */
export function fetchGroups(query: QueryParams, signal: AbortSignal): Promise<Page<GroupSummary>> {
  return api.get<Page<GroupSummary>>('/groups', query, signal);
}

/** A group with its whole membership history. */
export function fetchGroup(id: number, signal: AbortSignal): Promise<GroupDetail> {
  return api.get<GroupDetail>(`/groups/${id}`, undefined, signal);
}

/** Creates a group (district users with base:write). */
export function createGroup(input: GroupInput): Promise<GroupDetail> {
  return api.post<GroupDetail>('/groups', input);
}

/** Renames a group, or dissolves it with validTo (open memberships end the same day). */
export function updateGroup(id: number, input: GroupUpdate): Promise<GroupDetail> {
  return api.patch<GroupDetail>(`/groups/${id}`, input);
}

/** Adds a school from a date. */
export function addGroupMember(id: number, input: AddMemberRequest): Promise<GroupDetail> {
  return api.post<GroupDetail>(`/groups/${id}/members`, input);
}

/** Ends a membership on a date (the school is no longer a member from that day; history is kept). */
export function endGroupMember(id: number, memberId: number, validTo: string): Promise<GroupDetail> {
  return api.post<GroupDetail>(`/groups/${id}/members/${memberId}/end`, { validTo });
}
