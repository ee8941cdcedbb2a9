/**
 * One school's evaluation end to end through the API: self-evaluation with evidence, independent
 * on-site sheets, consolidation with disagreement flags and a lead override with a reason, review with a
 * send-back that leaves a trace, publication and the school's result; offline sync with a stale base
 * answering 409 with the server's value; then campaign statistics, the comparison with the previous
 * campaign across template versions, and the xlsx, docx and PDF exports.
 */
import { inflateRawSync } from 'node:zlib';
import type {
  CampaignDetail,
  CampaignStatistics,
  ConsolidationView,
  EvaluationDetail,
  EvaluationResultView,
  ReportJob,
  Sheet,
  SyncResult,
} from '@zhiping/contracts';
import ExcelJS from 'exceljs';
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
  SMALL_RUBRIC,
  syncSheet,
  uploadEvidence,
  walkToReview,
  type Person,
} from './evaluation-test-support.ts';
import { drainReportJobs } from './report-jobs.ts';

let t: TestApp;
let supervisor: Person;
let school: Person;
let lead: Person;
let b: Person;
let c: Person;
let templateId: number;
let ks: { id: number; name: string }[];
let campaign: CampaignDetail;

beforeAll(async () => {
  t = await createTestApp();
  supervisor = await makeUser(t, [{ role: 'district_staff', office: '督导室' }]);
  templateId = await makeSmallTemplate(supervisor.client);
  ks = await makeKindergartens(t, 3);
  school = await makeUser(
    t,
    ks.map((k) => ({ role: 'school_admin' as const, schoolId: k.id })),
  );
  lead = await makeInspector(t, '组长督学');
  b = await makeInspector(t, '督学乙');
  c = await makeInspector(t, '督学丙');
  campaign = await makeCampaign(
    supervisor.client,
    templateId,
    ks.map((k) => k.id),
  );
  await ok(
    supervisor.client.post(`/api/v1/campaigns/${campaign.id}/teams`, {
      teams: campaign.evaluations.map((e) => ({ evaluationId: e.id, inspectorIds: [lead.id, b.id, c.id], leadId: lead.id })),
    }),
  );
  const started = await ok<{ done: number }>(supervisor.client.post(`/api/v1/campaigns/${campaign.id}/start`));
  expect(started.done).toBe(3);
});
afterAll(async () => {
  await drainReportJobs();
  await t?.close();
});

const evalOf = (i: number) => campaign.evaluations.find((e) => e.schoolId === ks[i]!.id)!.id;

