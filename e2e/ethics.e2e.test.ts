/**
 * Teacher ethics end to end: a logged-out browser files an anonymous report with an attachment, gets the
 * tracking code and password and follows it; the 师德办 (shideban) triages, records the findings and the
 * teacher's statement and decides 记过; the reporter sees the new status; and the teacher is then refused
 * when their school submits them for an award round (the awards module asks the ethics restriction service).
 */
import type { AwardApplicationDetail, AwardCallDetail, Page as ApiPage, TeacherSummary } from '@zhiping/contracts';
import { AWARD_RULES_2021, DEFAULT_AWARD_RUBRIC } from '@zhiping/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from './support/api.ts';
import { launchBrowser, newContext, snap, watchPageErrors } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { NEW_PASSWORD, signInDemo } from './support/supervision-seed.ts';
import { openNav, signInInUi } from './support/ui.ts';

const SCHOOL = '示例区实验小学';
const daysFromToday = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const button = (page: Page, text: string) => page.getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });
const modalOk = (page: Page) => page.locator('.ant-modal-footer').getByRole('button', { name: /确\s*定/ });

let server: TestServer;
let browser: Browser;
let office: ApiSession;
let teacher: TeacherSummary;
let schoolUser: string;
let receipt: { caseNo: string; code: string; password: string };

