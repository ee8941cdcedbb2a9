/**
 * A teaching-achievement award round in the browser, from application to the published list: the 教师科
 * publishes a fresh round (created through the API), a school prepares an application prefilled from the
 * teacher record, uploads its report and submits; the 教师科 passes the formal check, draws reviewers
 * (conflicts of interest shown), starts the review; an expert scores blind (four more through the API);
 * the 教师科 consolidates (dropped scores visible), records the 公示 and publishes the final list.
 */
import type { AwardAssignmentBoard, AwardCallDetail, Me, Page as ApiPage } from '@zhiping/contracts';
import { AWARD_RULES_2021, DEFAULT_AWARD_RUBRIC } from '@zhiping/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from './support/api.ts';
import { launchBrowser, newContext, snap, watchPageErrors } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { NEW_PASSWORD, signInDemo } from './support/supervision-seed.ts';
import { openNav, signInInUi } from './support/ui.ts';

const SCHOOL = '示例区实验小学';
let server: TestServer;
let browser: Browser;
let district: ApiSession;
let schoolUser = '';
let callId = 0;
let applicationId = 0;
const experts = new Map<string, ApiSession>();

const button = (page: Page, text: string) => page.getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });
const okOfDialog = (page: Page, text: string) =>
  page.locator('.ant-modal-confirm-btns, .ant-modal-footer').getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });
/** Options of the select dropdown that is open now (closed ones stay in the DOM, hidden). */
const openOptions = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
const daysFromToday = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function signedInPage(user: string): Promise<Page> {
  const page = await (await newContext(browser, server.baseUrl)).newPage();
  await signInInUi(page, user, NEW_PASSWORD);
  await page.getByTestId('current-user').waitFor();
  return page;
}