describe("one school's evaluation", () => {
  it('runs self-evaluation → independent scoring → consolidation with an override → review, send-back, publication', async () => {
    const id = evalOf(0);
    await syncSheet(school.client, id, 'self', fullSheet({ a: 20, level: '优', b: 30, yes: true }));
    const noEvidence = await school.client.post(`/api/v1/evaluations/${id}/transitions`, { action: 'submit_self_assessment' });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.message).toContain('佐证');
    await uploadEvidence(school.client, id, 'A1.1.1');
    const onSite = await act(school.client, id, 'submit_self_assessment');
    expect(onSite.state).toBe('on_site');
    expect(
      (
        await school.client.put(`/api/v1/evaluations/${id}/sheets/self/scores/A1.1.1`, {
          input: { kind: 'points', points: 1 },
          baseRevision: 1,
        })
      ).statusCode,
    ).toBe(409);

    // Independent scoring: nobody sees another inspector's sheet while on site.
    expect((await b.client.get(`/api/v1/evaluations/${id}/sheets/${lead.id}`)).statusCode).toBe(404);
    expect((await school.client.get(`/api/v1/evaluations/${id}/sheets/${lead.id}`)).statusCode).toBe(404);
    const leadSheet = fullSheet({ a: 18, level: '优', b: 20, yes: true, note: '园舍整洁安全' });
    leadSheet[3]!.note = '晨午检规范';
    await syncSheet(lead.client, id, 'mine', leadSheet);
    await syncSheet(b.client, id, 'mine', fullSheet({ a: 17, level: '良', b: 21, yes: true }));
    await syncSheet(c.client, id, 'mine', fullSheet({ a: 8, level: '良', b: 19.5, yes: false }));
    const early = await lead.client.post(`/api/v1/evaluations/${id}/transitions`, { action: 'submit_scores' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('未提交评分表');
    for (const p of [lead, b, c]) {
      const sheet = await ok<Sheet>(p.client.post(`/api/v1/evaluations/${id}/sheets/mine/submit`));
      expect(sheet.isEditable).toBe(false);
      expect(sheet.summary.scored).toBe(5);
    }
    expect((await b.client.post(`/api/v1/evaluations/${id}/transitions`, { action: 'submit_scores' })).statusCode).toBe(403);
    expect((await act(lead.client, id, 'submit_scores')).state).toBe('consolidation');

    const view = await ok<ConsolidationView>(lead.client.get(`/api/v1/evaluations/${id}/consolidation`));
    expect(view.isEditable).toBe(true);
    expect(view.flagged.sort()).toEqual(['A1.1.1', 'A2.1.2']);
    const a111 = view.points.find((p) => p.code === 'A1.1.1')!;
    expect(a111).toMatchObject({ min: 8, max: 18, spread: 10, isFlagged: true, rule: 'median' });
    expect(a111.proposed.points).toBe(17);
    expect(a111.scores.map((s) => s.name).sort()).toEqual(['督学丙', '督学乙', '组长督学']);
    expect(view.points.find((p) => p.code === 'A2.1.2')!.final.input).toEqual({ kind: 'yes_no', yes: true });
    // The team sees each other's sheets from consolidation on.
    expect((await b.client.get(`/api/v1/evaluations/${id}/sheets/${c.id}`)).statusCode).toBe(200);

    expect(
      (await lead.client.put(`/api/v1/evaluations/${id}/consolidation/A1.1.1`, { input: { kind: 'points', points: 16 }, reason: '' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await b.client.put(`/api/v1/evaluations/${id}/consolidation/A1.1.1`, { input: { kind: 'points', points: 16 }, reason: '复核' }))
        .statusCode,
    ).toBe(403);
    const overridden = await ok<ConsolidationView>(
      lead.client.put(`/api/v1/evaluations/${id}/consolidation/A1.1.1`, {
        input: { kind: 'points', points: 16 },
        reason: '丙督学发现围栏破损，折中扣分',
      }),
    );
    const o = overridden.points.find((p) => p.code === 'A1.1.1')!;
    expect(o.final.points).toBe(16);
    expect(o.override).toMatchObject({ reason: '丙督学发现围栏破损，折中扣分', byName: '组长督学', replaced: { points: 17 } });
    expect(overridden.preview.total).toBe(16 + 16 + 20 + 30);

    const review = await act(lead.client, id, 'submit_consolidation');
    expect(review.state).toBe('review');
    expect((await school.client.get(`/api/v1/evaluations/${id}/result`)).statusCode).toBe(404);
    expect((await ok<EvaluationDetail>(school.client.get(`/api/v1/evaluations/${id}`))).total).toBeNull();

    const noReason = await supervisor.client.post(`/api/v1/evaluations/${id}/transitions`, { action: 'send_back' });
    expect(noReason.statusCode).toBe(400);
    const back = await act(supervisor.client, id, 'send_back', '请核实晨午检记录');
    expect(back.state).toBe('consolidation');
    await act(lead.client, id, 'submit_consolidation');
    const stale = await supervisor.client.post(`/api/v1/evaluations/${id}/transitions`, {
      action: 'publish',
      expectedVersion: review.version,
    });
    expect(stale.statusCode).toBe(409);
    const published = await act(supervisor.client, id, 'publish');
    expect(published.state).toBe('published');
    expect(published.log.map((l) => [l.action, l.isSendBack])).toEqual([
      ['start', false],
      ['start_self_assessment', false],
      ['submit_self_assessment', false],
      ['submit_scores', false],
      ['submit_consolidation', false],
      ['send_back', true],
      ['submit_consolidation', false],
      ['publish', false],
    ]);
    expect(published.log.find((l) => l.isSendBack)!.note).toBe('请核实晨午检记录');

    const result = await ok<EvaluationResultView>(school.client.get(`/api/v1/evaluations/${id}/result`));
    expect(result).toMatchObject({ total: 82, band: '合格', verdict: 'pass', isPublished: true });
    expect(result.areas.map((a) => [a.code, a.points])).toEqual([
      ['A1', 32],
      ['A2', 50],
    ]);
    expect(result.problems.map((p) => p.code)).toEqual(['A2.1.1']);
    expect(result.problems[0]!.note).toBe('得分率 67%');
    expect(result.strengths.map((s) => [s.code, s.note])).toEqual([['A2.1.2', '晨午检规范']]);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(id)).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'evaluation.score.sync',
        'evaluation.sheet.submit',
        'evaluation.consolidation.override',
        'workflow.evaluation.school.send_back',
      ]),
    );
  });
});

