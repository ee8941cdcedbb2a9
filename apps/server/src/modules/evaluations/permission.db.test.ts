/**
 * Permission scoping of supervision: a school sees only its own evaluations, results, reports and
 * evidence (others answer 404); an inspector scores only where they are on the team; a responsible
 * inspector reads their school's published result but not the sheets; district staff read everything
 * and manage nothing unless they are the 督导室; a teacher has no access.
 */
import type { CampaignDetail, EvaluationPage } from '@zhiping/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import {
  act,
  fullSheet,
  makeCampaign,
  makeInspector,
  makeKindergartens,
  makeSmallTemplate,
  makeUser,
  ok,
  walkToReview,
  type Person,
} from './evaluation-test-support.ts';

let t: TestApp;
let supervisor: Person;
let staff: Person;
let teacher: Person;
let schoolA: Person;
let schoolB: Person;
let x: Person;
let y: Person;
let z: Person;
let responsibleB: Person;
let campaign: CampaignDetail;
let evA: number;
let evB: number;

beforeAll(async () => {
  t = await createTestApp();
  supervisor = await makeUser(t, [{ role: 'district_staff', office: '督导室' }]);
  staff = await makeUser(t, [{ role: 'district_staff', office: '教师科' }]);
  const [a, b] = await makeKindergartens(t, 2);
  teacher = await makeUser(t, [{ role: 'teacher', schoolId: a!.id }]);
  schoolA = await makeUser(t, [{ role: 'school_admin', schoolId: a!.id }]);
  schoolB = await makeUser(t, [{ role: 'school_admin', schoolId: b!.id }]);
  x = await makeInspector(t, '督学甲');
  y = await makeInspector(t, '督学乙');
  z = await makeInspector(t, '督学丙');
  responsibleB = await makeInspector(t, '责任督学');
  await ok(
    supervisor.client.put('/api/v1/inspectors/responsibilities', { schoolId: b!.id, inspectorId: responsibleB.id, since: '2026-09-01' }),
  );
  campaign = await makeCampaign(supervisor.client, await makeSmallTemplate(supervisor.client), [a!.id, b!.id]);
  evA = campaign.evaluations.find((e) => e.schoolId === a!.id)!.id;
  evB = campaign.evaluations.find((e) => e.schoolId === b!.id)!.id;
  await ok(supervisor.client.put(`/api/v1/evaluations/${evA}/team`, { inspectorIds: [x.id, y.id], leadId: x.id }));
  await ok(supervisor.client.put(`/api/v1/evaluations/${evB}/team`, { inspectorIds: [z.id], leadId: z.id }));
  expect((await staff.client.post(`/api/v1/campaigns/${campaign.id}/start`)).statusCode).toBe(403);
  await ok(supervisor.client.post(`/api/v1/campaigns/${campaign.id}/start`));
  // School A stays in self-evaluation; school B is published.
  await walkToReview({
    evaluationId: evB,
    school: schoolB.client,
    team: [z],
    sheets: [fullSheet({ a: 15, level: '良', b: 25, yes: true })],
  });
  await act(supervisor.client, evB, 'publish');
});
afterAll(async () => {
  await t?.close();
});

const ids = (page: EvaluationPage) => page.items.map((i) => i.id);

