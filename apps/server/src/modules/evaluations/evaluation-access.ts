/**
 * Loading one evaluation for a use case: the caller's access (with their responsible schools when they
 * are an inspector), the evaluation if visible (404 otherwise), its team, the caller's capacities and
 * the template version it is scored on.
 */
import type { RubricTemplate } from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { responsibleSchoolIdsOf } from '../inspectors/inspector.service.ts';
import { capacitiesFor, evaluationAccess, requireSupervisionReader, type Capacity, type EvaluationAccess } from './evaluation.policy.ts';
import * as repo from './evaluation.repository.ts';
import { loadTemplate } from './template.service.ts';

/** The caller's access to supervision data. */
export async function accessOf(ctx: Pick<ServiceContext, 'db' | 'actor'>): Promise<EvaluationAccess> {
  const isInspector = ctx.actor.grants.some((g) => g.role === 'inspector');
  const access = evaluationAccess(ctx.actor, isInspector ? await responsibleSchoolIdsOf(ctx.db, ctx.actor.userId) : []);
  requireSupervisionReader(access);
  return access;
}

/** One evaluation as a use case sees it. */
export interface LoadedEvaluation {
  access: EvaluationAccess;
  row: repo.EvaluationRowData;
  team: repo.TeamRow[];
  capacities: Capacity[];
  template: RubricTemplate;
}

/** Loads a visible evaluation with its team, the caller's capacities and its template; NOT_FOUND when out of reach. */
export async function loadEvaluation(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  id: number,
  access?: EvaluationAccess,
): Promise<LoadedEvaluation> {
  const a = access ?? (await accessOf(ctx));
  const row = await repo.findEvaluation(ctx.db, a, id);
  if (!row) throw notFound('评估');
  const team = (await repo.findTeams(ctx.db, [id])).get(id) ?? [];
  const capacities = capacitiesFor(
    a,
    row.school_id,
    team.map((t) => ({ inspectorId: t.inspector_id, isLead: t.is_lead })),
  );
  return { access: a, row, team, capacities, template: await loadTemplate(ctx.db, row.template_id) };
}

/** The template of an evaluation without access checks (internal use after loading). */
export function templateOfEvaluation(db: Kysely<DB>, templateId: number): Promise<RubricTemplate> {
  return loadTemplate(db, templateId);
}

/** Every visible evaluation of a campaign loaded at once (teams in one query, one template). */
export async function loadCampaignEvaluations(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  campaignId: number,
  access?: EvaluationAccess,
): Promise<LoadedEvaluation[]> {
  const a = access ?? (await accessOf(ctx));
  const rows = await repo.findEvaluations(ctx.db, a, { campaignId });
  if (rows.length === 0) return [];
  const teams = await repo.findTeams(
    ctx.db,
    rows.map((r) => r.id),
  );
  const template = await loadTemplate(ctx.db, rows[0]!.template_id);
  return rows.map((row) => {
    const team = teams.get(row.id) ?? [];
    const seats = team.map((t) => ({ inspectorId: t.inspector_id, isLead: t.is_lead }));
    return { access: a, row, team, capacities: capacitiesFor(a, row.school_id, seats), template };
  });
}

/** School, state and team of an evaluation without access checks (for other supervision areas' policies). */
export async function findEvaluationFacts(
  db: Kysely<DB>,
  evaluationId: number,
): Promise<{ schoolId: number; state: string; templateId: number; team: { inspectorId: number; isLead: boolean }[] } | null> {
  const district = {
    userId: null,
    isDistrictReader: true,
    isSupervisor: false,
    adminSchoolIds: [],
    isInspector: false,
    responsibleSchoolIds: [],
  };
  const row = await repo.findEvaluation(db, district, evaluationId);
  if (!row) return null;
  const team = (await repo.findTeams(db, [evaluationId])).get(evaluationId) ?? [];
  return {
    schoolId: row.school_id,
    state: row.state,
    templateId: row.template_id,
    team: team.map((t) => ({ inspectorId: t.inspector_id, isLead: t.is_lead })),
  };
}