describe('awards: application to published list', () => {
  beforeAll(async () => {
    // The demo district (every area's data) loads before the server answers; allow for a busy machine.
    server = await startServer({ demo: true, readyTimeoutMs: 300_000 });
    browser = await launchBrowser();
    district = (await signInDemo(server.baseUrl, 'jiaoshike')).api;
    const schools = await district.get<ApiPage<{ code: string; name: string }>>(`/schools?q=${encodeURIComponent(SCHOOL)}`);
    schoolUser = `school_${schools.items.find((s) => s.name === SCHOOL)!.code}`;
    await signInDemo(server.baseUrl, schoolUser);
    for (let i = 1; i <= 9; i += 1) {
      const name = `zhuanjia${String(i).padStart(2, '0')}`;
      experts.set(name, (await signInDemo(server.baseUrl, name)).api);
    }
    // A fresh round in draft; its applications closed 20 days ago (the school's submission stays possible
    // until the 教师科 closes it), so the 公示 recorded afterwards has already run its five working days.
    const call = await district.post<AwardCallDetail>('/awards/calls', {
      year: 2026,
      title: '2026年度区教育教学成果奖（专项）',
      notice: '面向全区中小学开展专项申报。',
      applicationsOpenOn: daysFromToday(-50),
      applicationsDueOn: daysFromToday(-20),
      reviewDueOn: daysFromToday(-20),
      rules: { ...AWARD_RULES_2021, reviewersPerApplication: 5 },
      rubric: DEFAULT_AWARD_RUBRIC,
    });
    callId = call.id;
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the 教师科 publishes the round; the school applies with an attachment and submits', async () => {
    const page = await signedInPage('jiaoshike');
    const errors = watchPageErrors(page);
    await openNav(page, '成果奖评审');
    await page.getByRole('link', { name: '2026年度区教育教学成果奖（专项）' }).click();
    await button(page, '发布申报通知').click();
    await okOfDialog(page, '发布申报通知').click();
    await page.locator('.ant-tag', { hasText: '接受申报' }).first().waitFor();
    await snap(page, 'awards-01-round-open');
    expect(errors).toEqual([]);

    const school = await signedInPage(schoolUser);
    const schoolErrors = watchPageErrors(school);
    await openNav(school, '成果奖评审');
    await school.getByRole('link', { name: '2026年度区教育教学成果奖（专项）' }).click();
    await button(school, '新建申报').click();
    await school.getByLabel('成果主持人').click();
    await openOptions(school).first().click();
    await expect.poll(() => school.getByLabel('学科').inputValue()).not.toBe('');
    await school.getByLabel('团队成员').click();
    await school.getByLabel('团队成员').fill('王');
    await openOptions(school).filter({ hasText: '王' }).first().click();
    await school.keyboard.press('Escape');
    await school.getByLabel('成果名称').fill('小学语文大单元教学的校本实践');
    await school
      .getByLabel('成果简介')
      .fill('历时三年在本校和结对学校开展大单元教学实践，形成课例六十余节、评价工具一套，学生阅读素养显著提升。');
    await snap(school, 'awards-02-application-form');
    await button(school, '保存').click();
    await school.waitForURL(/\/awards\/applications\/\d+/);
    applicationId = Number(/applications\/(\d+)/.exec(school.url())![1]);
    await school
      .locator('input[type=file]')
      .setInputFiles({ name: '成果报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 成果报告') });
    await school.getByRole('button', { name: '成果报告.pdf' }).waitFor();
    await button(school, '提交申报').click();
    await okOfDialog(school, '提交').click();
    await school.locator('.ant-tag', { hasText: '已提交待审查' }).waitFor();
    await snap(school, 'awards-03-application-submitted');
    expect(schoolErrors).toEqual([]);
  });

  it('the 教师科 checks the application, draws reviewers under the conflict rule and starts the review', async () => {
    const page = await signedInPage('jiaoshike');
    const errors = watchPageErrors(page);
    await page.goto(`/awards/calls/${callId}`);
    await button(page, '截止申报').click();
    await okOfDialog(page, '截止申报').click();
    await page.getByRole('tab', { name: /形式审查/ }).click();
    await page
      .locator('tr', { hasText: '小学语文大单元教学的校本实践' })
      .getByRole('button', { name: /通\s*过/ })
      .click();
    await page.getByText('没有待审查的申报').waitFor();
    await page.getByRole('tab', { name: '评审分配' }).click();
    await button(page, '抽取评审专家').click();
    await page.locator('tr', { hasText: '小学语文大单元教学的校本实践' }).locator('.ant-tag').nth(4).waitFor();
    await snap(page, 'awards-04-reviewers-drawn');
    await button(page, '开始专家评审').click();
    await okOfDialog(page, '开始专家评审').click();
    await page.locator('.ant-tag', { hasText: '专家评审' }).first().waitFor();
    expect(errors).toEqual([]);
  });

  it('an expert scores blind in the browser; the others submit through the API', async () => {
    const board = await district.get<AwardAssignmentBoard>(`/awards/calls/${callId}/assignments`);
    const assigned = board.rows[0]!.reviewers.map((r) => board.experts.find((e) => e.id === r.expertId)!.username);
    expect(assigned).toHaveLength(5);
    const [first, ...rest] = assigned;
    const page = await signedInPage(first!);
    const errors = watchPageErrors(page);
    await openNav(page, '评审任务');
    await page.getByRole('link', { name: `CG2026-${String(applicationId).padStart(4, '0')}` }).click();
    await page.getByText('小学语文大单元教学的校本实践').first().waitFor();
    expect(await page.content()).not.toContain(SCHOOL);
    for (const [label, v] of [
      ['创新性得分', '26'],
      ['实践成效得分', '25'],
      ['推广价值得分', '17'],
      ['科学性与规范性得分', '16'],
    ] as const)
      await page.getByLabel(label).fill(v);
    await page.getByText('合计 84 分').waitFor();
    await snap(page, 'awards-05-blind-scoring');
    await button(page, '提交评分').click();
    await okOfDialog(page, '提交').click();
    await page.getByText('评分已提交：84 分').waitFor();
    expect(errors).toEqual([]);
    const sheets = [
      { C1: 29, C2: 29, C3: 19, C4: 19 },
      { C1: 24, C2: 24, C3: 16, C4: 16 },
      { C1: 18, C2: 18, C3: 12, C4: 12 },
      { C1: 25, C2: 26, C3: 16, C4: 15 },
    ];
    for (const [i, name] of rest.entries())
      await experts.get(name)!.send('PUT', `/awards/reviews/${applicationId}`, { points: sheets[i], comment: '', submit: true });
  });

  it('the 教师科 consolidates, records the 公示 and publishes the final list', async () => {
    const page = await signedInPage('jiaoshike');
    const errors = watchPageErrors(page);
    await page.goto(`/awards/calls/${callId}`);
    await button(page, '汇总评分并排名').click();
    await okOfDialog(page, '汇总评分并排名').click();
    try {
      await page.locator('.ant-tag', { hasText: '已汇总排名' }).first().waitFor();
    } catch (e) {
      await snap(page, 'awards-99-consolidation-failed');
      throw e;
    }
    await page.getByRole('tab', { name: '评分汇总与排名' }).click();
    await page
      .getByText(/已提交评分 5 \/ 5 份/)
      .waitFor()
      .catch(async (e: unknown) => {
        await snap(page, 'awards-99-ranking-failed');
        throw e;
      });
    // Totals 84, 96, 80, 60, 82: 96 and 60 dropped → (84 + 80 + 82) / 3 = 82.
    const ranked = page.getByRole('row', { name: /小学语文大单元教学的校本实践/ });
    await ranked.locator('strong', { hasText: /^82$/ }).waitFor();
    await expect(
      page
        .getByRole('row', { name: /小学语文大单元教学的校本实践/ })
        .locator('del')
        .count(),
    ).resolves.toBe(2);
    await snap(page, 'awards-06-ranking');
    await button(page, '开始公示').click();
    const picker = page.locator('.ant-modal').getByRole('textbox');
    await picker.click();
    await picker.fill(daysFromToday(-19));
    await picker.press('Enter');
    await okOfDialog(page, '开始公示').click();
    await page.locator('.ant-tag', { hasText: '公示中' }).first().waitFor();
    await button(page, '公布获奖名单').click();
    await okOfDialog(page, '公布获奖名单').click();
    await page.locator('.ant-tag', { hasText: '已公布获奖名单' }).first().waitFor();
    await page.getByRole('tab', { name: '获奖名单' }).click();
    const row = page.getByRole('row', { name: /小学语文大单元教学的校本实践/ });
    await row.getByText('一等奖').waitFor();
    await snap(page, 'awards-07-final-list');
    expect(errors).toEqual([]);
    const me = await district.get<Me>('/auth/me');
    expect(me.username).toBe('jiaoshike');
  });
});