describe('offline sync', () => {
  it('answers a stale base with 409 and the current value, replays idempotently, and reports conflicts per item', async () => {
    const id = evalOf(1);
    await syncSheet(school.client, id, 'self', fullSheet({ a: 20, level: '优', b: 30, yes: true }));
    await uploadEvidence(school.client, id, 'A1.1.1');
    await act(school.client, id, 'submit_self_assessment');
    const url = `/api/v1/evaluations/${id}/sheets/mine/scores/A1.1.1`;

    const first = await ok<{ status: string; score: { revision: number } }>(
      lead.client.put(url, { input: { kind: 'points', points: 15 }, note: '手机', baseRevision: 0 }),
    );
    expect(first).toMatchObject({ status: 'saved', score: { revision: 1 } });
    const replay = await ok<{ status: string }>(
      lead.client.put(url, { input: { kind: 'points', points: 15 }, note: '手机', baseRevision: 0 }),
    );
    expect(replay.status).toBe('unchanged');
    const tablet = await lead.client.put(url, { input: { kind: 'points', points: 12 }, note: '平板', baseRevision: 0 });
    expect(tablet.statusCode).toBe(409);
    expect(tablet.json().error.details.current).toMatchObject({
      input: { kind: 'points', points: 15 },
      note: '手机',
      revision: 1,
      points: 15,
    });
    const resolved = await ok<{ score: { revision: number; points: number } }>(
      lead.client.put(url, { input: { kind: 'points', points: 12 }, note: '平板', baseRevision: 1 }),
    );
    expect(resolved.score).toMatchObject({ revision: 2, points: 12 });
    const invalid = await lead.client.put(url, { input: { kind: 'points', points: 25 }, baseRevision: 2 });
    expect(invalid.statusCode).toBe(400);

    const batch = await ok<SyncResult>(
      lead.client.post(`/api/v1/evaluations/${id}/sheets/mine/sync`, {
        items: [
          { code: 'A1.1.1', input: { kind: 'points', points: 10 }, note: '', baseRevision: 1 },
          { code: 'A1.1.2', input: { kind: 'level', label: '良' }, note: '', baseRevision: 0 },
          { code: 'A2.1.1', input: { kind: 'level', label: '良' }, note: '', baseRevision: 0 },
          { code: 'A9', input: { kind: 'points', points: 1 }, note: '', baseRevision: 0 },
        ],
      }),
    );
    expect(batch.results.map((r) => r.status)).toEqual(['conflict', 'saved', 'invalid', 'invalid']);
    expect(batch.results[0]!.score).toMatchObject({ revision: 2, points: 12 });
    expect(batch).toMatchObject({ saved: 1, conflicts: 1 });
    const cleared = await ok<{ score: { revision: number; input: null } }>(
      lead.client.put(`/api/v1/evaluations/${id}/sheets/mine/scores/A1.1.2`, { input: null, baseRevision: 1 }),
    );
    expect(cleared.score).toMatchObject({ revision: 2, input: null });
    const sheet = await ok<Sheet>(lead.client.get(`/api/v1/evaluations/${id}/sheets/mine`));
    expect(sheet.summary.missing).toEqual(['A1.1.2', 'A2.1.1', 'A2.1.2', 'A2.1.3']);
    expect(sheet.evidenceCounts).toEqual({ 'A1.1.1': 1 });
    // The school's sheet is closed once submitted.
    expect(
      (await school.client.post(`/api/v1/evaluations/${id}/sheets/self/sync`, { items: fullSheet({ a: 1, level: '差', b: 1, yes: true }) }))
        .statusCode,
    ).toBe(409);
  });
});

