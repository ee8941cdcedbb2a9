/**
 * Expert teams and pairing (专家团队结对帮扶): expert teachers grouped in a team, each paired with a rural
 * school (城乡分类 2xx) or a weak school chosen by hand with a reason; visits and the help given; and what
 * changed at the helped school — its indicator values in the pairing's first school year and the latest,
 * read from the indicator engine (indicators module), never recomputed here.
 */
import type {
  ExpertTeamInput,
  IndicatorChange,
  Page,
  TeamDetail,
  TeamEndInput,
  TeamListQuery,
  TeamSummary,
  TeamVisitInput,
} from '@zhiping/contracts';
import { PAIRING_REASON_LABELS, VISIT_KIND_LABELS } from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { toValueDto } from '../indicators/indicator.mapper.ts';
import { loadYear, schoolValuesOf } from '../indicators/indicator.service.ts';
import { findYearsWithStats } from '../indicators/indicator.repository.ts';
import { findSchoolFacts, findTeacherFacts, isRuralCode, teacherRef, urbanRuralLabel } from './growth-lookup.ts';
import { growthAccess, requireGrowthReader, requireManager, type GrowthAccess } from './growth.policy.ts';
import * as repo from './team.repository.ts';

/** The summary of a team row. */
export function toTeamSummary(r: repo.TeamRow): TeamSummary {
  return {
    id: r.id,
    name: r.name,
    lead: { id: r.lead_teacher_id, name: r.lead_name, schoolId: r.lead_school_id, schoolName: r.lead_school_name, subject: r.lead_subject },
    pairedSchool: {
      id: r.paired_school_id,
      name: r.school_name,
      urbanRuralCode: r.urban_rural_code,
      urbanRuralLabel: urbanRuralLabel(r.urban_rural_code),
      isRural: isRuralCode(r.urban_rural_code),
    },
    pairingReason: r.pairing_reason,
    pairingReasonLabel: PAIRING_REASON_LABELS[r.pairing_reason],
    startedOn: r.started_on,
    endedOn: r.ended_on,
    members: Number(r.members),
    visits: Number(r.visits),
    lastVisitOn: r.last_visit_on,
  };
}

