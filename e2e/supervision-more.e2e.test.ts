/**
 * The supervision pages the main spec does not walk, on the demo district: the home page's overdue
 * rectification flag (district and a school's landing); a campaign picked by type and street, edited and
 * deleted; the demo's past kindergarten campaign (a few below 750) with its xlsx export and, once a
 * second campaign on the same rubric family is published, the comparison; the inspector's scoring page
 * opening with the school's open rectification items; the template editor (a title and a scoring method
 * changed) creating a new version and the version compare/mapping; a school's self-evaluation with an evidence upload; the responsible-inspector
 * pages (schools, roster with profile editing, calendar with overdue schools, visit records, recording a
 * visit, the printable plate).
 */
import type { CampaignDetail, Me, Page as ApiPage, RectificationSummary, SchoolPreview, TemplateDetail } from '@zhiping/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from './support/api.ts';
import { launchBrowser, newContext, snap, watchPageErrors } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { NEW_PASSWORD, createAccount, fillSheet, signInDemo, uploadRequiredEvidence } from './support/supervision-seed.ts';
import { signInInUi } from './support/ui.ts';

let server: TestServer;
let browser: Browser;
let district: ApiSession;
let sys: ApiSession;
let sec: ApiSession;
let demoSchoolAdmin: string;

const button = (page: Page, text: string) => page.getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });
const okOfDialog = (page: Page, text: string) =>
  page.locator('.ant-modal-confirm-btns, .ant-modal-footer').getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });

async function signedInPage(user: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await newContext(browser, server.baseUrl, viewport)).newPage();
  await signInInUi(page, user, NEW_PASSWORD);
  await page.getByTestId('current-user').waitFor();
  return page;
}

