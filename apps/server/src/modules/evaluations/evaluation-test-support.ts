/**
 * Helpers shared by the supervision database tests: a small rubric (two areas, five check points of
 * every method incl. a veto), kindergartens, inspectors linked to teacher records, signed-in clients,
 * a campaign with teams, and walking an evaluation to a given step through the API.
 */
import type { CampaignDetail, EvaluationDetail, RubricDefinition, SyncRequest } from '@zhiping/contracts';
import { expect } from 'vitest';
import { createUser, signIn, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildSchool } from '../../../test/factories.ts';
import { insertTeacher } from '../indicators/indicator-test-support.ts';

/** A 100-point rubric: A1 (40: points 20 with evidence, levels 20), A2 (60: points 30, yes/no 30, veto). */
export const SMALL_RUBRIC: RubricDefinition = {
  name: '测试幼儿园评估',
  scale: 100,
  passRule: 'bands',
  bands: [
    { label: '优秀', minTotal: 90, areaMinimums: { A1: 32, A2: 48 }, isPassing: true },
    { label: '合格', minTotal: 60, areaMinimums: { A1: 20, A2: 30 }, isPassing: true },
    { label: '不合格', minTotal: 0, isPassing: false },
  ],
  nodes: [
    {
      kind: 'area',
      code: 'A1',
      title: '办园条件',
      maxPoints: 40,
      children: [
        {
          kind: 'indicator',
          code: 'A1.1',
          title: '园舍设施',
          maxPoints: 40,
          children: [
            {
              kind: 'checkpoint',
              code: 'A1.1.1',
              title: '园舍安全',
              maxPoints: 20,
              method: { kind: 'points', min: 0, max: 20, step: 1 },
              requiresEvidence: true,
            },
            {
              kind: 'checkpoint',
              code: 'A1.1.2',
              title: '玩教具',
              maxPoints: 20,
              method: {
                kind: 'levels',
                levels: [
                  { label: '优', points: 20 },
                  { label: '良', points: 16 },
                  { label: '中', points: 12 },
                  { label: '差', points: 6 },
                ],
              },
            },
          ],
        },
      ],
    },
    {
      kind: 'area',
      code: 'A2',
      title: '安全卫生',
      maxPoints: 60,
      children: [
        {
          kind: 'indicator',
          code: 'A2.1',
          title: '安全管理',
          maxPoints: 60,
          children: [
            {
              kind: 'checkpoint',
              code: 'A2.1.1',
              title: '安全制度',
              maxPoints: 30,
              method: { kind: 'points', min: 0, max: 30, step: 0.5 },
            },
            { kind: 'checkpoint', code: 'A2.1.2', title: '晨午检', maxPoints: 30, method: { kind: 'yes_no', yesPoints: 30, noPoints: 0 } },
            {
              kind: 'checkpoint',
              code: 'A2.1.3',
              title: '无重大安全责任事故',
              maxPoints: 0,
              method: { kind: 'yes_no', yesPoints: 0, noPoints: 0 },
              isVeto: true,
            },
          ],
        },
      ],
    },
  ],
};

/** A full sheet for the small rubric with the given points (levels snap to 优/良/中/差). */
export function fullSheet(p: { a: number; level: string; b: number; yes: boolean; veto?: boolean; note?: string }): SyncRequest['items'] {
  return [
    { code: 'A1.1.1', input: { kind: 'points', points: p.a }, note: p.note ?? '', baseRevision: 0 },
    { code: 'A1.1.2', input: { kind: 'level', label: p.level }, note: '', baseRevision: 0 },
    { code: 'A2.1.1', input: { kind: 'points', points: p.b }, note: '', baseRevision: 0 },
    { code: 'A2.1.2', input: { kind: 'yes_no', yes: p.yes }, note: p.yes ? '' : '晨检记录缺失', baseRevision: 0 },
    { code: 'A2.1.3', input: { kind: 'yes_no', yes: p.veto !== true }, note: '', baseRevision: 0 },
  ];
}

/** A signed-in user. */
export interface Person {
  id: number;
  client: TestClient;
}

let seq = 0;

/** An inspector; with `workedAt`, linked to a teacher record with that history (school, until; null = still there). */
export async function makeInspector(
  t: TestApp,
  name: string,
  workedAt?: { schoolId: number; from: string; until: string | null },
): Promise<Person> {
  let teacherId: number | null = null;
  if (workedAt) {
    teacherId = await insertTeacher(t.database, {
      schoolId: workedAt.schoolId,
      name,
      from: workedAt.from,
      isActive: workedAt.until === null,
    });
    if (workedAt.until !== null)
      await t.database.db.updateTable('teacher_assignment').set({ valid_to: workedAt.until }).where('teacher_id', '=', teacherId).execute();
  }
  const u = await createUser(t.database, [{ role: 'inspector' }], { username: `insp${++seq}_${Date.now() % 100000}`, teacherId });
  await t.database.db.updateTable('app_user').set({ display_name: name }).where('id', '=', u.id).execute();
  return { id: u.id, client: await signIn(t.app, u.username) };
}

