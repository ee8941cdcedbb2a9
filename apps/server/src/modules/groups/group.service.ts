/**
 * School organisations: education groups, 教共体, 学区 and urban–rural pairings, with dated
 * memberships. A school belongs to at most one group of each kind at a time (pairings excepted).
 */
import {
  GROUP_KIND_LABELS,
  MEMBER_ROLE_LABELS,
  type AddMemberRequest,
  type GroupDetail,
  type GroupInput,
  type GroupSummary,
  type GroupUpdate,
  type Page,
} from '@zhiping/contracts';
import type { z } from 'zod';
import type { GroupListQuery } from '@zhiping/contracts';
import { requirePermission, scopeFor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import * as repo from './group.repository.ts';

const ROLES_BY_KIND: Record<GroupInput['kind'], readonly (keyof typeof MEMBER_ROLE_LABELS)[]> = {
  education_group: ['core', 'member'],
  community: ['core', 'member'],
  school_district: ['core', 'member'],
  pairing: ['helper', 'helped'],
};

function requireDistrictWriter(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'base:write');
  if (scopeFor(ctx.actor, 'base:write').kind !== 'district')
    throw new AppError('FORBIDDEN', { userMessage: '集团、教共体、学区和结对由区级用户维护' });
}

/** A page of groups as they stood on a date. */
export async function listGroups(ctx: ServiceContext, query: z.infer<typeof GroupListQuery>): Promise<Page<GroupSummary>> {
  scopeFor(ctx.actor, 'base:read');
  const asOf = query.asOf ?? ctx.clock.today();
  const { total, rows } = await repo.findGroupPage(
    ctx.db,
    { kind: query.kind, q: query.q, asOf, includeDissolved: query.includeDissolved === 'true' },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const cores = await repo.findCoreSchoolNames(
    ctx.db,
    rows.map((r) => r.id),
    asOf,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      model: r.model,
      stage: r.stage,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      coreSchoolNames: cores.get(r.id) ?? [],
      memberCount: Number(r.member_count ?? 0),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One group with its membership history. */
export async function getGroup(ctx: ServiceContext, id: number): Promise<GroupDetail> {
  scopeFor(ctx.actor, 'base:read');
  const g = await repo.findGroup(ctx.db, id);
  if (!g) throw notFound('组织');
  const today = ctx.clock.today();
  const members = await repo.findMembers(ctx.db, id);
  const current = members.filter((m) => m.valid_from <= today && (!m.valid_to || m.valid_to > today));
  return {
    id: g.id,
    kind: g.kind,
    name: g.name,
    model: g.model,
    stage: g.stage,
    validFrom: g.valid_from,
    validTo: g.valid_to,
    description: g.description,
    coreSchoolNames: current.filter((m) => m.role === 'core' || m.role === 'helper').map((m) => m.school_name),
    memberCount: current.length,
    members: members.map((m) => ({
      id: m.id,
      schoolId: m.school_id,
      schoolCode: m.school_code,
      schoolName: m.school_name,
      role: m.role,
      validFrom: m.valid_from,
      validTo: m.valid_to,
    })),
  };
}

/** Creates a group. */
export async function createGroup(ctx: ServiceContext, input: GroupInput): Promise<GroupDetail> {
  requireDistrictWriter(ctx);
  const id = await inTransaction(ctx, async (tx) => {
    const newId = await repo.insertGroup(tx.db, {
      kind: input.kind,
      name: input.name,
      model: input.model,
      stage: input.stage,
      description: input.description,
      valid_from: input.validFrom,
      valid_to: null,
    });
    await recordAudit(tx.db, ctx.actor, {
      action: 'group.create',
      entityType: 'school_group',
      entityId: newId,
      summary: `新建${GROUP_KIND_LABELS[input.kind]}“${input.name}”`,
      after: input,
    });
    return newId;
  });
  return getGroup(ctx, id);
}

/** Renames or dissolves a group (dissolving ends its open memberships on the same date). */
export async function updateGroup(ctx: ServiceContext, id: number, input: GroupUpdate): Promise<GroupDetail> {
  requireDistrictWriter(ctx);
  const g = await repo.findGroup(ctx.db, id);
  if (!g) throw notFound('组织');
  if (input.validTo && input.validTo <= g.valid_from) throw invalid('validTo', `撤销日期须晚于成立日期 ${g.valid_from}`);
  await inTransaction(ctx, async (tx) => {
    await repo.updateGroup(tx.db, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.model !== undefined ? { model: input.model } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.validTo !== undefined ? { valid_to: input.validTo } : {}),
      updated_at: ctx.clock.now(),
    });
    if (input.validTo) await repo.endOpenMembers(tx.db, id, input.validTo);
    await recordAudit(tx.db, ctx.actor, {
      action: input.validTo ? 'group.dissolve' : 'group.update',
      entityType: 'school_group',
      entityId: id,
      summary: input.validTo ? `撤销“${g.name}”（自 ${input.validTo} 起）` : `修改“${g.name}”`,
      before: { name: g.name, model: g.model, description: g.description, valid_to: g.valid_to },
      after: input,
    });
  });
  return getGroup(ctx, id);
}

/** Adds a school to a group from a date. */
export async function addMember(ctx: ServiceContext, groupId: number, input: AddMemberRequest): Promise<GroupDetail> {
  requireDistrictWriter(ctx);
  const g = await repo.findGroup(ctx.db, groupId);
  if (!g) throw notFound('组织');
  if (!ROLES_BY_KIND[g.kind].includes(input.role))
    throw invalid(
      'role',
      `${GROUP_KIND_LABELS[g.kind]}的成员角色只能是${ROLES_BY_KIND[g.kind].map((r) => MEMBER_ROLE_LABELS[r]).join('或')}`,
    );
  if (input.validFrom < g.valid_from || (g.valid_to && input.validFrom >= g.valid_to))
    throw invalid('validFrom', '加入日期须在该组织的存续期内');
  const school = await repo.findSchoolName(ctx.db, input.schoolId);
  if (!school) throw invalid('schoolId', '学校不存在');
  const overlaps = await repo.findOverlappingMemberships(ctx.db, input.schoolId, g.kind, input.validFrom, g.valid_to);
  const clash = g.kind === 'pairing' ? overlaps.filter((o) => o.group_id === groupId) : overlaps;
  if (clash.length > 0) {
    throw new AppError('CONFLICT', {
      userMessage: `${school.name} 在该时段已属于${GROUP_KIND_LABELS[g.kind]}“${clash[0]!.name}”，请先办理退出`,
    });
  }
  await inTransaction(ctx, async (tx) => {
    await repo.insertMember(tx.db, {
      group_id: groupId,
      school_id: input.schoolId,
      role: input.role,
      valid_from: input.validFrom,
      valid_to: g.valid_to,
    });
    await recordAudit(tx.db, ctx.actor, {
      action: 'group.member.add',
      entityType: 'school_group',
      entityId: groupId,
      schoolId: input.schoolId,
      summary: `${school.name} 自 ${input.validFrom} 加入“${g.name}”（${MEMBER_ROLE_LABELS[input.role]}）`,
      after: input,
    });
  });
  return getGroup(ctx, groupId);
}

/** Ends a school's membership on a date (history kept). */
export async function endMember(ctx: ServiceContext, groupId: number, memberId: number, validTo: string): Promise<GroupDetail> {
  requireDistrictWriter(ctx);
  const g = await repo.findGroup(ctx.db, groupId);
  const m = g ? await repo.findMember(ctx.db, groupId, memberId) : undefined;
  if (!g || !m) throw notFound('成员');
  if (validTo <= m.valid_from) throw invalid('validTo', `退出日期须晚于加入日期 ${m.valid_from}`);
  if (m.valid_to && validTo > m.valid_to) throw invalid('validTo', `退出日期不能晚于原定结束日期 ${m.valid_to}`);
  await inTransaction(ctx, async (tx) => {
    await repo.endMember(tx.db, memberId, validTo);
    await recordAudit(tx.db, ctx.actor, {
      action: 'group.member.end',
      entityType: 'school_group',
      entityId: groupId,
      schoolId: m.school_id,
      summary: `成员退出“${g.name}”（自 ${validTo} 起）`,
      before: { valid_to: m.valid_to },
      after: { valid_to: validTo },
    });
  });
  return getGroup(ctx, groupId);
}