/** The entries of a zip file by name. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0; n -= 1) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : data);
    p += 46 + nameLen + extra;
  }
  return out;
}

describe('campaign results', () => {
  it('publishes in bulk, ranks, compares with the previous campaign through the version mapping, and exports xlsx, docx and PDF', async () => {
    // The rest of the campaign: school 2 continues from on-site, school 3 from the start.
    const id2 = evalOf(1);
    await syncSheet(lead.client, id2, 'mine', [
      { code: 'A1.1.1', input: { kind: 'points', points: 12 }, note: '平板', baseRevision: 2 },
      { code: 'A1.1.2', input: { kind: 'level', label: '中' }, note: '', baseRevision: 2 },
      ...fullSheet({ a: 12, level: '中', b: 15, yes: false }).slice(2),
    ]);
    for (const p of [lead, b, c]) {
      if (p !== lead) await syncSheet(p.client, id2, 'mine', fullSheet({ a: 12, level: '中', b: 15, yes: false }));
      await ok(p.client.post(`/api/v1/evaluations/${id2}/sheets/mine/submit`));
    }
    await act(lead.client, id2, 'submit_scores');
    await act(lead.client, id2, 'submit_consolidation');
    await walkToReview({
      evaluationId: evalOf(2),
      school: school.client,
      team: [lead, b, c],
      sheets: [0, 1, 2].map(() => fullSheet({ a: 20, level: '优', b: 29, yes: true, veto: true })),
    });
    const bulk = await ok<{ done: number; skipped: unknown[] }>(supervisor.client.post(`/api/v1/campaigns/${campaign.id}/publish`));
    expect(bulk).toMatchObject({ done: 2 });

    // Edit the template: campaign 1 keeps v1; the next campaign runs on v2 and compares through the mapping.
    const edited = structuredClone(SMALL_RUBRIC);
    edited.nodes[1]!.children![0]!.children![0]!.title = '安全制度与应急预案';
    const saved = await ok<{ isNewVersion: boolean; template: { id: number; version: number } }>(
      supervisor.client.put(`/api/v1/evaluation-templates/${templateId}`, { definition: edited }),
    );
    expect(saved).toMatchObject({ isNewVersion: true, template: { version: 2 } });
    const next = await makeCampaign(supervisor.client, saved.template.id, [ks[0]!.id], {
      periodStart: '2027-03-01',
      periodEnd: '2027-06-30',
      selfAssessmentDue: '2027-03-31',
      onSiteDue: '2027-05-31',
      reportDue: '2027-06-20',
    });
    await ok(
      supervisor.client.put(`/api/v1/evaluations/${next.evaluations[0]!.id}/team`, {
        inspectorIds: [lead.id, b.id, c.id],
        leadId: lead.id,
      }),
    );
    await ok(supervisor.client.post(`/api/v1/campaigns/${next.id}/start`));
    await walkToReview({
      evaluationId: next.evaluations[0]!.id,
      school: school.client,
      team: [lead, b, c],
      sheets: [0, 1, 2].map(() => fullSheet({ a: 20, level: '优', b: 28, yes: true })),
    });
    await ok(supervisor.client.post(`/api/v1/campaigns/${next.id}/publish`));

    const stats = await ok<CampaignStatistics>(supervisor.client.get(`/api/v1/campaigns/${campaign.id}/statistics`));
    expect(stats).toMatchObject({ published: 3, schools: 3 });
    expect(stats.distribution.bands.map((x) => [x.label, x.count])).toEqual([
      ['优秀', 0],
      ['合格', 1],
      ['不合格', 2],
    ]);
    expect(stats.distribution.vetoed).toBe(1);
    expect(stats.ranking.map((r) => [r.schoolId, r.rank, r.isVetoed])).toEqual([
      [ks[0]!.id, 1, false],
      [ks[1]!.id, 2, false],
      [ks[2]!.id, 3, true],
    ]);
    expect(stats.weakest[0]!.code).toBe('A2.1.2');
    expect(stats.comparison).toBeNull();
    const nextStats = await ok<CampaignStatistics>(supervisor.client.get(`/api/v1/campaigns/${next.id}/statistics`));
    expect(nextStats.comparison).toMatchObject({ previousCampaign: { id: campaign.id, version: 1 }, isMapped: true, compared: 1 });
    expect(nextStats.comparison!.schools[0]).toMatchObject({ schoolId: ks[0]!.id, current: 98, previous: 82, change: 16 });
    expect((await school.client.get(`/api/v1/campaigns/${campaign.id}/statistics`)).statusCode).toBe(403);

    const xlsx = await supervisor.client.get(`/api/v1/campaigns/${campaign.id}/results.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '学校结果', '薄弱要点']);
    const rows = book.getWorksheet('学校结果')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(4);
    expect(rows[1]!.slice(1, 5)).toEqual([1, expect.any(String), ks[0]!.name, 82]);

    const docx = await school.client.get(`/api/v1/evaluations/${evalOf(0)}/report.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = unzip(docx.rawPayload).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain(ks[0]!.name);
    expect(xml).toContain('存在问题');
    expect(xml).toContain('82');

    const job = await ok<ReportJob>(school.client.post(`/api/v1/evaluations/${evalOf(0)}/report-pdf`));
    expect(['queued', 'running']).toContain(job.status);
    await drainReportJobs();
    const done = await ok<ReportJob>(school.client.get(`/api/v1/evaluations/report-jobs/${job.id}`));
    expect(done.status, done.message ?? '').toBe('done');
    expect((await supervisor.client.get(`/api/v1/evaluations/report-jobs/${job.id}`)).statusCode).toBe(404);
    const pdf = await school.client.get(`/api/v1/evaluations/report-jobs/${job.id}/file`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toMatch(/\/Type\s*\/Page[^s]/);
  }, 120_000);
});
