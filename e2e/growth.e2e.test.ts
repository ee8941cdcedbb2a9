/**
 * Teacher growth in the browser on the demo district: the teacher signs in and finds their growth page
 * with real figures (test results, studio, selections, training and awards cards); the 教师科 opens the
 * district dashboard and drills down to the rural schools without an expert team and on to a school's
 * page, ends a pairing and corrects a studio's goals; and one selection round from the teacher's own application (prefilled from the district's
 * records) through review to the published list, which then shows on the teacher's growth page.
 */
import type { Me, RoundDetail } from '@zhiping/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from './support/api.ts';
import { launchBrowser, newContext, snap, watchPageErrors } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { NEW_PASSWORD, signInDemo } from './support/supervision-seed.ts';
import { openNav, signInInUi } from './support/ui.ts';

let server: TestServer;
let browser: Browser;
let district: ApiSession;
let roundId = 0;
let roundYear = 0;

const button = (page: Page, text: string) => page.getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });
const okOfDialog = (page: Page, text: string) =>
  page.locator('.ant-modal-confirm-btns, .ant-modal-footer').getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });
const daysFromToday = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function signedInPage(user: string): Promise<Page> {
  const page = await (await newContext(browser, server.baseUrl)).newPage();
  await signInInUi(page, user, NEW_PASSWORD);
  await page.getByTestId('current-user').waitFor();
  return page;
}

