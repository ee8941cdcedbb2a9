/**
 * A district user, tried as a new user would: copy the kindergarten template, start a campaign for all
 * kindergartens, assign inspectors (a conflicted assignment is refused), score on a phone going offline
 * mid-way (pending badge, sync, a conflict resolved), consolidate, publish, download the report and
 * follow a rectification item to closure. Accounts and the school's self-evaluation are seeded via the API.
 */
import type { CampaignDetail, SchoolPreview, TemplateDetail } from '@zhiping/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from './support/api.ts';
import { launchBrowser, newContext, snap, watchPageErrors } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { NEW_PASSWORD, checkpoints, createAccount, fillSheet, signInDemo, uploadRequiredEvidence } from './support/supervision-seed.ts';
import { openNav, signInInUi } from './support/ui.ts';

const SCHOOL = '示例区实验幼儿园';
let server: TestServer;
let browser: Browser;
let district: ApiSession;
let lead: { id: number; api: ApiSession };
let second: { id: number; api: ApiSession };
let conflicted: { id: number; api: ApiSession };
let schoolAdmin: { id: number; api: ApiSession };
let schoolId: number;
let evaluationId = 0;
let template: TemplateDetail;

const button = (page: Page, text: string) => page.getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });
const okOfDialog = (page: Page, text: string) =>
  page.locator('.ant-modal-confirm-btns, .ant-modal-footer').getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });

async function signedInPage(user: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await newContext(browser, server.baseUrl, viewport)).newPage();
  await signInInUi(page, user, NEW_PASSWORD);
  await page.getByTestId('current-user').waitFor();
  return page;
}

