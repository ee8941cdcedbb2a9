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
import { makeCampaign, makeInspector, makeKindergartens, makeSmallTemplate, makeUser, ok, type Person } from './evaluation-test-support.ts';

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
