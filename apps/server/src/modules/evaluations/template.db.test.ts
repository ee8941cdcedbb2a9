/**
 * Rubric templates through the API: built-ins listed and refused for editing, a district copy edited in
 * place while unused, a new version once a campaign uses it (the campaign stays on its version), the
 * default mapping between versions, a refined mapping saved and a wrong one refused.
 */
import type { CampaignDetail, TemplateDetail, TemplateSaveResult, TemplateSummary, VersionMappingView } from '@zhiping/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { makeCampaign, makeKindergartens, makeUser, ok, SMALL_RUBRIC, type Person } from './evaluation-test-support.ts';

let t: TestApp;
let supervisor: Person;
let staff: Person;

beforeAll(async () => {
  t = await createTestApp();
  supervisor = await makeUser(t, [{ role: 'district_staff', office: '督导室' }]);
  staff = await makeUser(t, [{ role: 'district_staff', office: '教师科' }]);
});
afterAll(async () => {
  await t?.close();
});

const list = async () => (await ok<{ items: TemplateSummary[] }>(supervisor.client.get('/api/v1/evaluation-templates'))).items;

describe('rubric templates', () => {
  it('lists the five built-in templates and refuses to edit one', async () => {
    const items = await list();
    const builtIns = items.filter((i) => i.isBuiltIn);
    expect(builtIns.map((b) => b.family)).toEqual(
      expect.arrayContaining(['kindergarten-conduct', 'kindergarten-care-quality', 'school-quality', 'responsible-inspector-visit']),
    );
    expect(builtIns).toHaveLength(5);
    const k = builtIns.find((b) => b.family === 'kindergarten-conduct')!;
    expect(k.scale).toBe(1000);
    const detail = await ok<TemplateDetail>(supervisor.client.get(`/api/v1/evaluation-templates/${k.id}`));
    expect(detail.problems).toEqual([]);
    expect(detail.isEditableInPlace).toBe(false);
    const res = await supervisor.client.put(`/api/v1/evaluation-templates/${k.id}`, { definition: SMALL_RUBRIC });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('先复制');
    // Listing twice does not store the built-ins twice.
    expect((await list()).filter((i) => i.isBuiltIn)).toHaveLength(5);
  });

  it('copies, edits in place while unused, versions on edit after use, and keeps the campaign on its version', async () => {
    const k = (await list()).find((i) => i.family === 'kindergarten-conduct')!;
    expect((await staff.client.post(`/api/v1/evaluation-templates/${k.id}/copy`, { name: '本区幼儿园办园行为评估' })).statusCode).toBe(403);
    const copy = await ok<TemplateDetail>(
      supervisor.client.post(`/api/v1/evaluation-templates/${k.id}/copy`, { name: '本区幼儿园办园行为评估' }),
    );
    expect(copy).toMatchObject({
      family: 'kindergarten-conduct-local',
      version: 1,
      isBuiltIn: false,
      copiedFrom: { family: 'kindergarten-conduct', version: 1 },
    });
    expect(copy.checkpointCount).toBe(k.checkpointCount);

    const bad = await supervisor.client.put(`/api/v1/evaluation-templates/${copy.id}`, {
      definition: { ...SMALL_RUBRIC, scale: 120 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { message: string }) => i.message)
        .join(),
    ).toContain('应等于 120');

    const inPlace = await ok<TemplateSaveResult>(
      supervisor.client.put(`/api/v1/evaluation-templates/${copy.id}`, { definition: SMALL_RUBRIC }),
    );
    expect(inPlace.isNewVersion).toBe(false);
    expect(inPlace.template).toMatchObject({ id: copy.id, version: 1, checkpointCount: 5, isUsed: false });

    const [school] = await makeKindergartens(t, 1);
    const campaign = await makeCampaign(supervisor.client, copy.id, [school!.id]);
    expect(campaign.template).toMatchObject({ id: copy.id, version: 1 });

    // Raise A1.1.2 to 25 points and drop the veto: a new version, with a default mapping by code.
    const edited = structuredClone(SMALL_RUBRIC);
    const a1 = edited.nodes[0]!;
    a1.maxPoints = 45;
    a1.children![0]!.maxPoints = 45;
    a1.children![0]!.children![1] = {
      ...a1.children![0]!.children![1]!,
      maxPoints: 25,
      method: {
        kind: 'levels',
        levels: [
          { label: '优', points: 25 },
          { label: '良', points: 20 },
          { label: '差', points: 10 },
        ],
      },
    };
    const a2 = edited.nodes[1]!;
    a2.maxPoints = 55;
    a2.children![0]!.maxPoints = 55;
    a2.children![0]!.children = [
      a2.children![0]!.children![0]!,
      { ...a2.children![0]!.children![1]!, maxPoints: 25, method: { kind: 'yes_no', yesPoints: 25, noPoints: 0 } },
    ];
    edited.bands = [
      { label: '优秀', minTotal: 90, isPassing: true },
      { label: '合格', minTotal: 60, isPassing: true },
      { label: '不合格', minTotal: 0, isPassing: false },
    ];
    const v2 = await ok<TemplateSaveResult>(supervisor.client.put(`/api/v1/evaluation-templates/${copy.id}`, { definition: edited }));
    expect(v2.isNewVersion).toBe(true);
    expect(v2.template).toMatchObject({ family: 'kindergarten-conduct-local', version: 2, isLatest: true, isUsed: false });
    expect(v2.template.id).not.toBe(copy.id);
    expect(v2.diff!.removed).toEqual(['A2.1.3']);
    expect(v2.diff!.changed.map((c) => c.code)).toEqual(expect.arrayContaining(['A1', 'A1.1.2', 'A2.1.2']));
    expect(v2.template.versions.map((v) => [v.version, v.isUsed])).toEqual([
      [1, true],
      [2, false],
    ]);
    const again = await supervisor.client.put(`/api/v1/evaluation-templates/${copy.id}`, { definition: edited });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('最新版本');

    // The campaign stays tied to v1.
    const still = await ok<CampaignDetail>(supervisor.client.get(`/api/v1/campaigns/${campaign.id}`));
    expect(still.template).toMatchObject({ id: copy.id, version: 1 });

    const mapping = await ok<VersionMappingView>(
      supervisor.client.get('/api/v1/evaluation-templates/mappings/kindergarten-conduct-local/1/2'),
    );
    expect(mapping.entries.find((e) => e.from === 'A1.1.2')!.to).toEqual([{ code: 'A1.1.2', factor: 1.25 }]);
    expect(mapping.entries.find((e) => e.from === 'A2.1.3')).toBeUndefined();

    const wrong = await supervisor.client.put('/api/v1/evaluation-templates/mappings/kindergarten-conduct-local/1/2', {
      entries: [{ from: 'A9', to: [{ code: 'A1', factor: 1 }] }],
    });
    expect(wrong.statusCode).toBe(400);
    const refined = await ok<VersionMappingView>(
      supervisor.client.put('/api/v1/evaluation-templates/mappings/kindergarten-conduct-local/1/2', {
        entries: [
          { from: 'A1', to: [{ code: 'A1', factor: 45 / 40 }] },
          { from: 'A2', to: [{ code: 'A2', factor: 55 / 60 }] },
        ],
      }),
    );
    expect(refined.entries).toHaveLength(2);
    const diff = await ok<{ removed: string[] }>(
      supervisor.client.get(`/api/v1/evaluation-templates/${v2.template.id}/diff?against=${copy.id}`),
    );
    expect(diff.removed).toEqual(['A2.1.3']);

    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'evaluation.%').execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'evaluation.template.copy',
        'evaluation.template.update',
        'evaluation.template.version',
        'evaluation.mapping.save',
      ]),
    );
  });
});