describe('supervision: campaign to rectification', () => {
  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    const sys = (await signInDemo(server.baseUrl, 'sysadmin')).api;
    const sec = (await signInDemo(server.baseUrl, 'secadmin')).api;
    district = (await signInDemo(server.baseUrl, 'duchashi')).api;
    lead = await signInDemo(server.baseUrl, 'duxue01');
    const preview = await district.post<SchoolPreview>('/campaigns/preview', { typeCodes: ['111'] });
    schoolId = preview.schools.find((s) => s.name === SCHOOL)!.id;
    second = await createAccount(server.baseUrl, { sys, sec }, { username: 'e2e_inspector_b', displayName: '督学乙', role: 'inspector' });
    conflicted = await createAccount(
      server.baseUrl,
      { sys, sec },
      { username: 'e2e_inspector_c', displayName: '督学丙', role: 'inspector' },
    );
    schoolAdmin = await createAccount(
      server.baseUrl,
      { sys, sec },
      { username: 'e2e_kg_admin', displayName: '园长甲', role: 'school_admin', schoolId },
    );
    // 督学丙 was this kindergarten's principal: the avoidance rule must refuse them.
    await district.send('PUT', `/inspectors/${conflicted.id}/profile`, { relatedSchools: [{ schoolId, reason: '曾任该园园长' }] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('copies the kindergarten template, starts a campaign and assigns inspectors', async () => {
    const page = await signedInPage('duchashi');
    const errors = watchPageErrors(page);
    await openNav(page, '评估模板');
    await page.getByRole('link', { name: '幼儿园办园行为督导评估', exact: true }).click();
    await page.getByText('指标体系').waitFor();
    await snap(page, 'supervision-01-template');
    await button(page, '复制为本区模板').click();
    await okOfDialog(page, '复制').click();
    await page.getByRole('heading', { name: '幼儿园办园行为督导评估（本区） v1' }).waitFor();

    await openNav(page, '评估项目');
    await button(page, '新建评估项目').click();
    await page.getByLabel('项目名称').fill('2026年幼儿园办园行为督导评估');
    await page.getByLabel('评估模板（版本）').click();
    await page.locator('.ant-select-item-option', { hasText: '（本区） v1' }).click();
    await page.getByLabel('学校类型').click();
    await page.locator('.ant-select-item-option[title="幼儿园"]').click();
    await page.keyboard.press('Escape');
    await page.getByLabel('每组督学人数').fill('2');
    await button(page, '预览学校').click();
    const expected = await district.post<SchoolPreview>('/campaigns/preview', { typeCodes: ['111'] });
    await page.getByTestId('preview-count').getByText(`共 ${expected.count} 所`).waitFor();
    await snap(page, 'supervision-02-new-campaign');
    await button(page, '创建评估项目').click();
    await page.waitForURL(/\/campaigns\/\d+/);
    const campaignId = Number(/campaigns\/(\d+)/.exec(page.url())![1]);

    const row = page.locator('tr', { hasText: SCHOOL }).first();
    await row.getByRole('button', { name: /调\s*整/ }).click();
    const dialog = page.locator('.ant-modal', { hasText: `指派评估组 · ${SCHOOL}` });
    await dialog.getByText('该校为督学的关联学校，须回避').waitFor();
    await dialog.getByRole('checkbox', { name: '责任督学（演示）' }).check();
    await dialog.getByRole('checkbox', { name: '督学丙' }).check();
    await dialog.locator('tr', { hasText: '责任督学（演示）' }).getByRole('radio').check();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog.getByTestId('team-refusal').textContent()).resolves.toMatch(/督学丙.*须回避/);
    await snap(page, 'supervision-03-conflict-refused');
    await dialog.getByRole('checkbox', { name: '督学丙' }).uncheck();
    await dialog.getByRole('checkbox', { name: '督学乙' }).check();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await row.getByText('责任督学（演示）（组长）').waitFor();

    await button(page, '启动自评').click();
    await okOfDialog(page, '启动自评').click();
    await page.getByText(`学校自评 ${expected.count}`).first().waitFor();
    await snap(page, 'supervision-04-campaign-progress');
    const detail = await district.get<CampaignDetail>(`/campaigns/${campaignId}`);
    evaluationId = detail.evaluations.find((e) => e.schoolId === schoolId)!.id;
    template = await district.get<TemplateDetail>(`/evaluation-templates/${detail.template.id}`);
    expect(errors).toEqual([]);
  });

  it('the school completes its self-evaluation (seeded through the API)', async () => {
    await fillSheet(schoolAdmin.api, evaluationId, 'self', template);
    await uploadRequiredEvidence(schoolAdmin.api, evaluationId, template);
    await schoolAdmin.api.post(`/evaluations/${evaluationId}/transitions`, { action: 'submit_self_assessment' });
  });

  it('scores on a phone, going offline mid-way, and resolves a conflict', async () => {
    const page = await signedInPage('duxue01', { width: 360, height: 740 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/evaluations/${evaluationId}`);
    await page.getByRole('link', { name: /现场评分/ }).click();
    const badge = page.getByTestId('sync-badge');
    const codes = checkpoints(template.definition.nodes).map((n) => n.code);
    await page.getByTestId('checkpoint-title').getByText(codes[0]!).waitFor();
    await page.getByRole('button', { name: /满分/ }).click();
    await expect.poll(() => badge.getAttribute('data-kind'), { timeout: 10_000 }).toBe('synced');
    await page.getByRole('button', { name: /下一项/ }).click();
    await page.getByRole('button', { name: /满分/ }).click();
    await expect.poll(() => badge.getAttribute('data-kind'), { timeout: 10_000 }).toBe('synced');
    await snap(page, 'supervision-05-phone-scoring');

    await page.context().setOffline(true);
    await page.getByRole('button', { name: /下一项/ }).click();
    await page.getByRole('button', { name: /满分/ }).click();
    await page.getByRole('button', { name: /下一项/ }).click();
    await page.getByRole('button', { name: /满分/ }).click();
    await page.getByLabel('评分说明').fill('活动室采光良好');
    await expect.poll(() => badge.textContent()).toContain('待同步 2');
    expect(await badge.getAttribute('data-kind')).toBe('offline');
    await snap(page, 'supervision-06-phone-offline');
    // Meanwhile the same check point is saved from another device.
    await lead.api.send('PUT', `/evaluations/${evaluationId}/sheets/mine/scores/${codes[3]}`, {
      input: { kind: 'points', points: 10 },
      note: '平板上录入',
      baseRevision: 0,
    });

    await page.context().setOffline(false);
    await expect.poll(() => badge.getAttribute('data-kind'), { timeout: 20_000 }).toBe('conflict');
    await page.getByTestId('conflict-resolver').waitFor();
    await snap(page, 'supervision-07-phone-conflict');
    await button(page, '保留我的评分').click();
    await expect.poll(() => badge.getAttribute('data-kind'), { timeout: 20_000 }).toBe('synced');
    await snap(page, 'supervision-08-phone-synced');
    const sheet = await lead.api.get<{ scores: { code: string; note: string }[] }>(`/evaluations/${evaluationId}/sheets/mine`);
    expect(sheet.scores.find((s) => s.code === codes[3])?.note).toBe('活动室采光良好');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('consolidates as the lead and the district publishes; the report downloads', async () => {
    const codes = checkpoints(template.definition.nodes).map((n) => n.code);
    const weak = codes.find((c) => c.startsWith('A2'))!;
    const zero = { [weak]: { kind: 'points' as const, points: 0 } };
    await fillSheet(lead.api, evaluationId, 'mine', template, { except: codes.slice(0, 4), override: zero });
    await lead.api.post(`/evaluations/${evaluationId}/sheets/mine/submit`);
    await fillSheet(second.api, evaluationId, 'mine', template, { override: { ...zero, [codes[2]!]: { kind: 'points', points: 5 } } });
    await second.api.post(`/evaluations/${evaluationId}/sheets/mine/submit`);
    await lead.api.post(`/evaluations/${evaluationId}/transitions`, { action: 'submit_scores' });

    const page = await signedInPage('duxue01');
    await page.goto(`/evaluations/${evaluationId}`);
    await page.getByRole('link', { name: /组内合议/ }).click();
    const flagged = page.locator('tr', { hasText: codes[2]! }).first();
    await flagged.getByText('分歧大').waitFor();
    await snap(page, 'supervision-09-consolidation');
    await flagged.getByRole('button', { name: /调\s*整/ }).click();
    const dialog = page.locator('.ant-modal', { hasText: '调整合议分' });
    await dialog.getByRole('button', { name: /满分/ }).click();
    await dialog.getByLabel('调整理由').fill('复核照片，户外场地满足要求');
    await dialog.getByRole('button', { name: /保存调整/ }).click();
    await flagged.getByText('已调整').waitFor();
    await button(page, '提交合议结果').click();
    await okOfDialog(page, '提交合议结果').click();
    await page.getByRole('link', { name: /督导室审核/ }).waitFor();

    const office = await signedInPage('duchashi');
    await office.goto(`/evaluations/${evaluationId}`);
    await button(office, '审核发布').click();
    await okOfDialog(office, '审核发布').click();
    await office.getByRole('heading', { name: /已发布/ }).waitFor();
    await office.getByRole('link', { name: /评估结果/ }).click();
    await office.getByTestId('result-total').waitFor();
    await snap(office, 'supervision-10-result');
    const [download] = await Promise.all([office.waitForEvent('download'), button(office, '下载报告（Word）').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
  });

  it('follows a rectification item from a problem to closure', async () => {
    const office = await signedInPage('duchashi');
    await office.goto(`/evaluations/${evaluationId}/result`);
    const problem = office.locator('.ant-card', { hasText: '问题与整改' }).locator('.ant-list-item').first();
    await problem.getByRole('button', { name: '立整改' }).click();
    const dialog = office.locator('.ant-modal', { hasText: '立整改事项' });
    await dialog.getByLabel('须提交的佐证').fill('整改前后照片');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await problem.getByRole('link', { name: '整改事项' }).waitFor();
    const items = await district.get<{ items: { id: number }[] }>(`/rectifications?evaluationId=${evaluationId}`);
    const itemId = items.items[0]!.id;

    await schoolAdmin.api.post(`/rectifications/${itemId}/progress`, { note: '已更换活动室设施' });
    await schoolAdmin.api.upload(`/rectifications/${itemId}/evidence`, '整改后照片.jpg', Buffer.from('jpeg'));
    await schoolAdmin.api.post(`/rectifications/${itemId}/transitions`, { action: 'submit', note: '整改完成，请复核' });

    const page = await signedInPage('duxue01');
    await page.goto(`/rectifications/${itemId}`);
    await page.getByText('已更换活动室设施').waitFor();
    await button(page, '复核销号').click();
    await okOfDialog(page, '复核销号').click();
    await page.getByTestId('rect-status').getByText('已复核销号').waitFor();
    await snap(page, 'supervision-11-rectification-closed');
  });
});
