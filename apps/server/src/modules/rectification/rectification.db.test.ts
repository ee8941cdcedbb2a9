/**
 * Rectification items through the API: a problem of a published result becomes an item (linked back
 * from the result); the school reports progress, uploads evidence and submits; an inspector sends it
 * back (a trace in the log) and the responsible inspector verifies it; overdue and due-soon flags on
 * the list and the dashboard; who may open, see and act on items.
 */
import type {
  CampaignDetail,
  EvaluationResultView,
  RectificationDashboard,
  RectificationDetail,
  RectificationSummary,
} from '@zhiping/contracts';
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
} from '../evaluations/evaluation-test-support.ts';

let t: TestApp;
let supervisor: Person;
let school: Person;
let otherSchool: Person;
let lead: Person;
let b: Person;
let responsible: Person;
let stranger: Person;
let ks: { id: number; name: string }[];
let evaluationId: number;

beforeAll(async () => {
  t = await createTestApp();
  supervisor = await makeUser(t, [{ role: 'district_staff', office: '督导室' }]);
  ks = await makeKindergartens(t, 2);
  school = await makeUser(t, [{ role: 'school_admin', schoolId: ks[0]!.id }]);
  otherSchool = await makeUser(t, [{ role: 'school_admin', schoolId: ks[1]!.id }]);
  lead = await makeInspector(t, '组长');
  b = await makeInspector(t, '组员');
  responsible = await makeInspector(t, '责任督学');
  stranger = await makeInspector(t, '其他督学');
  await ok(
    supervisor.client.put('/api/v1/inspectors/responsibilities', { schoolId: ks[0]!.id, inspectorId: responsible.id, since: '2026-09-01' }),
  );
  const templateId = await makeSmallTemplate(supervisor.client);
  const campaign = await makeCampaign(supervisor.client, templateId, [ks[0]!.id]);
  evaluationId = (campaign as CampaignDetail).evaluations[0]!.id;
  await ok(supervisor.client.put(`/api/v1/evaluations/${evaluationId}/team`, { inspectorIds: [lead.id, b.id], leadId: lead.id }));
  await ok(supervisor.client.post(`/api/v1/campaigns/${campaign.id}/start`));
  await walkToReview({
    evaluationId,
    school: school.client,
    team: [lead, b],
    sheets: [0, 1].map(() => fullSheet({ a: 20, level: '优', b: 15, yes: true })),
  });
  await act(supervisor.client, evaluationId, 'publish');
});
afterAll(async () => {
  await t?.close();
});

const item = (p: Partial<Record<string, unknown>> = {}) => ({
  schoolId: ks[0]!.id,
  evaluationId,
  code: 'A2.1.1',
  problem: '安全制度不健全，应急预案未演练',
  requirement: '修订安全制度并组织一次应急疏散演练',
  requiredEvidence: '修订后的制度文本、演练照片和记录',
  owner: '园长 王某',
  deadline: '2026-12-20',
  ...p,
});

