/**
 * Evaluation benchmark: a campaign of N schools × T inspectors × C check points brought to the end of
 * the on-site phase through the real services (campaign, proposed teams, self-evaluations, sheets), then
 * timed: one plain read of the inspectors' score rows (the baseline), the consolidation of every school
 * (each lead's step: consolidate, aggregate, store the result, log the transition) and the publication
 * of the campaign, on a fresh embedded PGlite in a temporary folder, or on a fresh database of the
 * PostgreSQL server at DATABASE_URL. Prints times and the ratio of consolidate + publish to the plain
 * read in the same run. Prints figures only; nothing is asserted.
 *
 *   npx tsx bench/evaluations/run.ts [--schools 500] [--inspectors 3] [--checkpoints 200] [--memory]
 *   DATABASE_URL=postgres://user@host:5432/postgres npx tsx bench/evaluations/run.ts
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RubricDefinition } from '@zhiping/contracts';
import { sql } from 'kysely';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { freshDatabase } from '../shared/fresh-database.ts';
import { applyTeams, proposeTeams } from '../../apps/server/src/modules/evaluations/assignment.service.ts';
import { createCampaign, publishCampaign, startCampaign } from '../../apps/server/src/modules/evaluations/campaign.service.ts';
import { demoRandom } from '../../apps/server/src/modules/evaluations/demo-random.ts';
import { loadCampaignEvaluations, type LoadedEvaluation } from '../../apps/server/src/modules/evaluations/evaluation-access.ts';
import { markTeamsSubmitted } from '../../apps/server/src/modules/evaluations/evaluation.repository.ts';
import { runSteps } from '../../apps/server/src/modules/evaluations/evaluation-steps.ts';
import { insertScoreRows } from '../../apps/server/src/modules/evaluations/scoring.repository.ts';
import { copyTemplate, listTemplates, saveTemplate } from '../../apps/server/src/modules/evaluations/template.service.ts';
import { ensureDistrict } from '../../apps/server/src/modules/setup/bootstrap.service.ts';
import { inTransaction, systemActor, systemClock, type ServiceContext, type TxContext } from '../../apps/server/src/platform/context.ts';
import { createFieldCrypto } from '../../apps/server/src/platform/crypto.ts';

/** The value of `--name N`, or the default. */
function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

const SCHOOLS = numberArg('schools', 500);
const TEAM = numberArg('inspectors', 3);
const CHECKPOINTS = numberArg('checkpoints', 200);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** Times a step (wall clock). */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t = performance.now();
  const result = await fn();
  return { ms: performance.now() - t, result };
}

/** A 1000-point rubric of 10 areas × 4 indicators with the check points spread over them (5 points each, step 0.5). */
function benchRubric(checkpoints: number): RubricDefinition {
  const areas = 10;
  const perIndicator = Math.ceil(checkpoints / (areas * 4));
  let left = checkpoints;
  const nodes = Array.from({ length: areas }, (_, a) => {
    const indicators = Array.from({ length: 4 }, (_, i) => {
      const n = Math.max(1, Math.min(perIndicator, left - (areas * 4 - (a * 4 + i) - 1)));
      left -= n;
      return {
        kind: 'indicator' as const,
        code: `A${a + 1}.${i + 1}`,
        title: `指标${a + 1}.${i + 1}`,
        maxPoints: n * 5,
        children: Array.from({ length: n }, (_, c) => ({
          kind: 'checkpoint' as const,
          code: `A${a + 1}.${i + 1}.${c + 1}`,
          title: `要点${a + 1}.${i + 1}.${c + 1}`,
          maxPoints: 5,
          method: { kind: 'points' as const, min: 0, max: 5, step: 0.5 },
        })),
      };
    });
    const max = indicators.reduce((s, x) => s + x.maxPoints, 0);
    return { kind: 'area' as const, code: `A${a + 1}`, title: `领域${a + 1}`, maxPoints: max, children: indicators };
  });
  const scale = nodes.reduce((s, a) => s + a.maxPoints, 0);
  return {
    name: `基准测试模板（${checkpoints} 个要点）`,
    scale,
    passRule: 'bands',
    bands: [
      { label: '优秀', minTotal: scale * 0.9, isPassing: true },
      { label: '合格', minTotal: scale * 0.75, isPassing: true },
      { label: '不合格', minTotal: 0, isPassing: false },
    ],
    nodes,
  };
}

