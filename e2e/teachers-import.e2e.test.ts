/**
 * A district admin imports teachers in the browser: a file with errors is rejected row by row, the
 * fixed file is committed, the teacher is found, the masked ID is revealed (audited), and the audit
 * administrator sees both events. Requires `npm run build`.
 */
import { maskIdNumber } from '@zhiping/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './support/api.ts';
import { launchBrowser, newContext, snap, watchPageErrors } from './support/browser.ts';
import { INITIAL_PASSWORD, startServer, type TestServer } from './support/server.ts';
import { buildTeacherXlsx, idNumberEndingInX, teacherRow, withWrongChecksum } from './support/teacher-xlsx.ts';
import { changePasswordInUi, openNav, signInInUi } from './support/ui.ts';

const ADMIN_PASSWORD = 'Qu4lity#District';
const AUDITOR_PASSWORD = 'Re4d#OnlyLogs';
const SCHOOL_CODE = '5001990001';
const UNKNOWN_SCHOOL_CODE = '5001999999';
const TEACHER_NAME = '王晓明';
const TEACHER_ID = idNumberEndingInX('500104', '19880515');
const OTHER_ID = idNumberEndingInX('500105', '19900220');
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: TestServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];

async function uploadTeachers(fileName: string, content: Buffer): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: XLSX_MIME, buffer: content });
}

describe('teachers import, masked ID and audit', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await newContext(browser, server.baseUrl)).newPage();
    pageErrors = watchPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('forces the admin to change the initial password at first sign-in', async () => {
    await signInInUi(page, 'admin', INITIAL_PASSWORD);
    await expect.poll(() => page.url()).toContain('/change-password');
    await page.getByText(/至少 10 位.*至少三类/).waitFor();
    await changePasswordInUi(page, INITIAL_PASSWORD, ADMIN_PASSWORD);
    await expect(page.getByTestId('current-user').textContent()).resolves.toBe('区级管理员');
    await snap(page, 'import-01-admin-home');
  });

  it('lists every row error of a bad teachers file in Chinese', async () => {
    const api = await ApiSession.signIn(server.baseUrl, 'admin', ADMIN_PASSWORD);
    await api.post('/schools', {
      code: SCHOOL_CODE,
      name: '示例区实验小学',
      typeCode: '211',
      sponsor: 'public',
      urbanRuralCode: '111',
      streetId: null,
    });

    await openNav(page, '数据导入');
    await page.locator('label.ant-radio-button-wrapper', { hasText: '教师' }).click();
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByText('下载“教师”模板').click()]);
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    const bad = await buildTeacherXlsx([
      teacherRow({ 身份证号: withWrongChecksum(TEACHER_ID), 姓名: TEACHER_NAME, 学校标识码: SCHOOL_CODE }),
      teacherRow({ 身份证号: OTHER_ID, 姓名: '李静', 学校标识码: UNKNOWN_SCHOOL_CODE, 任教学科: '语文' }),
    ]);
    await uploadTeachers('教师-有错误.xlsx', bad);
    await page.getByText(/校验发现 \d+ 处错误/).waitFor({ timeout: 60_000 });

    const errors = page.getByTestId('import-errors');
    const idError = errors.locator('tr', { hasText: '身份证号校验位错误' });
    await expect(idError.count()).resolves.toBe(1);
    await expect(idError.locator('td').first().textContent()).resolves.toBe('2');
    const schoolError = errors.locator('tr', { hasText: UNKNOWN_SCHOOL_CODE });
    await expect(schoolError.count()).resolves.toBe(1);
    await expect(schoolError.locator('td').nth(0).textContent()).resolves.toBe('3');
    await expect(schoolError.locator('td').nth(1).textContent()).resolves.toBe('学校标识码');
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载标注错误的文件' }).click()]);
    expect(report.suggestedFilename()).toMatch(/\.xlsx$/);
    await expect(page.getByRole('button', { name: '确认导入' }).count()).resolves.toBe(0);
    await snap(page, 'import-02-row-errors');
  });

  it('validates the fixed file, commits it and shows the counts', async () => {
    const fixed = await buildTeacherXlsx([
      teacherRow({ 身份证号: TEACHER_ID, 姓名: TEACHER_NAME, 学校标识码: SCHOOL_CODE, 骨干教师级别: '区级', 骨干认定日期: '2024-09-10' }),
      teacherRow({ 身份证号: OTHER_ID, 姓名: '李静', 学校标识码: SCHOOL_CODE, 任教学科: '语文' }),
    ]);
    await uploadTeachers('教师-已修改.xlsx', fixed);
    await page.getByText(/校验通过：共 2 行/).waitFor({ timeout: 60_000 });
    await snap(page, 'import-03-validated');

    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('导入完成').waitFor({ timeout: 60_000 });
    const inserted = page.locator('.ant-statistic', { hasText: '新增' }).locator('.ant-statistic-content-value');
    await expect(inserted.textContent()).resolves.toBe('2');
    await expect(page.getByRole('cell', { name: '教师-已修改.xlsx' }).count()).resolves.toBe(1);
    await snap(page, 'import-04-committed');
  });

  it('finds the teacher, shows the masked ID and reveals it on request', async () => {
    await openNav(page, '教师');
    await page.getByPlaceholder('姓名').fill(TEACHER_NAME);
    await page.getByPlaceholder('姓名').press('Enter');
    await page.getByRole('link', { name: TEACHER_NAME }).click();

    const idCell = page.getByTestId('teacher-id-number');
    await idCell.waitFor();
    const masked = await idCell.textContent();
    expect(masked).toBe(maskIdNumber(TEACHER_ID));
    expect(masked).toMatch(/^500104\*{8}\d{3}X$/);
    await snap(page, 'import-05-teacher-masked');

    await page.getByRole('button', { name: '查看完整身份证号' }).click();
    await page.getByText('本次查看已记入审计日志').waitFor();
    await expect(idCell.textContent()).resolves.toBe(TEACHER_ID);
    await snap(page, 'import-06-teacher-unmasked');
  });

  it('shows the import and the unmask to the audit administrator', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/login');
    await signInInUi(page, 'auditor', INITIAL_PASSWORD);
    await changePasswordInUi(page, INITIAL_PASSWORD, AUDITOR_PASSWORD);
    await page.waitForURL('**/audit');
    await expect(page.getByRole('menuitem').allTextContents()).resolves.toEqual(['审计日志']);

    // The 操作 filter is a searchable select of the recorded actions; each filtered list holds one entry by admin.
    for (const [action, label, shot] of [
      ['teacher.unmask', '查看完整身份证号', 'import-07-audit-unmask'],
      ['import.commit', '确认导入', 'import-08-audit-import'],
    ] as const) {
      await page.getByRole('combobox', { name: '操作' }).fill(action);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.url()).toContain(`action=${encodeURIComponent(action)}`);
      const rows = page.locator('tr.ant-table-row');
      await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining(label)]);
      await expect(rows.first().textContent()).resolves.toContain('admin');
      await page.keyboard.press('Escape');
      await snap(page, shot);
    }
    expect(pageErrors).toEqual([]);
  });
});