/** A page of teams (growth readers; a school administrator sees every team, as the pairing is public). */
export async function listTeams(ctx: ServiceContext, query: TeamListQuery): Promise<Page<TeamSummary>> {
  requireGrowthReader(growthAccess(ctx.actor));
  const { total, rows } = await repo.findTeamPage(ctx.db, query, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  return { items: rows.map(toTeamSummary), total, page: query.page, pageSize: query.pageSize };
}

/** Every team matching the filters (for the xlsx export). */
export async function listAllTeams(ctx: ServiceContext, query: Omit<TeamListQuery, 'page' | 'pageSize'>): Promise<TeamSummary[]> {
  requireGrowthReader(growthAccess(ctx.actor));
  return (await repo.findTeams(ctx.db, query)).map(toTeamSummary);
}

function canManageTeam(access: GrowthAccess, leadTeacherId: number): boolean {
  return access.isManager || (access.teacherId !== null && access.teacherId === leadTeacherId);
}

/** The school year a date falls in (学年 starting 1 September). */
function schoolYearOf(date: string): number {
  const y = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 9 ? y : y - 1;
}

/** The helped school's values in the pairing's first school year (or the nearest later one with data) and the latest. */
export async function indicatorChangeOf(
  ctx: Pick<ServiceContext, 'db'>,
  schoolId: number,
  startedOn: string,
): Promise<{ change: IndicatorChange | null; note: string | null }> {
  const years = await findYearsWithStats(ctx.db);
  if (years.length === 0) return { change: null, note: '尚无学年统计数据，无法比较帮扶前后的指标' };
  const latest = years[0]!;
  const start = schoolYearOf(startedOn);
  const from = [...years].reverse().find((y) => y >= start) ?? null;
  if (from === null || from === latest)
    return { change: null, note: `结对始于 ${start} 学年，尚无之后的学年数据可供比较（最新 ${latest} 学年）` };
  const [before, after] = await Promise.all([loadYear(ctx.db, from), loadYear(ctx.db, latest)]);
  const b = schoolValuesOf(before.model, schoolId).map(toValueDto);
  const a = schoolValuesOf(after.model, schoolId).map(toValueDto);
  if (a.length === 0 && b.length === 0) return { change: null, note: '该校没有可计算的指标' };
  const key = (v: { code: string; stage: string | null }) => `${v.code}|${v.stage ?? ''}`;
  const beforeBy = new Map(b.map((v) => [key(v), v]));
  const rows = a
    .filter((v) => v.value !== null || beforeBy.get(key(v))?.value != null)
    .map((v) => {
      const p = beforeBy.get(key(v));
      return {
        code: v.code,
        name: v.name,
        stage: v.stage,
        unit: v.unit,
        before: p?.display ?? null,
        after: v.display,
        beforeValue: p?.value ?? null,
        afterValue: v.value,
      };
    });
  return { change: { fromYear: from, toYear: latest, rows }, note: null };
}

async function loadTeam(ctx: ServiceContext, id: number) {
  const access = growthAccess(ctx.actor);
  requireGrowthReader(access);
  const [row] = await repo.findTeams(ctx.db, { ids: [id] });
  if (!row) throw notFound('专家团队');
  return { access, row };
}

/** One team with members, visits and the helped school's indicator change. */
export async function getTeam(ctx: ServiceContext, id: number): Promise<TeamDetail> {
  const { access, row } = await loadTeam(ctx, id);
  const [memberIds, visits, change] = await Promise.all([
    repo.findMemberIds(ctx.db, id),
    repo.findVisits(ctx.db, id),
    indicatorChangeOf(ctx, row.paired_school_id, row.started_on),
  ]);
  const facts = await findTeacherFacts(ctx.db, [row.lead_teacher_id, ...memberIds]);
  const ordered = [row.lead_teacher_id, ...memberIds.filter((m) => m !== row.lead_teacher_id)];
  return {
    ...toTeamSummary(row),
    focus: row.focus,
    weakReason: row.weak_reason,
    memberList: ordered
      .map((m) => facts.get(m))
      .filter((t) => t !== undefined)
      .map((t) => ({ ...teacherRef(t), title: t.title, isLead: t.id === row.lead_teacher_id })),
    visitList: visits.map((v) => ({
      id: v.id,
      visitedOn: v.visited_on,
      kind: v.kind,
      kindLabel: VISIT_KIND_LABELS[v.kind],
      content: v.content,
      participants: v.participants,
      outcome: v.outcome,
      createdBy: v.created_by_name,
    })),
    indicatorChange: change.change,
    indicatorNote: change.note,
    canManage: canManageTeam(access, row.lead_teacher_id),
  };
}

/** Creates a team paired with a school (教师科); a rural pairing needs a rural school, a weak one a reason. */
export async function createTeam(ctx: ServiceContext, input: ExpertTeamInput): Promise<TeamDetail> {
  requireManager(growthAccess(ctx.actor), '专家团队');
  const school = (await findSchoolFacts(ctx.db, [input.pairedSchoolId])).get(input.pairedSchoolId);
  if (!school) throw invalid('pairedSchoolId', '结对学校不存在或已撤销');
  if (input.pairingReason === 'rural' && !isRuralCode(school.urban_rural_code))
    throw invalid(
      'pairingReason',
      `${school.name}的城乡分类为“${urbanRuralLabel(school.urban_rural_code)}”，不是农村学校；请按薄弱学校结对并说明原因`,
    );
  const memberIds = [...new Set([input.leadTeacherId, ...input.memberIds])];
  const facts = await findTeacherFacts(ctx.db, memberIds);
  for (const m of memberIds) if (!facts.get(m)?.is_active) throw invalid('memberIds', `教师（编号 ${m}）不存在或已离职`);
  const inSchool = memberIds.find((m) => facts.get(m)!.school_id === input.pairedSchoolId);
  if (inSchool !== undefined) throw invalid('memberIds', `${facts.get(inSchool)!.name}是结对学校本校教师，不能作为帮扶专家`);
  const id = await inTransaction(ctx, async (tx) => {
    const teamId = await repo.insertTeam(
      tx.db,
      {
        name: input.name,
        lead_teacher_id: input.leadTeacherId,
        paired_school_id: input.pairedSchoolId,
        pairing_reason: input.pairingReason,
        weak_reason: input.pairingReason === 'weak' ? input.weakReason : '',
        started_on: input.startedOn,
        focus: input.focus,
        created_by_name: tx.actor.displayName,
      },
      memberIds,
    );
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.team.create',
      entityType: 'growth_expert_team',
      entityId: teamId,
      schoolId: input.pairedSchoolId,
      summary: `组建专家团队“${input.name}”（${memberIds.length} 人），结对${PAIRING_REASON_LABELS[input.pairingReason]}${school.name}`,
      after: input,
    });
    return teamId;
  });
  return getTeam(ctx, id);
}