/** Schools (kindergartens) and inspectors straight into the tables: setup, not measured. */
async function seedPeople(ctx: ServiceContext, districtId: number): Promise<void> {
  for (let i = 0; i < SCHOOLS; i += 1000) {
    const n = Math.min(1000, SCHOOLS - i);
    const ids = await ctx.db
      .insertInto('school')
      .values(
        Array.from({ length: n }, (_, k) => ({
          code: String(3_600_000_000 + i + k),
          district_id: districtId,
          opened_on: '2000-09-01',
          closed_on: null,
        })),
      )
      .returning('id')
      .execute();
    await ctx.db
      .insertInto('school_version')
      .values(
        ids.map((s, k) => ({
          school_id: s.id,
          valid_from: '2000-09-01',
          valid_to: null,
          name: `基准测试幼儿园${i + k}`,
          type_code: '111',
          sponsor: 'public' as const,
          is_inclusive: false,
          urban_rural_code: '111',
          street_id: null,
          address: '',
          longitude: null,
          latitude: null,
        })),
      )
      .execute();
  }
  const inspectors = Math.max(TEAM * 4, Math.ceil((SCHOOLS * TEAM) / 25));
  const users = await ctx.db
    .insertInto('app_user')
    .values(
      Array.from({ length: inspectors }, (_, i) => ({
        username: `bench_duxue${i}`,
        display_name: `督学${i}`,
        password_hash: 'x',
        teacher_id: null,
        locked_until: null,
        last_login_at: null,
      })),
    )
    .returning('id')
    .execute();
  await ctx.db
    .insertInto('role_grant')
    .values(users.map((u) => ({ user_id: u.id, role: 'inspector', office: null, school_id: null, granted_by: null })))
    .execute();
}