/** A user with grants, signed in. */
export async function makeUser(t: TestApp, grants: Parameters<typeof createUser>[1]): Promise<Person> {
  const u = await createUser(t.database, grants);
  return { id: u.id, client: await signIn(t.app, u.username) };
}

/** Kindergartens (type 111) named 测试幼儿园1… */
export async function makeKindergartens(t: TestApp, n: number, streetId: number | null = null) {
  const out = [];
  for (let i = 0; i < n; i += 1)
    out.push(await buildSchool(t.database, t.districtId, { typeCode: '111', name: `测试幼儿园${++seq}`, streetId }));
  return out;
}

/** Expects a 200 and returns the JSON body. */
export async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>): Promise<T> {
  const r = await res;
  if (r.statusCode !== 200) throw new Error(`expected 200, got ${r.statusCode}: ${r.body}`);
  return r.json() as T;
}

/** The small rubric copied from a built-in template and saved; returns its template id. */
export async function makeSmallTemplate(supervisor: TestClient, name = '测试幼儿园评估'): Promise<number> {
  const list = await ok<{ items: { id: number; family: string }[] }>(supervisor.get('/api/v1/evaluation-templates'));
  const builtIn = list.items.find((i) => i.family === 'kindergarten-conduct')!;
  const copy = await ok<{ id: number }>(supervisor.post(`/api/v1/evaluation-templates/${builtIn.id}/copy`, { name }));
  await ok(supervisor.put(`/api/v1/evaluation-templates/${copy.id}`, { definition: { ...SMALL_RUBRIC, name } }));
  return copy.id;
}

/** A campaign over the given schools on a template (period 2026-09-01 … 2026-12-31). */
export async function makeCampaign(
  supervisor: TestClient,
  templateId: number,
  schoolIds: number[],
  extra: Record<string, unknown> = {},
): Promise<CampaignDetail> {
  return ok<CampaignDetail>(
    supervisor.post('/api/v1/campaigns', {
      name: `测试评估项目${++seq}`,
      templateId,
      periodStart: '2026-09-01',
      periodEnd: '2026-12-31',
      selfAssessmentDue: '2026-10-15',
      onSiteDue: '2026-11-30',
      reportDue: '2026-12-20',
      teamSize: 3,
      selection: { schoolIds },
      ...extra,
    }),
  );
}

/** Takes a workflow action through the API and returns the detail. */
export async function act(client: TestClient, evaluationId: number, action: string, note?: string): Promise<EvaluationDetail> {
  return ok<EvaluationDetail>(client.post(`/api/v1/evaluations/${evaluationId}/transitions`, { action, ...(note ? { note } : {}) }));
}

/** Uploads a small evidence file for a check point. */
export async function uploadEvidence(client: TestClient, evaluationId: number, code: string): Promise<void> {
  const boundary = '----zpev' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="证明.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.from('%PDF-1.4 test evidence'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await client.inject({
    method: 'POST',
    url: `/api/v1/evaluations/${evaluationId}/evidence?code=${code}`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** Syncs a sheet ('self' or 'mine') and expects every item saved. */
export async function syncSheet(
  client: TestClient,
  evaluationId: number,
  sheet: 'self' | 'mine',
  items: SyncRequest['items'],
): Promise<void> {
  const r = await ok<{ saved: number; results: { status: string; message: string | null }[] }>(
    client.post(`/api/v1/evaluations/${evaluationId}/sheets/${sheet}/sync`, { items }),
  );
  expect(
    r.results.filter((x) => x.status !== 'saved' && x.status !== 'unchanged'),
    JSON.stringify(r.results),
  ).toEqual([]);
}

/** Walks a started evaluation to review: self-evaluation with evidence, each inspector's sheet, end of on-site, consolidation. */
export async function walkToReview(p: {
  evaluationId: number;
  school: TestClient;
  /** Lead first. */
  team: Person[];
  sheets: SyncRequest['items'][];
}): Promise<EvaluationDetail> {
  await syncSheet(p.school, p.evaluationId, 'self', fullSheet({ a: 20, level: '优', b: 30, yes: true }));
  await uploadEvidence(p.school, p.evaluationId, 'A1.1.1');
  await act(p.school, p.evaluationId, 'submit_self_assessment');
  for (const [i, member] of p.team.entries()) {
    await syncSheet(member.client, p.evaluationId, 'mine', p.sheets[i]!);
    await ok(member.client.post(`/api/v1/evaluations/${p.evaluationId}/sheets/mine/submit`));
  }
  await act(p.team[0]!.client, p.evaluationId, 'submit_scores');
  return act(p.team[0]!.client, p.evaluationId, 'submit_consolidation');
}