/** Records a visit (the team's lead or the 教师科). */
export async function addVisit(ctx: ServiceContext, id: number, input: TeamVisitInput): Promise<TeamDetail> {
  const { access, row } = await loadTeam(ctx, id);
  if (!canManageTeam(access, row.lead_teacher_id)) throw new AppError('FORBIDDEN', { userMessage: '帮扶记录由团队负责人或区教师科填写' });
  if (input.visitedOn > ctx.clock.today()) throw invalid('visitedOn', '帮扶日期不能晚于今天');
  if (input.visitedOn < row.started_on) throw invalid('visitedOn', '帮扶日期早于结对开始日期');
  await inTransaction(ctx, async (tx) => {
    // The end is read under the team's lock, so a pairing ended meanwhile (endTeam) is respected.
    const endedOn = await repo.lockTeam(tx.db, id);
    if (endedOn !== null && input.visitedOn > endedOn) throw invalid('visitedOn', `结对已于 ${endedOn} 结束，不能记录之后的帮扶`);
    const visitId = await repo.insertVisit(tx.db, {
      team_id: id,
      visited_on: input.visitedOn,
      kind: input.kind,
      content: input.content,
      participants: input.participants,
      outcome: input.outcome,
      created_by_name: tx.actor.displayName,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.team.visit',
      entityType: 'growth_team_visit',
      entityId: visitId,
      schoolId: row.paired_school_id,
      summary: `专家团队“${row.name}”赴${row.school_name}${VISIT_KIND_LABELS[input.kind]}（${input.visitedOn}）`,
      after: input,
    });
  });
  return getTeam(ctx, id);
}

/**
 * Ends a pairing on a date (教师科): not before it started or its last recorded visit, not in the future
 * (a team is current until it has ended), and only once. Its visits and indicator comparison stay.
 */
export async function endTeam(ctx: ServiceContext, id: number, input: TeamEndInput): Promise<TeamDetail> {
  const { access, row } = await loadTeam(ctx, id);
  requireManager(access, '专家团队');
  if (input.endedOn > ctx.clock.today()) throw invalid('endedOn', '结束日期不能晚于今天');
  if (input.endedOn < row.started_on) throw invalid('endedOn', `结束日期早于结对开始日期（${row.started_on}）`);
  await inTransaction(ctx, async (tx) => {
    const endedOn = await repo.lockTeam(tx.db, id);
    if (endedOn !== null) throw invalid('endedOn', `该结对已于 ${endedOn} 结束`);
    const last = (await repo.findVisits(tx.db, id))
      .map((v) => v.visited_on)
      .sort()
      .pop();
    if (last !== undefined && last > input.endedOn) throw invalid('endedOn', `结束日期早于最后一次帮扶（${last}）`);
    await repo.endTeam(tx.db, id, input.endedOn);
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.team.end',
      entityType: 'growth_expert_team',
      entityId: id,
      schoolId: row.paired_school_id,
      summary: `专家团队“${row.name}”与${row.school_name}的结对于 ${input.endedOn} 结束`,
      before: { endedOn: null },
      after: input,
    });
  });
  return getTeam(ctx, id);
}