/** Every school's self-evaluation and each inspector's sheet, scored around a school level (setup). */
function scoreRows(evs: LoadedEvaluation[], codes: string[]) {
  const rng = demoRandom(7);
  const rows: Parameters<typeof insertScoreRows>[1] = [];
  for (const ev of evs) {
    const level = 3 + 2 * rng.next();
    for (const code of codes)
      rows.push({
        evaluationId: ev.row.id,
        inspectorId: null,
        code,
        input: { kind: 'points', points: 5 },
        points: 5,
        note: '',
        byName: 'bench',
      });
    for (const t of ev.team)
      for (const code of codes) {
        const p = Math.min(5, Math.max(0, Math.round((level + rng.gauss() * 0.8) * 2) / 2));
        rows.push({
          evaluationId: ev.row.id,
          inspectorId: t.inspector_id,
          code,
          input: { kind: 'points', points: p },
          points: p,
          note: p < 2.5 ? '存在问题' : '',
          byName: t.name,
        });
      }
  }
  return rows;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiping-bench-evaluations-'));
  const { database, label, drop } = await freshDatabase(dir);
  try {
    await migrateToLatest(database.db);
    const ctx: ServiceContext = {
      db: database.db,
      actor: systemActor('bench'),
      clock: systemClock,
      crypto: createFieldCrypto(randomBytes(32).toString('hex')),
    };
    const districtId = await ensureDistrict(database.db, { code: '500199', name: '示例区' });
    const setup = await timed(async () => {
      await seedPeople(ctx, districtId);
      const builtIn = (await listTemplates(ctx)).find((t) => t.family === 'kindergarten-conduct')!;
      const copy = await copyTemplate(ctx, builtIn.id, { name: '基准测试模板' });
      const definition = benchRubric(CHECKPOINTS);
      const saved = await saveTemplate(ctx, copy.id, definition);
      const campaign = await createCampaign(ctx, {
        name: '基准测试评估项目',
        description: '',
        templateId: saved.template.id,
        periodStart: '2026-09-01',
        periodEnd: '2026-12-31',
        selfAssessmentDue: '2026-10-15',
        onSiteDue: '2026-11-30',
        reportDue: '2026-12-20',
        teamSize: TEAM,
        lookbackYears: 3,
        disagreementRatio: 0.2,
        selection: { typeCodes: ['111'], streetIds: [], schoolIds: [], excludeSchoolIds: [] },
      });
      const proposal = await proposeTeams(ctx, campaign.id, {});
      await applyTeams(ctx, campaign.id, {
        teams: proposal.assignments.map((a) => ({ evaluationId: a.evaluationId, inspectorIds: a.inspectorIds, leadId: a.leadId })),
      });
      await startCampaign(ctx, campaign.id);
      let evs = await loadCampaignEvaluations(ctx, campaign.id);
      const codes = evs[0]!.template.nodes.flatMap((a) => a.children!.flatMap((i) => i.children!.map((c) => c.code)));
      await insertScoreRows(database.db, scoreRows(evs, codes));
      await inTransaction(ctx, async (tx) => {
        await runSteps(
          tx,
          evs.map((e) => ({ ...e, capacities: ['school_admin'] })),
          'submit_self_assessment',
        );
        await markTeamsSubmitted(
          tx.db,
          evs.map((e) => e.row.id),
          tx.clock.now(),
        );
      });
      evs = await loadCampaignEvaluations(ctx, campaign.id);
      await inTransaction(ctx, (tx) =>
        runSteps(
          tx,
          evs.map((e) => ({ ...e, capacities: ['inspector', 'lead_inspector'] })),
          'submit_scores',
        ),
      );
      await sql`ANALYZE`.execute(database.db);
      return { campaignId: campaign.id, rows: codes.length * SCHOOLS * TEAM };
    });
    const { campaignId, rows } = setup.result;
    console.log(`database: ${label}`);
    console.log(
      `setup: ${SCHOOLS} schools × ${TEAM} inspectors × ${CHECKPOINTS} check points = ${rows} inspector score rows, in ${seconds(setup.ms)} s`,
    );

    const read = await timed(async () => {
      const r = await sql<{ evaluation_id: number; inspector_id: number; code: string; input: unknown; points: number; note: string }>`
        select s.evaluation_id, s.inspector_id, s.code, s.input, s.points, s.note from evaluation_score s
        join evaluation e on e.id = s.evaluation_id where e.campaign_id = ${campaignId} and s.inspector_id is not null`.execute(
        database.db,
      );
      return r.rows.length;
    });
    const evs = await loadCampaignEvaluations(ctx, campaignId);
    const leads = new Map(evs.map((e) => [e.row.id, e.team.find((t) => t.is_lead)!] as const));
    const consolidate = await timed(() =>
      inTransaction(ctx, (tx) =>
        runSteps(
          tx,
          evs.map((e) => ({ ...e, capacities: ['inspector', 'lead_inspector'] })),
          'submit_consolidation',
          (e): TxContext => ({
            ...tx,
            actor: {
              ...tx.actor,
              userId: leads.get(e.row.id)!.inspector_id,
              username: leads.get(e.row.id)!.name,
              displayName: leads.get(e.row.id)!.name,
            },
          }),
        ),
      ),
    );
    const publish = await timed(() => publishCampaign(ctx, campaignId));
    const published = await database.db
      .selectFrom('evaluation_result as r')
      .innerJoin('evaluation as e', 'e.id', 'r.evaluation_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('e.campaign_id', '=', campaignId)
      .where('r.published_at', 'is not', null)
      .executeTakeFirstOrThrow();

    const both = consolidate.ms + publish.ms;
    console.log(`plain read of the ${read.result} score rows: ${seconds(read.ms)} s`);
    console.log(`consolidate ${SCHOOLS} schools (results stored, ${SCHOOLS} transitions): ${seconds(consolidate.ms)} s`);
    console.log(
      `publish the campaign (${publish.result.done} transitions): ${seconds(publish.ms)} s; published results: ${Number(published.n)}`,
    );
    console.log(`consolidate + publish: ${seconds(both)} s = ${(both / read.ms).toFixed(1)}× the plain read`);
  } finally {
    await database.close();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