describe('supervision: the remaining pages', () => {
  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    sys = (await signInDemo(server.baseUrl, 'sysadmin')).api;
    sec = (await signInDemo(server.baseUrl, 'secadmin')).api;
    district = (await signInDemo(server.baseUrl, 'duchashi')).api;
    await signInDemo(server.baseUrl, 'duxue01');
    const primary = await district.post<SchoolPreview>('/campaigns/preview', { typeCodes: ['211'] });
    demoSchoolAdmin = `school_${primary.schools.find((s) => s.name === '示例区实验小学')!.code}`;
    await signInDemo(server.baseUrl, demoSchoolAdmin);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('flags overdue rectification items on the district home page, with links to them', async () => {
    const page = await signedInPage('duchashi');
    const errors = watchPageErrors(page);
    const flag = page.getByTestId('rectification-flag');
    await flag.waitFor();
    expect(await flag.textContent()).toMatch(/\d+ 项整改事项已逾期（涉及 \d+ 所学校）/);
    await snap(page, 'supervision-more-01-home-flag');
    await flag.getByRole('link', { name: '查看全部逾期事项' }).click();
    await page.waitForURL(/\/rectifications\?overdue=true/);
    await page
      .locator('.ant-table-row')
      .first()
      .getByText(/逾期 \d+ 天/)
      .waitFor();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), button(page, '导出Excel').click()]);
    expect(xlsx.suggestedFilename()).toBe('整改事项.xlsx');
    expect(errors).toEqual([]);
  });

  it('creates a campaign by type and street, edits its name, deadlines and schools, and deletes it', async () => {
    const page = await signedInPage('duchashi');
    const errors = watchPageErrors(page);
    const kindergartens = await district.post<SchoolPreview>('/campaigns/preview', { typeCodes: ['111'] });
    const streetName = kindergartens.schools.find((s) => s.streetName)!.streetName!;
    await page.goto('/campaigns');
    await button(page, '新建评估项目').click();
    await page.getByLabel('项目名称').fill('街镇幼儿园专项督导');
    await page.getByLabel('评估模板（版本）').click();
    await page.locator('.ant-select-item-option', { hasText: '幼儿园办园行为督导评估 v1（内置）' }).click();
    await page.getByLabel('学校类型').click();
    await page.locator('.ant-select-item-option[title="幼儿园"]').click();
    await page.keyboard.press('Escape');
    await page.getByLabel('街镇').click();
    await page.locator(`.ant-select-item-option[title="${streetName}"]`).click();
    await page.keyboard.press('Escape');
    const streetId = (await district.get<{ streets: { id: number; name: string }[] }>('/district')).streets.find(
      (s) => s.name === streetName,
    )!.id;
    const expected = await district.post<SchoolPreview>('/campaigns/preview', { typeCodes: ['111'], streetIds: [streetId] });
    expect(expected.count).toBeGreaterThan(0);
    await page.getByTestId('preview-count').getByText(`共 ${expected.count} 所`).waitFor();
    await snap(page, 'supervision-more-02-campaign-by-street');
    await button(page, '创建评估项目').click();
    await page.waitForURL(/\/campaigns\/\d+/);
    const campaignId = Number(/campaigns\/(\d+)/.exec(page.url())![1]);
    await page.getByText(`已计划 ${expected.count}`).first().waitFor();

    // Edit: rename, move a deadline, add one kindergarten of another street by name.
    const other = kindergartens.schools.find((s) => s.streetName !== streetName)!;
    await button(page, '修改项目').click();
    const drawer = page.locator('.ant-drawer', { hasText: '修改评估项目' });
    await drawer.getByLabel('项目名称').fill('街镇幼儿园专项督导（调整）');
    // The picker searches the server as one types (debounced): pick the option once the answer has settled,
    // and pick again if a late answer re-rendered the list under the click.
    const picked = drawer.locator('.ant-select-selection-item', { hasText: other.name });
    for (let attempt = 0; attempt < 3 && !(await picked.isVisible()); attempt++) {
      await drawer.getByLabel('另加学校').click();
      if (attempt === 0) await page.keyboard.type(other.name);
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: other.name }).first();
      await option.waitFor();
      await page.waitForTimeout(600);
      await option.click();
      await page.keyboard.press('Escape');
      await picked.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    await picked.waitFor();
    await drawer
      .getByTestId('preview-count')
      .getByText(`共 ${expected.count + 1} 所`)
      .waitFor();
    await snap(page, 'supervision-more-03-campaign-edit');
    await drawer.getByRole('button', { name: /保存修改/ }).click();
    await page.getByRole('heading', { name: '街镇幼儿园专项督导（调整）' }).waitFor();
    const edited = await district.get<CampaignDetail>(`/campaigns/${campaignId}`);
    expect(edited.schoolCount).toBe(expected.count + 1);
    expect(edited.selection.streetIds).toEqual([streetId]);
    expect(edited.evaluations.map((e) => e.schoolId)).toContain(other.id);

    await button(page, '删除项目').click();
    await okOfDialog(page, '删除').click();
    await page.waitForURL(/\/campaigns$/);
    await expect(district.get(`/campaigns/${campaignId}`)).rejects.toThrow(/404/);
    expect(errors).toEqual([]);
  });

  it('shows the past kindergarten campaign, exports it, and compares a new campaign on the same rubric with it', async () => {
    const page = await signedInPage('duchashi');
    const errors = watchPageErrors(page);
    await page.goto('/campaigns');
    await page.getByRole('link', { name: '2024年度幼儿园办园行为督导评估' }).click();
    await page.getByRole('tab', { name: '结果统计' }).click();
    await page.getByText('等次分布').waitFor();
    await snap(page, 'supervision-more-04-past-campaign-statistics');
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出结果（Excel）').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const past = await district.get<CampaignDetail>(`/campaigns/${Number(/campaigns\/(\d+)/.exec(page.url())![1])}`);
    expect(past.stateCounts).toEqual({ published: past.schoolCount });
    const below = past.evaluations.filter((e) => e.total !== null && e.total < 750);
    expect(below.length).toBeGreaterThan(0);
    expect(below.length).toBeLessThan(past.schoolCount / 4);

    // A school with an open item from 2024 is evaluated again on the same built-in template.
    const open = await district.get<ApiPage<RectificationSummary>>('/rectifications?unfinished=true&pageSize=100');
    const item = open.items.find((i) => i.source === 'evaluation')!;
    const admin = await createAccount(
      server.baseUrl,
      { sys, sec },
      { username: 'e2e_more_kg', displayName: '园长乙', role: 'school_admin', schoolId: item.schoolId },
    );
    const inspector = await createAccount(
      server.baseUrl,
      { sys, sec },
      { username: 'e2e_more_insp', displayName: '督学丁', role: 'inspector' },
    );
    const campaign = await district.post<CampaignDetail>('/campaigns', {
      name: '2026年幼儿园办园行为复评',
      templateId: past.template.id,
      periodStart: '2026-09-01',
      periodEnd: '2026-12-31',
      selfAssessmentDue: '2026-10-15',
      onSiteDue: '2026-11-30',
      reportDue: '2026-12-20',
      teamSize: 1,
      selection: { schoolIds: [item.schoolId] },
    });
    const evaluationId = campaign.evaluations[0]!.id;
    await district.send('PUT', `/evaluations/${evaluationId}/team`, { inspectorIds: [inspector.id], leadId: inspector.id });
    await district.post(`/campaigns/${campaign.id}/start`);
    const template = await district.get<TemplateDetail>(`/evaluation-templates/${past.template.id}`);
    await fillSheet(admin.api, evaluationId, 'self', template);
    await uploadRequiredEvidence(admin.api, evaluationId, template);
    await admin.api.post(`/evaluations/${evaluationId}/transitions`, { action: 'submit_self_assessment' });

    // The inspector's scoring page opens with the school's open rectification items.
    const insp = await signedInPage('e2e_more_insp', { width: 768, height: 1024 });
    await insp.goto(`/evaluations/${evaluationId}/sheets/mine`);
    const openItems = insp.getByTestId('open-items');
    await openItems.waitFor();
    expect(await openItems.textContent()).toContain('未销号整改事项');
    await openItems.getByRole('button', { name: /展\s*开/ }).click();
    await openItems.getByText(item.problem.slice(0, 12)).waitFor();
    await snap(insp, 'supervision-more-05-scoring-open-items');

    await fillSheet(inspector.api, evaluationId, 'mine', template);
    await inspector.api.post(`/evaluations/${evaluationId}/sheets/mine/submit`);
    await inspector.api.post(`/evaluations/${evaluationId}/transitions`, { action: 'submit_scores' });
    await inspector.api.post(`/evaluations/${evaluationId}/transitions`, { action: 'submit_consolidation' });
    await district.post(`/evaluations/${evaluationId}/transitions`, { action: 'publish' });

    await page.goto(`/campaigns/${campaign.id}?tab=statistics`);
    const comparison = page.locator('.ant-card', { hasText: '与上一轮对比' });
    await comparison.getByText('2024年度幼儿园办园行为督导评估').first().waitFor();
    await snap(page, 'supervision-more-06-comparison');
    expect(errors).toEqual([]);
  });

  it('edits a used template into a new version and compares the versions with their mapping', async () => {
    const list = await district.get<{ items: { id: number; family: string; isBuiltIn: boolean }[] }>('/evaluation-templates');
    const builtIn = list.items.find((t) => t.family === 'kindergarten-conduct' && t.isBuiltIn)!;
    const copy = await district.post<TemplateDetail>(`/evaluation-templates/${builtIn.id}/copy`, { name: '幼儿园督导评估（版本演示）' });
    const kg = (await district.post<SchoolPreview>('/campaigns/preview', { typeCodes: ['111'] })).schools[0]!;
    await district.post('/campaigns', {
      name: '使用版本1的项目',
      templateId: copy.id,
      periodStart: '2026-09-01',
      periodEnd: '2026-12-31',
      selfAssessmentDue: '2026-10-15',
      onSiteDue: '2026-11-30',
      reportDue: '2026-12-20',
      selection: { schoolIds: [kg.id] },
    });
    const page = await signedInPage('duchashi');
    const errors = watchPageErrors(page);
    await page.goto(`/evaluation-templates/${copy.id}`);
    await button(page, '编辑（将生成新版本）').click();
    const drawer = page.locator('.ant-drawer', { hasText: '编辑 幼儿园督导评估（版本演示）' });
    await drawer.getByText('此版本已用于评估项目').waitFor();
    const firstTitle = drawer.locator('.ant-table-row').nth(2).locator('input').first();
    await firstTitle.fill('（调整后）要点标题');
    // The same check point is scored by levels from now on (the method editor checks it as the server does).
    await drawer.locator('.ant-table-row').nth(2).getByRole('button', { name: '修改' }).click();
    const method = page.locator('.ant-modal', { hasText: '评分方式：' });
    await method.getByText('等级', { exact: true }).click();
    await method.getByLabel('等级2名称').waitFor();
    await method.getByRole('button', { name: /确\s*定/ }).click();
    await drawer
      .locator('.ant-table-row')
      .nth(2)
      .getByText(/^等级：优秀/)
      .waitFor();
    await snap(page, 'supervision-more-07-template-editor');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-modal-confirm-title', { hasText: '已生成新版本 v2' }).waitFor();
    await page.locator('.ant-modal-confirm-btns').getByRole('button').click();
    await page.getByRole('heading', { name: '幼儿园督导评估（版本演示） v2' }).waitFor();
    await page.getByText('与版本').waitFor();
    await page.getByText(/修改/).first().waitFor();
    await page.getByText('分值映射 v1 → v2').waitFor();
    await snap(page, 'supervision-more-08-version-compare');
    // The mapping editor: map the edited point explicitly and save (validated and audited on the server).
    await button(page, '编辑映射').click();
    const editor = page.locator('.ant-modal', { hasText: '编辑分值映射 v1 → v2' });
    await editor.getByText(/已映射 \d+\/\d+ 个旧要点/).waitFor();
    await snap(page, 'supervision-more-08b-mapping-editor');
    await editor.getByRole('button', { name: /保存映射/ }).click();
    await page.getByText('分值映射已保存').waitFor();
    expect(errors).toEqual([]);
  });

  it('a school fills its self-evaluation with an evidence upload and sees its own rectification flag', async () => {
    const page = await signedInPage(demoSchoolAdmin);
    const errors = watchPageErrors(page);
    const me = await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()) as Me);
    const schoolId = me.roles.find((r) => r.schoolId)!.schoolId!;
    const items = await district.get<ApiPage<RectificationSummary>>(`/rectifications?schoolId=${schoolId}&unfinished=true`);
    if (items.total > 0) {
      await page.getByTestId('rectification-flag').waitFor();
      await snap(page, 'supervision-more-09-school-landing-flag');
    }
    await page.goto('/evaluations');
    await page
      .getByRole('link', { name: /示例区实验小学/ })
      .first()
      .click();
    await page.getByRole('link', { name: /学校自评/ }).click();
    await page.getByTestId('checkpoint-title').waitFor();
    const code = (await page.getByTestId('checkpoint-title').textContent())!.split(/\s/)[0]!;
    await page.getByTestId(`evidence-input-${code}`).setInputFiles({
      name: '自评佐证.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 自评佐证'),
    });
    await page.getByText('自评佐证.pdf').waitFor();
    await snap(page, 'supervision-more-10-self-evaluation-evidence');
    expect(errors).toEqual([]);
  });

  it('shows responsible inspectors: schools, roster, calendar with overdue schools, visits, recording a visit, the plate', async () => {
    const page = await signedInPage('duchashi');
    const errors = watchPageErrors(page);
    await page.goto('/inspectors');
    await page.locator('.ant-table-row').first().waitFor();
    await snap(page, 'supervision-more-11-responsibilities');
    await page.getByRole('tab', { name: '督学名册' }).click();
    await page.getByLabel('搜索督学').fill('责任督学');
    await page.getByLabel('搜索督学').press('Enter');
    const row = page.getByRole('tabpanel', { name: '督学名册' }).locator('.ant-table-row', { hasText: '责任督学（演示）' });
    await row.waitFor();
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '督学信息' });
    await drawer.getByLabel('联系电话').fill('023-6888 1234');
    await drawer.getByLabel('督导职责').fill('督办学校规范办学\n督促落实整改');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await row.getByText('023-6888 1234').waitFor();
    await snap(page, 'supervision-more-12-roster');
    await page.getByRole('tab', { name: '督导日历' }).click();
    const calendar = page.getByRole('tabpanel', { name: '督导日历' });
    await calendar
      .locator('.ant-card', { hasText: '逾期与即将到期' })
      .getByText(/逾期 \d+ 天/)
      .first()
      .waitFor();
    await snap(page, 'supervision-more-13-calendar');
    await page.getByRole('tab', { name: '督导记录' }).click();
    await page.getByRole('tabpanel', { name: '督导记录' }).locator('.ant-table-row').first().waitFor();
    await snap(page, 'supervision-more-14-visits');

    // The responsible inspector records a visit to the demo school: open items first, then the routine items.
    const insp = await signedInPage('duxue01', { width: 1024, height: 768 });
    const inspErrors = watchPageErrors(insp);
    await insp.goto('/inspectors');
    await insp.getByLabel('搜索学校').fill('示例区实验小学');
    await insp.getByLabel('搜索学校').press('Enter');
    const demoRow = insp.locator('.ant-table-row', { hasText: '示例区实验小学' });
    await demoRow.getByRole('link', { name: '记录督导' }).click();
    await insp.getByText(/未销号整改事项（\d+）/).waitFor();
    await insp.locator('.ant-radio-button-wrapper', { hasText: '正常' }).first().click();
    await insp.locator('.ant-radio-button-wrapper', { hasText: '存在问题' }).nth(1).click();
    await insp.getByPlaceholder('存在的问题').fill('校务公开栏未更新本学期收费信息');
    await button(insp, '立为整改').click();
    await insp.getByRole('button', { name: '已立整改' }).waitFor();
    await snap(insp, 'supervision-more-15-visit-record');
    await button(insp, '保存督导记录').click();
    await insp.waitForURL(/tab=visits/);
    await insp.locator('.ant-table-row', { hasText: '示例区实验小学' }).first().waitFor();
    const recorded =
      await district.get<ApiPage<{ problemCount: number; rectificationIds: number[]; items: { note: string }[] }>>(
        '/inspectors/visits?pageSize=20',
      );
    const visit = recorded.items.find((v) => v.items.some((i) => i.note === '校务公开栏未更新本学期收费信息'))!;
    expect(visit.problemCount).toBe(1);
    expect(visit.rectificationIds).toHaveLength(1);

    await insp.goto('/inspectors');
    await insp.getByLabel('搜索学校').fill('示例区实验小学');
    await insp.getByLabel('搜索学校').press('Enter');
    await insp.locator('.ant-table-row', { hasText: '示例区实验小学' }).getByRole('link', { name: '公示牌' }).click();
    await insp.getByText('责任督学挂牌督导公示牌').waitFor();
    await insp.getByText('023-6888 1234').waitFor();
    await insp.getByText('督促落实整改').waitFor();
    await snap(insp, 'supervision-more-16-plate');
    expect(errors).toEqual([]);
    expect(inspErrors).toEqual([]);
  });
});