describe('rectification lifecycle', () => {
  it('opens an item for a problem, takes progress and evidence, and closes it after a send-back', async () => {
    expect((await school.client.post('/api/v1/rectifications', item())).statusCode).toBe(403);
    expect((await stranger.client.post('/api/v1/rectifications', item())).statusCode).toBe(403);
    expect((await lead.client.post('/api/v1/rectifications', item({ deadline: '2026-11-01' }))).statusCode).toBe(400);
    const created = await ok<RectificationDetail>(lead.client.post('/api/v1/rectifications', item()));
    expect(created).toMatchObject({ status: 'open', source: 'evaluation', isOverdue: false, daysRemaining: 28, owner: '园长 王某' });
    const result = await ok<EvaluationResultView>(school.client.get(`/api/v1/evaluations/${evaluationId}/result`));
    expect(result.problems.find((p) => p.code === 'A2.1.1')!.rectificationId).toBe(created.id);

    const url = `/api/v1/rectifications/${created.id}`;
    expect((await otherSchool.client.get(url)).statusCode).toBe(404);
    expect((await b.client.post(`${url}/progress`, { note: '已开始' })).statusCode).toBe(403);
    await ok(school.client.post(`${url}/progress`, { note: '已修订制度草案' }));
    const boundary = '----zprect';
    const upload = await school.client.inject({
      method: 'POST',
      url: `${url}/evidence`,
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="演练照片.jpg"\r\nContent-Type: image/jpeg\r\n\r\nJPEGDATA\r\n--${boundary}--\r\n`,
      ),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(upload.statusCode, upload.body).toBe(200);
    expect((await school.client.post(`${url}/transitions`, { action: 'submit' })).statusCode).toBe(400);
    expect((await responsible.client.post(`${url}/transitions`, { action: 'verify' })).statusCode).toBe(409);
    const submitted = await ok<RectificationDetail>(
      school.client.post(`${url}/transitions`, { action: 'submit', note: '制度已修订，11月20日完成演练' }),
    );
    expect(submitted).toMatchObject({ status: 'submitted', submittedOn: '2026-11-22', wasLate: false });
    expect(submitted.actions).toEqual([]);
    expect((await school.client.post(`${url}/transitions`, { action: 'verify' })).statusCode).toBe(403);
    const back = await ok<RectificationDetail>(b.client.post(`${url}/transitions`, { action: 'send_back', note: '缺少演练记录' }));
    expect(back.status).toBe('open');
    await ok(school.client.post(`${url}/transitions`, { action: 'submit', note: '补交演练记录' }));
    expect((await stranger.client.post(`${url}/transitions`, { action: 'verify' })).statusCode).toBe(404);
    const verified = await ok<RectificationDetail>(responsible.client.post(`${url}/transitions`, { action: 'verify' }));
    expect(verified).toMatchObject({ status: 'verified', verifiedOn: '2026-11-22', statusLabel: '已复核销号' });
    expect(verified.log.map((l) => [l.action, l.isSendBack, l.note])).toEqual([
      ['start', false, ''],
      ['submit', false, '制度已修订，11月20日完成演练'],
      ['send_back', true, '缺少演练记录'],
      ['submit', false, '补交演练记录'],
      ['verify', false, ''],
    ]);
    expect(verified.progress.map((p) => p.note)).toEqual(['已修订制度草案']);
    expect(verified.evidence.map((e) => e.fileName)).toEqual(['演练照片.jpg']);
    expect((await school.client.post(`${url}/progress`, { note: '再补充' })).statusCode).toBe(409);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(created.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'rectification.open',
        'rectification.progress',
        'workflow.evaluation.rectification.send_back',
        'workflow.evaluation.rectification.verify',
      ]),
    );
  });

  it('flags overdue and due-soon items on the list and the dashboard, scoped to the school', async () => {
    const late = await ok<RectificationDetail>(
      supervisor.client.post('/api/v1/rectifications', item({ code: null, evaluationId: null, problem: '食堂留样记录不全' })),
    );
    const soon = await ok<RectificationDetail>(
      responsible.client.post(
        '/api/v1/rectifications',
        item({ code: null, evaluationId: null, problem: '消防通道堆放杂物', deadline: '2026-11-25' }),
      ),
    );
    expect(soon).toMatchObject({ source: 'manual', isDueSoon: true, isOverdue: false });
    // Time passes: the deadline of the first is now behind us.
    await t.database.db.updateTable('rectification_item').set({ deadline: '2026-11-01' }).where('id', '=', late.id).execute();
    const overdue = await ok<{ items: RectificationSummary[] }>(supervisor.client.get('/api/v1/rectifications?overdue=true'));
    expect(overdue.items.map((i) => [i.id, i.isOverdue, i.daysRemaining])).toEqual([[late.id, true, -21]]);
    const dash = await ok<RectificationDashboard>(school.client.get('/api/v1/rectifications/dashboard'));
    expect(dash).toMatchObject({ open: 2, verified: 1, overdue: 1, dueSoon: 1 });
    expect(dash.schools).toEqual([{ schoolId: ks[0]!.id, schoolName: ks[0]!.name, open: 2, submitted: 0, overdue: 1 }]);
    const other = await ok<RectificationDashboard>(otherSchool.client.get('/api/v1/rectifications/dashboard'));
    expect(other).toMatchObject({ open: 0, overdue: 0, schools: [] });
    expect((await ok<{ total: number }>(otherSchool.client.get('/api/v1/rectifications'))).total).toBe(0);
    expect((await ok<{ total: number }>(stranger.client.get('/api/v1/rectifications'))).total).toBe(0);
    // An inspector on a team at the school sees the school's items (a visit opens with them).
    expect((await ok<{ total: number }>(b.client.get('/api/v1/rectifications'))).total).toBe(3);
    const unfinished = await ok<{ items: RectificationSummary[] }>(
      b.client.get(`/api/v1/rectifications?schoolId=${ks[0]!.id}&unfinished=true`),
    );
    expect(unfinished.items.map((i) => i.id).sort()).toEqual([late.id, soon.id].sort());
    // A submitted item is no longer overdue.
    await ok(school.client.post(`/api/v1/rectifications/${late.id}/transitions`, { action: 'submit', note: '已补全留样记录' }));
    const after = await ok<RectificationDetail>(school.client.get(`/api/v1/rectifications/${late.id}`));
    expect(after).toMatchObject({ status: 'submitted', isOverdue: false, wasLate: true });
  });
});
