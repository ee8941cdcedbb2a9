/**
 * Inspector teams with conflict-of-interest avoidance (回避): an inspector never evaluates the school
 * they work at, one they left within the campaign's lookback years (teacher_assignment history of the
 * linked teacher record), or one configured as related. Proposals balance load across inspectors,
 * counting unfinished evaluations of other campaigns. A conflicted team is refused with the reason.
 */
import type { ApplyTeamsRequest, EvaluationDetail, ProposalRequest, TeamInput, TeamProposal } from '@zhiping/contracts';
import { checkInspectorConflict, proposeAssignments } from '@zhiping/domain';
import { type z } from 'zod';
import { type EligibleInspectors } from '@zhiping/contracts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext, type TxContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { loadInspectorsForAssignment, type InspectorForAssignment } from '../inspectors/inspector.service.ts';
import { accessOf, loadCampaignEvaluations, loadEvaluation, type LoadedEvaluation } from './evaluation-access.ts';
import { requireSupervisor } from './evaluation.policy.ts';
import * as repo from './evaluation.repository.ts';
import { getEvaluation } from './evaluation.service.ts';

/** States in which the team may still change. */
const TEAM_STATES = new Set(['planned', 'self_assessment', 'on_site']);

function requireTeamState(ev: LoadedEvaluation): void {
  if (!TEAM_STATES.has(ev.row.state))
    throw new AppError('INVALID_STATE', { userMessage: `${ev.row.school_name}已进入合议或更后阶段，不能再调整评估组` });
}

/** The conflicts of a team with the evaluation's school; VALIDATION_FAILED naming each inspector and reason. */
function assertNoConflicts(
  ev: LoadedEvaluation,
  team: { inspectorIds: number[] },
  inspectors: InspectorForAssignment[],
  asOf: string,
): void {
  const byId = new Map(inspectors.map((i) => [i.userId, i] as const));
  const unknown = team.inspectorIds.filter((id) => !byId.has(id));
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', {
      userMessage: `用户 ${unknown.join('、')} 不是督学或已停用`,
      issues: [{ path: 'inspectorIds', message: '不是督学或已停用' }],
    });
  const conflicts = team.inspectorIds.flatMap((id) => {
    const i = byId.get(id)!;
    const reason = checkInspectorConflict(i.profile, String(ev.row.school_id), { asOf, lookbackYears: ev.row.lookback_years });
    return reason ? [{ inspectorId: id, name: i.name, reason }] : [];
  });
  if (conflicts.length > 0)
    throw new AppError('VALIDATION_FAILED', {
      userMessage: `${ev.row.school_name}：${conflicts.map((c) => `${c.name}${c.reason}`).join('；')}`,
      issues: conflicts.map((c) => ({ path: 'inspectorIds', message: `${c.name}：${c.reason}` })),
      details: { conflicts },
    });
}

async function writeTeam(tx: TxContext, ev: LoadedEvaluation, team: TeamInput): Promise<void> {
  await repo.replaceTeam(
    tx.db,
    ev.row.id,
    team.inspectorIds.map((id) => ({ inspectorId: id, isLead: id === team.leadId })),
  );
}

/** Sets one school's team after the conflict check (督导室, audited). */
export async function setTeam(ctx: ServiceContext, evaluationId: number, team: TeamInput): Promise<EvaluationDetail> {
  const access = await accessOf(ctx);
  requireSupervisor(access, '评估组');
  const ev = await loadEvaluation(ctx, evaluationId, access);
  requireTeamState(ev);
  const inspectors = await loadInspectorsForAssignment(ctx.db, ctx.clock.today(), team.inspectorIds);
  assertNoConflicts(ev, team, inspectors, ctx.clock.today());
  await inTransaction(ctx, async (tx) => {
    await writeTeam(tx, ev, team);
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.team.set',
      entityType: 'evaluation',
      entityId: evaluationId,
      schoolId: ev.row.school_id,
      summary: `${ev.row.school_name}评估组：${inspectors
        .filter((i) => team.inspectorIds.includes(i.userId))
        .map((i) => `${i.name}${i.userId === team.leadId ? '（组长）' : ''}`)
        .join('、')}`,
      before: ev.team.map((t) => ({ inspectorId: t.inspector_id, isLead: t.is_lead })),
      after: team,
    });
  });
  return getEvaluation(ctx, evaluationId);
}

