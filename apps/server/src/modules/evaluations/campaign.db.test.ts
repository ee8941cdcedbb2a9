/**
 * Campaigns through the API: schools picked by type and street, by list, with exclusions; teams refused
 * with the reason when an inspector works at the school, left it within the lookback years or has it
 * configured as related; a balanced, conflict-free proposal applied; the schedule dated automatically
 * (no inspector twice a day) and printed.
 */
import type { CampaignDetail, CampaignSchedule, SchoolPreview, TeamProposal } from '@zhiping/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildSchool, buildStreet } from '../../../test/factories.ts';
import {
  makeCampaign,
  makeInspector,
  makeKindergartens,
  makeSmallTemplate,
  makeUser,
  ok,
  uploadEvidence,
  type Person,
} from './evaluation-test-support.ts';

let t: TestApp;
let supervisor: Person;
let templateId: number;
let s1: number;
let s2: number;
let k1: { id: number }[];
let k2: { id: number }[];
let primary: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  supervisor = await makeUser(t, [{ role: 'district_staff', office: '督导室' }]);
  templateId = await makeSmallTemplate(supervisor.client);
  s1 = await buildStreet(t.database, t.districtId);
  s2 = await buildStreet(t.database, t.districtId);
  k1 = await makeKindergartens(t, 3, s1);
  k2 = await makeKindergartens(t, 2, s2);
  primary = await buildSchool(t.database, t.districtId, { typeCode: '211', streetId: s1 });
});
afterAll(async () => {
  await t?.close();
});

describe('campaign creation', () => {
  it('picks open schools by type and street, by list, minus excluded ones', async () => {
    const preview = await ok<SchoolPreview>(supervisor.client.post('/api/v1/campaigns/preview', { typeCodes: ['111'], streetIds: [s1] }));
    expect(preview.schools.map((s) => s.id).sort()).toEqual(k1.map((k) => k.id).sort());
    const union = await ok<SchoolPreview>(
      supervisor.client.post('/api/v1/campaigns/preview', { typeCodes: ['111'], schoolIds: [primary.id], excludeSchoolIds: [k2[0]!.id] }),
    );
    expect(union.count).toBe(5);
    expect(union.schools.map((s) => s.id)).toContain(primary.id);
    expect(union.schools.map((s) => s.id)).not.toContain(k2[0]!.id);

    const c = await makeCampaign(supervisor.client, templateId, [], { selection: { typeCodes: ['111'], streetIds: [s2] } });
    expect(c.evaluations.map((e) => e.schoolId).sort()).toEqual(k2.map((k) => k.id).sort());
    expect(c.evaluations.every((e) => e.state === 'planned')).toBe(true);
    expect(c.stateCounts).toEqual({ planned: 2 });

    const none = await supervisor.client.post('/api/v1/campaigns', {
      name: '空项目',
      templateId,
      periodStart: '2026-09-01',
      periodEnd: '2026-12-31',
      selfAssessmentDue: '2026-10-15',
      onSiteDue: '2026-11-30',
      reportDue: '2026-12-20',
      selection: { typeCodes: ['342'] },
    });
    expect(none.statusCode).toBe(400);
    const badDates = await supervisor.client.post('/api/v1/campaigns', {
      name: '日期错误',
      templateId,
      periodStart: '2026-09-01',
      periodEnd: '2026-12-31',
      selfAssessmentDue: '2026-12-15',
      onSiteDue: '2026-11-30',
      reportDue: '2026-12-20',
      selection: { schoolIds: [primary.id] },
    });
    expect(badDates.statusCode).toBe(400);
    expect(badDates.json().error.issues[0].path).toBe('onSiteDue');
  });
});

