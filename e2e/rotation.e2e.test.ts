/**
 * 交流轮岗 in the browser on the demo district: 教师科 (jiaoshike) checks the eligible list, creates the
 * year's plan, runs the optimizer, locks one move and excludes a teacher, re-runs, and submits it; a school
 * administrator accepts a move on their review page (the other schools' answers are seeded through the
 * API); 教师科 notifies, requests approval and approves; the moves become dated transfers and the 骨干
 * CV on the indicator page is the plan's "after" value.
 */
import type { IndicatorList, Me, RotationMovePage, RotationPlanDetail, RotationPlanSummary } from '@zhiping/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from './support/api.ts';
import { launchBrowser, newContext, snap, watchPageErrors } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { NEW_PASSWORD, createAccount, signInDemo } from './support/supervision-seed.ts';
import { openNav, signInInUi } from './support/ui.ts';

let server: TestServer;
let browser: Browser;
let staff: ApiSession;
let admins: { sys: ApiSession; sec: ApiSession };

const button = (page: Page, text: string) => page.getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });
const okOfDialog = (page: Page, text: string) =>
  page.locator('.ant-modal-footer').getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });

async function signedInPage(user: string): Promise<Page> {
  const page = await (await newContext(browser, server.baseUrl)).newPage();
  await signInInUi(page, user, NEW_PASSWORD);
  await page.getByTestId('current-user').waitFor();
  return page;
}

describe('rotation: eligible list to executed plan', () => {
  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    admins = { sys: (await signInDemo(server.baseUrl, 'sysadmin')).api, sec: (await signInDemo(server.baseUrl, 'secadmin')).api };
    staff = (await signInDemo(server.baseUrl, 'jiaoshike')).api;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('computes the plan, adjusts it by hand, and runs it through review and approval', async () => {
    const page = await signedInPage('jiaoshike');
    const errors = watchPageErrors(page);
    await openNav(page, '应交流名单');
    await page.getByText('应交流教师', { exact: true }).first().waitFor();
    await page
      .getByText(/示例教委发〔2025〕7号/)
      .first()
      .waitFor();
    await snap(page, 'rotation-01-eligible');

    await openNav(page, '交流轮岗方案');
    await button(page, '新建方案').click();
    await okOfDialog(page, '创建').click();
    await button(page, '计算方案').waitFor();
    await button(page, '计算方案').click();
    await page.getByText('优质均衡差异系数：调整前后（按学段）').waitFor({ timeout: 60_000 });
    await page.getByText(/达到交流比例/).waitFor();
    await snap(page, 'rotation-02-plan');

    // Hand edits: lock the first move, exclude the teacher of the second, re-run around them.
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows
      .nth(0)
      .getByRole('button', { name: /^锁\s*定$/ })
      .click();
    await rows.nth(0).getByText('已锁定').waitFor();
    await rows
      .nth(1)
      .getByRole('button', { name: /^排\s*除$/ })
      .click();
    await page.getByLabel('排除原因').fill('承担毕业班教学');
    await okOfDialog(page, '排除').click();
    await page.getByText('承担毕业班教学').waitFor();
    await page.getByText('方案已人工调整').waitFor();
    await button(page, '重新计算').click();
    await page.getByText('方案已人工调整').waitFor({ state: 'hidden', timeout: 60_000 });
    await snap(page, 'rotation-03-adjusted');

    await button(page, '提交学校审核').click();
    await page.getByText('学校审核', { exact: true }).first().waitFor();

    // The administrator of one school accepts a move in the browser; another account holding every school
    // of the plan answers the rest through the API.
    const plan = (await staff.get<RotationPlanSummary[]>('/rotation/plans'))[0]!;
    const moves = await staff.get<RotationMovePage>(`/rotation/plans/${plan.id}/moves?pageSize=200`);
    const first = moves.items[0]!;
    await createAccount(server.baseUrl, admins, {
      username: 'e2e_rotation_school',
      displayName: '校长甲',
      role: 'school_admin',
      schoolId: first.fromSchoolId,
    });
    const schoolPage = await signedInPage('e2e_rotation_school');
    await openNav(schoolPage, '交流调动审核');
    await schoolPage.getByText(first.teacherName).first().waitFor();
    await schoolPage
      .locator('.ant-table-tbody tr.ant-table-row')
      .first()
      .getByRole('button', { name: /^同\s*意$/ })
      .click();
    await schoolPage.getByText('已同意').waitFor();
    await snap(schoolPage, 'rotation-04-school-review');
    const schoolIds = [...new Set(moves.items.flatMap((m) => [m.fromSchoolId, m.toSchoolId]))];
    const reviewer = await createAccount(server.baseUrl, admins, {
      username: 'e2e_rotation_all',
      displayName: '审核乙',
      role: 'school_admin',
      schoolId: schoolIds[0]!,
    });
    for (const id of schoolIds.slice(1)) await admins.sec.post(`/users/${reviewer.id}/roles`, { role: 'school_admin', schoolId: id });
    const reviewed = await reviewer.api.get<RotationMovePage>('/rotation/school-moves?pageSize=200');
    for (const m of reviewed.items) await reviewer.api.post(`/rotation/moves/${m.id}/review`, { decision: 'accepted' });

    const before = await staff.get<IndicatorList>('/indicators?year=2025');
    await page.reload();
    await button(page, '告知教师').click();
    await button(page, '提交区级审批').waitFor();
    await button(page, '提交区级审批').click();
    await button(page, '审批通过并执行').click();
    await page.getByText('已执行', { exact: true }).first().waitFor();
    await snap(page, 'rotation-05-executed');

    const done = await staff.get<RotationPlanDetail>(`/rotation/plans/${plan.id}`);
    expect(done.state).toBe('executed');
    const after = await staff.get<IndicatorList>('/indicators?year=2025');
    const cv = (l: IndicatorList, stage: string) =>
      l.items.find((v) => v.code === 'balanced.cv.backbone_teachers_per100' && v.stage === stage)?.value;
    for (const term of done.result!.cv.filter((c) => c.indicator === 'backbone')) {
      expect(cv(before, term.stage)).toBeCloseTo(term.before!, 6);
      expect(cv(after, term.stage)).toBeCloseTo(term.after!, 6);
    }
    // The moved teacher's record shows the dated transfer.
    const moved = (await staff.get<RotationMovePage>(`/rotation/plans/${plan.id}/moves?pageSize=1`)).items[0]!;
    expect(moved.assignmentId).not.toBeNull();
    await page.goto(`${server.baseUrl}/indicators/balanced.cv.backbone_teachers_per100`);
    await page.getByText('差异系数').first().waitFor();
    await snap(page, 'rotation-06-indicator');
    await openNav(page, '交流轮岗统计');
    await page.getByText('按学年', { exact: true }).waitFor({ timeout: 60_000 });
    await snap(page, 'rotation-07-report');
    const me = await staff.get<Me>('/auth/me');
    expect(me.username).toBe('jiaoshike');
    expect(errors).toEqual([]);
  }, 180_000);
});