describe('teacher growth', () => {
  beforeAll(async () => {
    // The demo district loads before the server reports healthy; allow for a busy machine.
    server = await startServer({ demo: true, readyTimeoutMs: 300_000 });
    browser = await launchBrowser();
    district = (await signInDemo(server.baseUrl, 'jiaoshike')).api;
    await signInDemo(server.baseUrl, 'laoshi01');
    const year = Number(daysFromToday(0).slice(0, 4)) + 1;
    const round = await district.post<RoundDetail>('/growth/rounds', {
      year,
      kind: 'demo_lesson',
      name: `${year}年度区级示范课评选（E2E）`,
      target: 100,
      opensOn: daysFromToday(-1),
      closesOn: daysFromToday(20),
    });
    roundId = round.id;
    roundYear = year;
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the teacher their own growth page with real figures', async () => {
    const page = await signedInPage('laoshi01');
    const errors = watchPageErrors(page);
    await openNav(page, '我的成长');
    await page.getByRole('heading', { name: '我的成长' }).waitFor();
    const test = page.locator('.ant-card').filter({ hasText: '专业知识和能力考核' });
    await test.getByRole('cell', { name: '2025', exact: true }).waitFor();
    await test.getByRole('cell', { name: '2024', exact: true }).waitFor();
    const studio = page.locator('.ant-card').filter({ has: page.getByText('名师工作室', { exact: true }) });
    await studio
      .getByRole('link', { name: /名师工作室$/ })
      .first()
      .waitFor();
    await page.locator('.ant-card').filter({ hasText: '示范课与教学能手' }).getByRole('cell', { name: '示范课', exact: true }).waitFor();
    await snap(page, 'growth-01-my-growth');
    expect(errors).toEqual([]);
  });

  it('lets the 教师科 open the dashboard and drill down to the schools behind a number', async () => {
    const page = await signedInPage('jiaoshike');
    const errors = watchPageErrors(page);
    await openNav(page, '教师发展看板');
    await page.getByRole('heading', { name: '教师发展看板' }).waitFor();
    await page.getByText('专家团队结对农村学校覆盖率').waitFor();
    await snap(page, 'growth-02-dashboard');
    await button(page, '未结对农村学校').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('尚未结对的农村学校').waitFor();
    const rows = dialog.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await snap(page, 'growth-03-drill');
    const schoolName = (await rows.first().getByRole('link').textContent())!;
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: `${schoolName} · 教师发展` }).waitFor();
    await page.getByText('结对帮扶本校的专家团队').waitFor();
    await snap(page, 'growth-06-school');
    await openNav(page, '专家团队帮扶');
    await page
      .locator('.ant-table-tbody')
      .getByRole('link', { name: /专家团队$/ })
      .first()
      .click();
    await page.getByText('被帮扶学校指标变化（来自指标计算）').waitFor();
    await page.getByRole('columnheader', { name: /学年（结对时）/ }).waitFor();
    await snap(page, 'growth-07-team');
    // The 教师科 ends the pairing today: no more visits can be recorded, and the list shows it as ended.
    await button(page, '结束结对').click();
    await page.getByRole('dialog').getByText('结束后不能再记录帮扶').waitFor();
    await okOfDialog(page, '结束').click();
    await page.getByText('结对已结束').waitFor();
    await page.getByText(/起，.*结束/).waitFor();
    expect(await button(page, '记录帮扶').count()).toBe(0);
    expect(await button(page, '结束结对').count()).toBe(0);
    await openNav(page, '名师工作室');
    // The list's own heading first: until it shows, the team page's tables (with links) may still be there.
    await page.getByRole('heading', { name: '名师工作室' }).waitFor();
    await page
      .locator('.ant-table-tbody')
      .getByRole('link', { name: /工作室$/ })
      .first()
      .click();
    await page.getByText('年度考核', { exact: true }).first().waitFor();
    await snap(page, 'growth-08-studio');
    // The 教师科 corrects the studio's goals; the page shows the saved text.
    await button(page, '修改工作室').click();
    const goals = page.getByRole('dialog').getByLabel('目标');
    await goals.fill('任期内培养区级骨干教师 3 名，开设研究课 6 节');
    await okOfDialog(page, '保存').click();
    await page.getByText('工作室已修改').waitFor();
    // In the page's description (the closing dialog's text area may still hold the same text).
    await page.locator('.ant-descriptions').getByText('任期内培养区级骨干教师 3 名，开设研究课 6 节').waitFor();
    await openNav(page, '教师考核');
    await page.getByText('各分项得分率（最弱的在前）').waitFor();
    await snap(page, 'growth-09-tests');
    await page.goto('/teacher-development');
    await page.getByRole('heading', { name: '教师发展看板' }).waitFor();
    await page.getByLabel('年度').fill('2025');
    await page.getByLabel('年度').press('Enter');
    const demoCard = page.locator('.ant-card').filter({ hasText: '示范课（节/年）' });
    await demoCard.getByText('/ 100 节').waitFor();
    await demoCard.getByRole('button', { name: '明细' }).click();
    await page.getByRole('dialog').getByText('2025 年入选示范课').waitFor();
    await page.getByRole('dialog').getByText('共 100 条').or(page.getByRole('dialog').locator('.ant-pagination')).first().waitFor();
    expect(errors).toEqual([]);
  });

  it('takes a selection round from the teacher’s application to the published list', async () => {
    const teacher = await signedInPage('laoshi01');
    const errors = watchPageErrors(teacher);
    await teacher.goto(`/growth/rounds/${roundId}`);
    await button(teacher, '我要申报').click();
    const dialog = teacher.getByRole('dialog');
    await dialog.getByText('区里已有的信息（自动带入，无需填写）').waitFor();
    await dialog.getByLabel('课题').fill('《秋天的雨》');
    await snap(teacher, 'growth-04-apply');
    await okOfDialog(teacher, '提交申报').click();
    await teacher.getByText('您已申报本次评选').waitFor();

    // The 教师科 closes applications and scores as the reviewer through the API.
    const me = await district.get<Me>('/auth/me');
    await district.post(`/growth/rounds/${roundId}/actions`, { action: 'close' });
    await district.send('PUT', `/growth/rounds/${roundId}/reviewers`, { userIds: [me.id] });
    const apps = await district.get<{ items: { id: number }[] }>(`/growth/rounds/${roundId}/applications`);
    for (const a of apps.items) await district.send('PUT', `/growth/applications/${a.id}/score`, { score: 88 });

    const page = await signedInPage('jiaoshike');
    errors.push(...watchPageErrors(page));
    await page.goto(`/growth/rounds/${roundId}`);
    await button(page, '公布名单').click();
    await okOfDialog(page, '公布名单').click();
    await page.getByText('已公布').first().waitFor();
    await page.locator('.ant-table-tbody').getByText('入选').first().waitFor();
    await snap(page, 'growth-05-published');

    await teacher.goto('/my-growth');
    const selections = teacher.locator('.ant-card').filter({ hasText: '示范课与教学能手' });
    await selections
      .getByRole('row')
      .filter({ hasText: String(roundYear) })
      .getByText('入选', { exact: true })
      .waitFor();
    expect(errors).toEqual([]);
  });
});