describe('teams with conflict-of-interest avoidance', () => {
  let campaign: CampaignDetail;
  let inspectors: Record<string, Person>;

  beforeAll(async () => {
    campaign = await makeCampaign(
      supervisor.client,
      templateId,
      k1.map((k) => k.id),
    );
    inspectors = {
      works: await makeInspector(t, '在职督学', { schoolId: k1[0]!.id, from: '2015-09-01', until: null }),
      left: await makeInspector(t, '近期调离督学', { schoolId: k1[1]!.id, from: '2010-09-01', until: '2024-06-30' }),
      longAgo: await makeInspector(t, '早年调离督学', { schoolId: k1[2]!.id, from: '2005-09-01', until: '2019-06-30' }),
      related: await makeInspector(t, '关联督学'),
      e: await makeInspector(t, '督学戊'),
      f: await makeInspector(t, '督学己'),
    };
    await ok(
      supervisor.client.put(`/api/v1/inspectors/${inspectors.related!.id}/profile`, {
        phone: '13900000000',
        relatedSchools: [{ schoolId: k1[0]!.id, reason: '配偶任职' }],
      }),
    );
  });

  const evaluationOf = (schoolId: number) => campaign.evaluations.find((e) => e.schoolId === schoolId)!.id;

  it('refuses a team with an inspector who works there, left recently or is related, naming the reason', async () => {
    const cases: [string, number, string][] = [
      ['works', k1[0]!.id, '现任职于该校'],
      ['left', k1[1]!.id, '离校未满 3 年'],
      ['related', k1[0]!.id, '关联学校'],
    ];
    for (const [who, schoolId, reason] of cases) {
      const p = inspectors[who]!;
      const res = await supervisor.client.put(`/api/v1/evaluations/${evaluationOf(schoolId)}/team`, {
        inspectorIds: [p.id, inspectors.e!.id],
        leadId: inspectors.e!.id,
      });
      expect(res.statusCode, who).toBe(400);
      expect(res.json().error.message).toContain(reason);
      expect(res.json().error.details.conflicts[0].inspectorId).toBe(p.id);
    }
    const fine = await ok<{ team: { userId: number; isLead: boolean }[] }>(
      supervisor.client.put(`/api/v1/evaluations/${evaluationOf(k1[2]!.id)}/team`, {
        inspectorIds: [inspectors.longAgo!.id, inspectors.e!.id, inspectors.f!.id],
        leadId: inspectors.longAgo!.id,
      }),
    );
    expect(fine.team.find((m) => m.isLead)!.userId).toBe(inspectors.longAgo!.id);
    const eligible = await ok<{ items: { userId: number; conflict: string | null }[] }>(
      supervisor.client.get(`/api/v1/evaluations/${evaluationOf(k1[0]!.id)}/eligible-inspectors`),
    );
    expect(eligible.items.find((i) => i.userId === inspectors.works!.id)!.conflict).toContain('现任职');
    expect(eligible.items.find((i) => i.userId === inspectors.e!.id)!.conflict).toBeNull();
    expect(
      (
        await inspectors.e!.client.put(`/api/v1/evaluations/${evaluationOf(k1[0]!.id)}/team`, {
          inspectorIds: [inspectors.e!.id],
          leadId: inspectors.e!.id,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('proposes balanced conflict-free teams, applies them, and schedules visits without double-booking', async () => {
    const ids = Object.values(inspectors).map((p) => p.id);
    const proposal = await ok<TeamProposal>(
      supervisor.client.post(`/api/v1/campaigns/${campaign.id}/team-proposal`, { inspectorIds: ids }),
    );
    expect(proposal.unstaffed).toEqual([]);
    const teamOf = (schoolId: number) => proposal.assignments.find((a) => a.schoolId === schoolId)!.inspectorIds;
    expect(teamOf(k1[0]!.id)).not.toContain(inspectors.works!.id);
    expect(teamOf(k1[0]!.id)).not.toContain(inspectors.related!.id);
    expect(teamOf(k1[1]!.id)).not.toContain(inspectors.left!.id);
    expect(
      proposal.assignments
        .find((a) => a.schoolId === k1[0]!.id)!
        .avoided.map((a) => a.inspectorId)
        .sort(),
    ).toEqual([inspectors.works!.id, inspectors.related!.id].sort());
    const loads = proposal.loads.map((l) => l.schools);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    const saved = await ok<{ saved: number }>(
      supervisor.client.post(`/api/v1/campaigns/${campaign.id}/teams`, {
        teams: proposal.assignments.map((a) => ({ evaluationId: a.evaluationId, inspectorIds: a.inspectorIds, leadId: a.leadId })),
      }),
    );
    expect(saved.saved).toBe(3);
    const refused = await supervisor.client.post(`/api/v1/campaigns/${campaign.id}/teams`, {
      teams: [{ evaluationId: evaluationOf(k1[0]!.id), inspectorIds: [inspectors.works!.id], leadId: inspectors.works!.id }],
    });
    expect(refused.statusCode).toBe(400);

    const schedule = await ok<CampaignSchedule>(
      supervisor.client.post(`/api/v1/campaigns/${campaign.id}/schedule/auto`, { from: '2026-10-19', to: '2026-10-30' }),
    );
    expect(schedule.unscheduled).toBe(0);
    const perDay = new Map<string, string[]>();
    for (const r of schedule.rows) perDay.set(r.date!, [...(perDay.get(r.date!) ?? []), r.leadName!, ...r.memberNames]);
    for (const names of perDay.values()) expect(new Set(names).size).toBe(names.length);
    for (const r of schedule.rows) expect([0, 6]).not.toContain(new Date(`${r.date}T00:00:00Z`).getUTCDay());
    const docx = await supervisor.client.get(`/api/v1/campaigns/${campaign.id}/schedule.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const mine = await ok<CampaignSchedule>(inspectors.e!.client.get(`/api/v1/campaigns/${campaign.id}/schedule`));
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.length).toBeLessThanOrEqual(3);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['evaluation.team.set', 'evaluation.team.apply', 'evaluation.schedule.auto'])
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(['evaluation.team.set', 'evaluation.team.apply', 'evaluation.schedule.auto']),
    );
  });
});

describe('editing and deleting a campaign', () => {
  const body = (c: CampaignDetail, patch: Record<string, unknown>) => ({
    name: c.name,
    description: c.description,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    selfAssessmentDue: c.selfAssessmentDue,
    onSiteDue: c.onSiteDue,
    reportDue: c.reportDue,
    teamSize: c.teamSize,
    lookbackYears: c.lookbackYears,
    disagreementRatio: c.disagreementRatio,
    selection: c.selection,
    ...patch,
  });

  it('edits name, deadlines and school set (by street) until scoring begins, then refuses with the reason', async () => {
    const c = await makeCampaign(supervisor.client, templateId, [k1[0]!.id, k1[1]!.id]);
    expect(c.editLock).toBeNull();
    expect(c.deleteLock).toBeNull();
    const badDates = await supervisor.client.put(`/api/v1/campaigns/${c.id}`, body(c, { reportDue: '2026-11-01' }));
    expect(badDates.statusCode).toBe(400);
    const edited = await ok<CampaignDetail>(
      supervisor.client.put(
        `/api/v1/campaigns/${c.id}`,
        body(c, {
          name: '改名后的评估项目',
          onSiteDue: '2026-12-01',
          selection: { typeCodes: ['111'], streetIds: [s2], schoolIds: [k1[0]!.id], excludeSchoolIds: [] },
        }),
      ),
    );
    expect(edited.name).toBe('改名后的评估项目');
    expect(edited.onSiteDue).toBe('2026-12-01');
    expect(edited.evaluations.map((e) => e.schoolId).sort()).toEqual([k1[0]!.id, ...k2.map((k) => k.id)].sort());
    const kept = edited.evaluations.find((e) => e.schoolId === k1[0]!.id)!;
    expect(kept.id).toBe(c.evaluations.find((e) => e.schoolId === k1[0]!.id)!.id);
    expect(edited.stateCounts).toEqual({ planned: 3 });
    const removedId = c.evaluations.find((e) => e.schoolId === k1[1]!.id)!.id;
    expect((await supervisor.client.get(`/api/v1/evaluations/${removedId}`)).statusCode).toBe(404);
    const left = await t.database.db
      .selectFrom('workflow_instance')
      .select('id')
      .where('subject_type', '=', 'evaluation')
      .where('subject_id', '=', String(removedId))
      .execute();
    expect(left).toEqual([]);

    const inspector = await makeInspector(t, '无权修改的督学');
    expect((await inspector.client.put(`/api/v1/campaigns/${c.id}`, body(edited, { name: '督学改名' }))).statusCode).toBe(403);
    expect((await inspector.client.delete(`/api/v1/campaigns/${c.id}`)).statusCode).toBe(403);
    expect((await supervisor.client.put('/api/v1/campaigns/999999', body(edited, {}))).statusCode).toBe(404);

    await t.database.db
      .insertInto('evaluation_score')
      .values({
        evaluation_id: kept.id,
        inspector_id: null,
        code: 'A1.1.1',
        input: JSON.stringify({ kind: 'points', points: 10 }),
        points: 10,
        updated_by_name: '学校',
      })
      .execute();
    const locked = await ok<CampaignDetail>(supervisor.client.get(`/api/v1/campaigns/${c.id}`));
    expect(locked.editLock).toContain('开始评分');
    expect(locked.deleteLock).toContain('开始评分');
    const refused = await supervisor.client.put(`/api/v1/campaigns/${c.id}`, body(edited, { name: '评分后改名' }));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('不能再修改');
    const refusedDelete = await supervisor.client.delete(`/api/v1/campaigns/${c.id}`);
    expect(refusedDelete.statusCode).toBe(409);
    expect((await ok<CampaignDetail>(supervisor.client.get(`/api/v1/campaigns/${c.id}`))).name).toBe('改名后的评估项目');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('action', '=', 'evaluation.campaign.update')
      .where('entity_id', '=', String(c.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('新增 2 所、移出 1 所学校');
  });

  it('deletes a campaign without scores; refuses when evidence was uploaded, and refuses to drop that school', async () => {
    const gone = await makeCampaign(supervisor.client, templateId, [k2[0]!.id]);
    expect(await ok<{ deleted: boolean }>(supervisor.client.delete(`/api/v1/campaigns/${gone.id}`))).toEqual({ deleted: true });
    expect((await supervisor.client.get(`/api/v1/campaigns/${gone.id}`)).statusCode).toBe(404);
    expect((await supervisor.client.delete(`/api/v1/campaigns/${gone.id}`)).statusCode).toBe(404);
    const deleted = await t.database.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'evaluation.campaign.delete')
      .where('entity_id', '=', String(gone.id))
      .executeTakeFirstOrThrow();
    expect(deleted.summary).toContain(gone.name);

    const c = await makeCampaign(supervisor.client, templateId, [k2[0]!.id, k2[1]!.id]);
    await ok(supervisor.client.post(`/api/v1/campaigns/${c.id}/start`));
    const admin = await makeUser(t, [{ role: 'school_admin', schoolId: k2[0]!.id }]);
    await uploadEvidence(admin.client, c.evaluations.find((e) => e.schoolId === k2[0]!.id)!.id, 'A1.1.1');
    const detail = await ok<CampaignDetail>(supervisor.client.get(`/api/v1/campaigns/${c.id}`));
    expect(detail.editLock).toBeNull();
    expect(detail.deleteLock).toContain('佐证材料');
    expect((await supervisor.client.delete(`/api/v1/campaigns/${c.id}`)).statusCode).toBe(409);
    const drop = await supervisor.client.put(`/api/v1/campaigns/${c.id}`, body(detail, { selection: { schoolIds: [k2[1]!.id] } }));
    expect(drop.statusCode).toBe(409);
    expect(drop.json().error.message).toContain('已上传自评佐证材料');
    const renamed = await ok<CampaignDetail>(supervisor.client.put(`/api/v1/campaigns/${c.id}`, body(detail, { name: '仍可改名' })));
    expect(renamed.name).toBe('仍可改名');
    expect(renamed.stateCounts).toEqual({ self_assessment: 2 });
  });
});