describe('supervision scoping', () => {
  it('shows a school only its own evaluation, result, report and evidence', async () => {
    expect(ids(await ok<EvaluationPage>(schoolA.client.get('/api/v1/evaluations')))).toEqual([evA]);
    const detail = await ok<CampaignDetail>(schoolA.client.get(`/api/v1/campaigns/${campaign.id}`));
    expect(detail.evaluations.map((e) => e.id)).toEqual([evA]);
    expect(detail.schoolCount).toBe(1);
    for (const url of [
      `/api/v1/evaluations/${evB}`,
      `/api/v1/evaluations/${evB}/result`,
      `/api/v1/evaluations/${evB}/report.docx`,
      `/api/v1/evaluations/${evB}/sheets/self`,
      `/api/v1/evaluations/${evB}/evidence`,
      `/api/v1/evaluations/${evB}/consolidation`,
    ])
      expect((await schoolA.client.get(url)).statusCode, url).toBe(404);
    expect((await schoolA.client.post(`/api/v1/evaluations/${evB}/transitions`, { action: 'publish' })).statusCode).toBe(404);
    expect((await schoolA.client.get(`/api/v1/campaigns/${campaign.id}/statistics`)).statusCode).toBe(403);
    // A school reads its own published result, never the inspectors' sheets or the consolidation.
    expect((await schoolB.client.get(`/api/v1/evaluations/${evB}/result`)).statusCode).toBe(200);
    expect((await schoolB.client.get(`/api/v1/evaluations/${evB}/sheets/${z.id}`)).statusCode).toBe(404);
    expect((await schoolB.client.get(`/api/v1/evaluations/${evB}/consolidation`)).statusCode).toBe(404);
    expect((await teacher.client.get('/api/v1/evaluations')).statusCode).toBe(403);
    expect((await teacher.client.get('/api/v1/rectifications')).statusCode).toBe(403);
  });

  it("lets an inspector score only on their own team, and a responsible inspector read their school's result", async () => {
    expect(ids(await ok<EvaluationPage>(x.client.get('/api/v1/evaluations')))).toEqual([evA]);
    expect(ids(await ok<EvaluationPage>(z.client.get('/api/v1/evaluations?mine=true')))).toEqual([evB]);
    expect((await x.client.get(`/api/v1/evaluations/${evB}`)).statusCode).toBe(404);
    expect(
      (
        await x.client.put(`/api/v1/evaluations/${evB}/sheets/mine/scores/A1.1.1`, {
          input: { kind: 'points', points: 1 },
          baseRevision: 0,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await z.client.put(`/api/v1/evaluations/${evA}/sheets/mine/scores/A1.1.1`, {
          input: { kind: 'points', points: 1 },
          baseRevision: 0,
        })
      ).statusCode,
    ).toBe(404);
    // School A is still in self-evaluation: inspectors cannot score yet, and the school can.
    expect(
      (
        await x.client.put(`/api/v1/evaluations/${evA}/sheets/mine/scores/A1.1.1`, {
          input: { kind: 'points', points: 1 },
          baseRevision: 0,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await schoolA.client.put(`/api/v1/evaluations/${evA}/sheets/self/scores/A1.1.1`, {
          input: { kind: 'points', points: 19 },
          baseRevision: 0,
        })
      ).statusCode,
    ).toBe(200);

    expect(ids(await ok<EvaluationPage>(responsibleB.client.get('/api/v1/evaluations')))).toEqual([evB]);
    const result = await ok<{ total: number }>(responsibleB.client.get(`/api/v1/evaluations/${evB}/result`));
    expect(result.total).toBe(15 + 16 + 25 + 30);
    expect((await responsibleB.client.get(`/api/v1/evaluations/${evB}/sheets/${z.id}`)).statusCode).toBe(404);
    expect((await responsibleB.client.get(`/api/v1/evaluations/${evB}/consolidation`)).statusCode).toBe(404);
    expect((await responsibleB.client.get(`/api/v1/evaluations/${evA}`)).statusCode).toBe(404);
  });

  it('lets other district staff read everything but manage nothing', async () => {
    expect(ids(await ok<EvaluationPage>(staff.client.get(`/api/v1/evaluations?campaignId=${campaign.id}`))).sort()).toEqual(
      [evA, evB].sort(),
    );
    expect((await staff.client.get(`/api/v1/evaluations/${evB}/consolidation`)).statusCode).toBe(200);
    expect((await staff.client.get(`/api/v1/campaigns/${campaign.id}/statistics`)).statusCode).toBe(200);
    expect((await staff.client.post(`/api/v1/evaluations/${evA}/transitions`, { action: 'cancel', note: '测试' })).statusCode).toBe(403);
    expect((await staff.client.put(`/api/v1/evaluations/${evA}/team`, { inspectorIds: [y.id], leadId: y.id })).statusCode).toBe(403);
    expect(
      (await staff.client.put('/api/v1/inspectors/responsibilities', { schoolId: 1, inspectorId: x.id, since: '2026-09-01' })).statusCode,
    ).toBe(403);
  });
});