/** Inspectors with their conflict for the evaluation's school and their load (督导室). */
export async function listEligibleInspectors(ctx: ServiceContext, evaluationId: number): Promise<z.infer<typeof EligibleInspectors>> {
  const access = await accessOf(ctx);
  requireSupervisor(access, '评估组');
  const ev = await loadEvaluation(ctx, evaluationId, access);
  const today = ctx.clock.today();
  const [inspectors, loads] = await Promise.all([loadInspectorsForAssignment(ctx.db, today), repo.findInspectorLoads(ctx.db)]);
  return {
    items: inspectors.map((i) => ({
      userId: i.userId,
      name: i.name,
      conflict: checkInspectorConflict(i.profile, String(ev.row.school_id), { asOf: today, lookbackYears: ev.row.lookback_years }),
      load: loads.get(i.userId) ?? 0,
    })),
  };
}

/** Proposes balanced, conflict-free teams for the campaign's schools whose team may still change (nothing is saved). */
export async function proposeTeams(ctx: ServiceContext, campaignId: number, request: ProposalRequest): Promise<TeamProposal> {
  const access = await accessOf(ctx);
  requireSupervisor(access, '评估组');
  const evs = (await loadCampaignEvaluations(ctx, campaignId, access)).filter((e) => TEAM_STATES.has(e.row.state));
  if (evs.length === 0) throw notFound('可指派评估组的学校');
  const today = ctx.clock.today();
  const [inspectors, loads] = await Promise.all([
    loadInspectorsForAssignment(ctx.db, today, request.inspectorIds),
    repo.findInspectorLoads(ctx.db, campaignId),
  ]);
  const names = new Map(inspectors.map((i) => [String(i.userId), i.name] as const));
  const proposal = proposeAssignments(
    evs.map((e) => ({ id: String(e.row.school_id) })),
    inspectors.map((i) => i.profile),
    {
      asOf: today,
      lookbackYears: evs[0]!.row.lookback_years,
      teamSize: evs[0]!.row.team_size,
      ...(request.maxSchoolsPerInspector ? { maxSchoolsPerInspector: request.maxSchoolsPerInspector } : {}),
      initialLoads: Object.fromEntries([...loads].map(([id, n]) => [String(id), n])),
    },
  );
  const evOf = new Map(evs.map((e) => [String(e.row.school_id), e] as const));
  const avoided = (list: { inspectorId: string; reason: string }[]) =>
    list.map((a) => ({ inspectorId: Number(a.inspectorId), name: names.get(a.inspectorId) ?? a.inspectorId, reason: a.reason }));
  return {
    assignments: proposal.assignments.map((a) => {
      const ev = evOf.get(a.schoolId)!;
      return {
        evaluationId: ev.row.id,
        schoolId: ev.row.school_id,
        schoolName: ev.row.school_name,
        inspectorIds: a.inspectorIds.map(Number),
        leadId: Number(a.inspectorIds[0]),
        names: a.inspectorIds.map((id) => names.get(id) ?? id),
        avoided: avoided(a.avoided),
      };
    }),
    unstaffed: proposal.unstaffed.map((u) => {
      const ev = evOf.get(u.schoolId)!;
      return {
        evaluationId: ev.row.id,
        schoolId: ev.row.school_id,
        schoolName: ev.row.school_name,
        reason: u.reason,
        avoided: avoided(u.avoided),
      };
    }),
    loads: proposal.loads.map((l) => ({
      inspectorId: Number(l.inspectorId),
      name: names.get(l.inspectorId) ?? l.inspectorId,
      schools: l.schools,
    })),
  };
}

/** Saves many teams at once (a reviewed proposal); every team is checked for conflicts; all or nothing. */
export async function applyTeams(ctx: ServiceContext, campaignId: number, request: ApplyTeamsRequest): Promise<{ saved: number }> {
  const access = await accessOf(ctx);
  requireSupervisor(access, '评估组');
  const evs = new Map((await loadCampaignEvaluations(ctx, campaignId, access)).map((e) => [e.row.id, e] as const));
  const today = ctx.clock.today();
  const inspectors = await loadInspectorsForAssignment(ctx.db, today);
  const teams = request.teams.map((t) => {
    const ev = evs.get(t.evaluationId);
    if (!ev) throw notFound(`评估 ${t.evaluationId}`);
    if (!t.inspectorIds.includes(t.leadId))
      throw new AppError('VALIDATION_FAILED', { userMessage: `${ev.row.school_name}：组长须是评估组成员` });
    requireTeamState(ev);
    assertNoConflicts(ev, t, inspectors, today);
    return { ev, team: t };
  });
  await inTransaction(ctx, async (tx) => {
    for (const { ev, team } of teams) await writeTeam(tx, ev, team);
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.team.apply',
      entityType: 'evaluation_campaign',
      entityId: campaignId,
      summary: `批量指派评估组：${teams.length} 所学校`,
      after: request.teams,
    });
  });
  return { saved: teams.length };
}
