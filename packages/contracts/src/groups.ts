import { z } from 'zod';
import { IsoDate, PageQuery, pageOf } from './common.ts';

/** Kinds of school organisation. */
export const GROUP_KINDS = ['education_group', 'community', 'school_district', 'pairing'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
  education_group: '教育集团',
  community: '教共体',
  school_district: '学区',
  pairing: '城乡结对帮扶',
};

/** Member roles: core/member in groups, 教共体 and 学区; helper/helped in pairings. */
export const MEMBER_ROLES = ['core', 'member', 'helper', 'helped'] as const;
export const MEMBER_ROLE_LABELS: Record<(typeof MEMBER_ROLES)[number], string> = {
  core: '核心校',
  member: '成员校',
  helper: '帮扶校',
  helped: '受援校',
};

export const GroupListQuery = PageQuery.extend({
  kind: z.enum(GROUP_KINDS).optional(),
  q: z.string().trim().max(100).optional(),
  /** Show groups and member counts as they stood on this date (default today). */
  asOf: IsoDate.optional(),
  includeDissolved: z.enum(['true', 'false']).default('false'),
});

export const GroupSummary = z.object({
  id: z.number().int(),
  kind: z.enum(GROUP_KINDS),
  name: z.string(),
  model: z.string(),
  stage: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  coreSchoolNames: z.array(z.string()),
  memberCount: z.number().int(),
});
export type GroupSummary = z.infer<typeof GroupSummary>;
export const GroupPage = pageOf(GroupSummary);

export const GroupMember = z.object({
  id: z.number().int(),
  schoolId: z.number().int(),
  schoolCode: z.string(),
  schoolName: z.string(),
  role: z.enum(MEMBER_ROLES),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type GroupMember = z.infer<typeof GroupMember>;

export const GroupDetail = GroupSummary.extend({ description: z.string(), members: z.array(GroupMember) });
export type GroupDetail = z.infer<typeof GroupDetail>;

export const GroupInput = z.object({
  kind: z.enum(GROUP_KINDS),
  name: z.string().trim().min(2, '名称至少2个字').max(100),
  model: z.string().trim().max(50).default(''),
  stage: z.enum(['preschool', 'primary', 'junior', 'senior', 'vocational', 'special', 'compulsory']).nullable().default(null),
  description: z.string().trim().max(1000).default(''),
  validFrom: IsoDate,
});
export type GroupInput = z.infer<typeof GroupInput>;

export const GroupUpdate = z.object({
  name: z.string().trim().min(2).max(100).optional(),
  model: z.string().trim().max(50).optional(),
  description: z.string().trim().max(1000).optional(),
  /** Dissolves the group from this date; open memberships end on the same date. */
  validTo: IsoDate.nullable().optional(),
});
export type GroupUpdate = z.infer<typeof GroupUpdate>;

export const AddMemberRequest = z.object({
  schoolId: z.number().int().positive(),
  role: z.enum(MEMBER_ROLES),
  validFrom: IsoDate,
});
export type AddMemberRequest = z.infer<typeof AddMemberRequest>;

export const EndMemberRequest = z.object({ validTo: IsoDate });