describe('ethics: anonymous report to a blocked award application', () => {
  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    office = (await signInDemo(server.baseUrl, 'shideban')).api;
    const schools = await office.get<ApiPage<{ id: number; code: string; name: string }>>(`/schools?q=${encodeURIComponent(SCHOOL)}`);
    const school = schools.items.find((s) => s.name === SCHOOL)!;
    schoolUser = `school_${school.code}`;
    const teachers = await office.get<ApiPage<TeacherSummary>>(`/teachers?schoolId=${school.id}&pageSize=50`);
    // A teacher of the demo school whose name is unique in the district.
    for (const t of teachers.items.slice(3)) {
      const same = await office.get<ApiPage<TeacherSummary>>(`/teachers?q=${encodeURIComponent(t.name)}`);
      if (same.total === 1) {
        teacher = t;
        break;
      }
    }
    expect(teacher).toBeDefined();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a logged-out browser files an anonymous report with an attachment and follows it', async () => {
    const page = await (await newContext(browser, server.baseUrl, { width: 390, height: 844 })).newPage();
    const errors = watchPageErrors(page);
    await page.goto('/report');
    await page.getByLabel('被反映教师姓名').fill(teacher.name);
    await page.getByLabel('所在学校').fill(SCHOOL);
    await page.locator('.ant-select-item-option', { hasText: SCHOOL }).first().click();
    await page.getByLabel('问题类别（不确定可不选）').click();
    await page.locator('.ant-select-item-option', { hasText: '有偿补课' }).click();
    await page.getByLabel('反映内容').fill('该老师每周六在小区会所给本班学生有偿补课，每次收费二百元，并暗示不参加会影响座位安排。');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '收费记录.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
    await snap(page, 'ethics-01-report-form');
    await button(page, '提交反映').click();
    await page.getByTestId('receipt').waitFor({ timeout: 60_000 });
    receipt = {
      caseNo: (await page.locator('.ant-descriptions-item-content').first().innerText()).trim(),
      code: (await page.getByTestId('tracking-code').innerText()).trim(),
      password: (await page.getByTestId('tracking-password').innerText()).trim(),
    };
    expect(receipt.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await snap(page, 'ethics-02-receipt');

    await page.getByRole('button', { name: '查询办理进展' }).click();
    await page.getByLabel('查询码').fill(receipt.code);
    await page.getByLabel('查询密码').fill(receipt.password);
    await button(page, '查询').click();
    await expect.poll(() => page.getByTestId('public-status').innerText()).toBe('已收到，待受理');
    await page.getByText('收费记录.png').waitFor();
    // The page never sent a cookie, and the browser holds none for the site.
    expect(await page.context().cookies()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the 师德办 triages, records the findings and the statement, and decides 记过', async () => {
    const page = await (await newContext(browser, server.baseUrl)).newPage();
    const errors = watchPageErrors(page);
    await signInInUi(page, 'shideban', NEW_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    await openNav(page, '师德案件');
    await page.getByRole('link', { name: receipt.caseNo }).click();
    await page.getByTestId('case-state').filter({ hasText: '待受理' }).waitFor();

    await button(page, '受理并分类').click();
    await page.getByLabel('被反映教师（在教师库中查找）').click();
    await page.getByLabel('被反映教师（在教师库中查找）').fill(teacher.name);
    await page.locator('.ant-select-item-option', { hasText: teacher.name }).first().click();
    await page.getByRole('radio', { name: '区师德办直接调查' }).check();
    await page.getByLabel('承办人（仅承办人本人可见该案件）').click();
    await page.locator('.ant-select-item-option', { hasText: '师德办（演示）' }).click();
    await modalOk(page).click();
    await page.getByTestId('case-state').filter({ hasText: '调查核实中' }).waitFor();

    await button(page, '提交调查结论').click();
    await page
      .getByLabel('调查认定的事实和拟处理意见（将告知当事教师）')
      .fill('经调查核实，该教师在2026年秋季学期组织本班学生有偿补课，收取费用。拟给予记过处分。');
    await modalOk(page).click();
    await page.getByTestId('case-state').filter({ hasText: '待陈述申辩' }).waitFor();

    await button(page, '提交陈述申辩').click();
    await page.getByLabel('教师的陈述和申辩（当面听取的记录，或书面材料摘要）').fill('当面听取陈述：本人承认组织补课，已全部退还费用。');
    await modalOk(page).click();
    await page.getByTestId('case-state').filter({ hasText: '待作出处理决定' }).waitFor();

    await button(page, '作出处理决定').click();
    await page.getByLabel('处分种类（处分期自生效之日起计算）').click();
    await page.locator('.ant-select-item-option', { hasText: '记过（12个月）' }).click();
    await page.getByLabel('处理决定', { exact: true }).fill('依据教师〔2018〕18号第四条第十项，给予该教师记过处分。');
    await snap(page, 'ethics-03-decision-form');
    await modalOk(page).click();
    await page.getByTestId('case-state').filter({ hasText: '待书面告知' }).waitFor();
    await page.getByText(/记过处分（\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}）/).waitFor();
    await snap(page, 'ethics-04-case-decided');

    // Monitoring: the demo district's three years, the repeated-case schools, no teacher ranking.
    await openNav(page, '师德监测');
    await page.getByText('重复发生案件的学校').waitFor();
    await page.locator('canvas').first().waitFor();
    await snap(page, 'ethics-06-monitoring');
    expect(errors).toEqual([]);
  });

  it('the reporter sees that a decision has been made', async () => {
    const page = await (await newContext(browser, server.baseUrl)).newPage();
    await page.goto('/report/track');
    await page.getByLabel('查询码').fill(receipt.code);
    await page.getByLabel('查询密码').fill(receipt.password);
    await button(page, '查询').click();
    await expect.poll(() => page.getByTestId('public-status').innerText()).toBe('已作出处理');
    await snap(page, 'ethics-05-reporter-status');
  });

  it('the teacher is refused when their school submits them for an award round', async () => {
    const jiaoshike = (await signInDemo(server.baseUrl, 'jiaoshike')).api;
    const call = await jiaoshike.post<AwardCallDetail>('/awards/calls', {
      year: 2026,
      title: '2026年度区教育教学成果奖（师德联动验证）',
      notice: '面向全区中小学开展申报。',
      applicationsOpenOn: daysFromToday(-1),
      applicationsDueOn: daysFromToday(20),
      reviewDueOn: daysFromToday(40),
      rules: AWARD_RULES_2021,
      rubric: DEFAULT_AWARD_RUBRIC,
    });
    await jiaoshike.post(`/awards/calls/${call.id}/transitions`, { action: 'open' });
    const school = (await signInDemo(server.baseUrl, schoolUser)).api;
    const app = await school.post<AwardApplicationDetail>('/awards/applications', {
      callId: call.id,
      leadTeacherId: teacher.id,
      memberTeacherIds: [],
      title: '小学语文整本书阅读的课堂实践',
      field: '基础教育',
      stage: '小学',
      subject: '语文',
      summary: '三年来在本校开展整本书阅读教学实践，形成课例和评价工具，学生阅读素养明显提升。',
    });
    await school.upload(`/awards/applications/${app.id}/attachments`, '成果报告.pdf', Buffer.from('%PDF-1.4 成果报告'));
    const refused = await school.post(`/awards/applications/${app.id}/submission`, { action: 'submit' }).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(String(refused)).toContain('409');
    expect(String(refused)).toMatch(/该教师处于师德处分期（记过处分（\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}）），不能参加评奖评优/);
    // The refusal names the period only — nothing of the case.
    expect(String(refused)).not.toContain('补课');
  });
});
