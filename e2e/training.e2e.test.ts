/**
 * Continuing education in the browser on the demo district: a school administrator registers a 校本
 * course, opens a session, enrols the demo teacher, marks attendance and completes them (hours credited);
 * the teacher opens 我的学时, sees the hours by cycle and level with that training, and submits an
 * outside training with a certificate; the school approves it; 教师科 sees the district's compliance
 * list filtered to teachers at risk.
 */
import type { Me, OutsideTrainingPage, TeacherTrainingSummary } from '@zhiping/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from './support/api.ts';
import { launchBrowser, newContext, snap, watchPageErrors } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { NEW_PASSWORD, signInDemo } from './support/supervision-seed.ts';
import { openNav, signInInUi } from './support/ui.ts';

let server: TestServer;
let browser: Browser;
let schoolUser: string;
let teacherApi: ApiSession;
let teacherName: string;
const COURSE = '校本研修：大单元教学设计（E2E）';
const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

const button = (page: Page, text: string) => page.getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });

async function signedInPage(user: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await newContext(browser, server.baseUrl)).newPage();
  const errors = watchPageErrors(page);
  await signInInUi(page, user, NEW_PASSWORD);
  await page.getByTestId('current-user').waitFor();
  return { page, errors };
}

describe('training: record a training, a teacher sees their hours', () => {
  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    const staff = (await signInDemo(server.baseUrl, 'jiaoshike')).api;
    const schools = await staff.get<{ items: { name: string; code: string }[] }>('/schools?q=示例区实验小学');
    schoolUser = `school_${schools.items.find((s) => s.name === '示例区实验小学')!.code}`;
    await signInDemo(server.baseUrl, schoolUser);
    teacherApi = (await signInDemo(server.baseUrl, 'laoshi01')).api;
    teacherName = (await teacherApi.get<Me>('/auth/me')).displayName;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a school administrator registers a 校本 course, enrols, marks attendance and completes the demo teacher', async () => {
    const before = await teacherApi.get<TeacherTrainingSummary>('/training/me');
    const { page, errors } = await signedInPage(schoolUser);
    await openNav(page, '培训项目');
    await page.getByRole('heading', { name: '培训项目' }).waitFor();
    await button(page, '登记培训项目').click();
    await page.getByLabel('培训项目名称').fill(COURSE);
    await page.getByLabel('培训机构').fill('本校教科室');
    await page.getByLabel('学时').fill('8');
    await button(page, '保存').click();
    await page.getByRole('heading', { name: COURSE }).waitFor();
    await button(page, '开设期次').click();
    await page.getByLabel('期次名称').fill('第1期');
    await page.getByPlaceholder('开始日期').fill(day(-10));
    await page.getByPlaceholder('结束日期').fill(day(-5));
    await page.getByPlaceholder('结束日期').press('Enter');
    await button(page, '保存').click();
    await page.getByRole('link', { name: '第1期' }).click();
    await button(page, '报名教师').click();
    await page.getByRole('combobox', { name: '选择教师' }).fill(teacherName);
    await page.locator('.ant-select-item-option', { hasText: teacherName }).first().click();
    await page.locator('.ant-select-selection-item', { hasText: teacherName }).waitFor();
    await page.locator('.ant-modal-title').click();
    await snap(page, 'training-00-enrol-dialog');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /报\s*名/ })
      .click();
    await page.getByRole('cell', { name: teacherName }).waitFor();
    await page.locator('.ant-table-tbody .ant-table-selection-column .ant-checkbox-wrapper').first().click();
    await button(page, '登记出勤').click();
    await page.getByText('已登记出勤 1 人').waitFor();
    await page.locator('.ant-table-tbody .ant-table-selection-column .ant-checkbox-wrapper').first().click();
    await button(page, '结业并记学时').click();
    await page.getByRole('cell', { name: '已结业' }).waitFor();
    await snap(page, 'training-01-session-completed');
    const after = await teacherApi.get<TeacherTrainingSummary>('/training/me');
    const earned = (s: TeacherTrainingSummary) => s.cycles.find((c) => c.ref.ruleCode === 'district')!.standing!.earned;
    expect(earned(after) - earned(before)).toBe(8);
    expect(after.recent.some((r) => r.title === COURSE && r.level === 'school')).toBe(true);
    expect(errors).toEqual([]);
  }, 90_000);

  it('the teacher sees their hours by cycle and level, and submits an outside training with its certificate', async () => {
    const { page, errors } = await signedInPage('laoshi01');
    await openNav(page, '我的学时');
    await page.getByText('继续教育学时', { exact: true }).waitFor();
    await page.getByText(/示例区中小学教师继续教育学时要求/).waitFor();
    await page.getByRole('cell', { name: COURSE }).waitFor();
    await snap(page, 'training-02-my-hours');
    await button(page, '申报校外培训').click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByLabel('培训名称').fill('学科核心素养专题研修（E2E）');
    await dialog.getByLabel('培训机构').fill('重庆师范大学');
    await dialog.getByLabel('学时').fill('6');
    await dialog.getByPlaceholder('开始日期').fill(day(-20));
    await dialog.getByPlaceholder('结束日期').fill(day(-19));
    await dialog.getByPlaceholder('结束日期').press('Enter');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '结业证书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 结业证书') });
    await button(page, '提交').click();
    await page.getByText('已提交，待学校审核认定').waitFor();
    await page.getByRole('cell', { name: /学科核心素养专题研修（E2E）/ }).waitFor();
    await snap(page, 'training-03-outside-submitted');
    const mine = await teacherApi.get<OutsideTrainingPage>('/training/outside?mine=true');
    const submitted = mine.items.find((i) => i.title === '学科核心素养专题研修（E2E）')!;
    expect(submitted).toMatchObject({ status: 'pending', hours: 6 });
    expect(submitted.evidence.map((e) => e.fileName)).toEqual(['结业证书.pdf']);
    expect(errors).toEqual([]);
  }, 60_000);

  it('the school approves it and 教师科 sees the district list of teachers at risk', async () => {
    const { page, errors } = await signedInPage(schoolUser);
    await openNav(page, '校外培训审核');
    const row = page.getByRole('row', { name: /学科核心素养专题研修（E2E）/ });
    await row.getByRole('button', { name: /认\s*定/ }).click();
    await page
      .getByText(/已认定/)
      .first()
      .waitFor();
    const mine = await teacherApi.get<OutsideTrainingPage>('/training/outside?mine=true');
    expect(mine.items.find((i) => i.title === '学科核心素养专题研修（E2E）')!.status).toBe('approved');

    const district = await signedInPage('jiaoshike');
    await openNav(district.page, '学时达标');
    await district.page.getByText(/统计日/).waitFor();
    await district.page.getByRole('combobox', { name: '状态' }).click();
    await district.page.locator('.ant-select-item-option', { hasText: '预警' }).click();
    await district.page.getByRole('cell', { name: '预警' }).first().waitFor();
    await snap(district.page, 'training-04-district-at-risk');
    expect([...errors, ...district.errors]).toEqual([]);
  }, 60_000);
});
