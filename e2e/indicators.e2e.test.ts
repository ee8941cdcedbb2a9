/**
 * With the demo district loaded, a district admin opens the indicator overview, drills from a resource
 * indicator down to one school's numerator and denominator, and opens the 优质均衡 self-assessment.
 */
import type { Assessment, IndicatorDrillDown, IndicatorSchools } from '@zhiping/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './support/api.ts';
import { launchBrowser, newContext, snap, watchPageErrors } from './support/browser.ts';
import { INITIAL_PASSWORD, startServer, type TestServer } from './support/server.ts';
import { openNav, signInInUi } from './support/ui.ts';

const ADMIN_PASSWORD = 'Indic@tors2026';
const CODE = 'balanced.teaching_area_per_student';
let server: TestServer;
let browser: Browser;
let page: Page;
let api: ApiSession;
let errors: string[];

/** True when the page does not scroll sideways (wide tables scroll inside their own box). */
const fitsWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('indicators on the demo district', () => {
  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    api = await ApiSession.signIn(server.baseUrl, 'admin', INITIAL_PASSWORD, ADMIN_PASSWORD);
    page = await (await newContext(browser, server.baseUrl)).newPage();
    page.setDefaultTimeout(90_000);
    errors = watchPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the key indicators with status, threshold and document', async () => {
    await signInInUi(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    await openNav(page, '指标总览');
    const cards = page.getByTestId('key-indicator');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThanOrEqual(8);
    const area = cards.filter({ hasText: '生均教学及辅助用房面积' });
    await expect(area.textContent()).resolves.toMatch(/\d+\.\dm²/);
    await expect(area.textContent()).resolves.toContain('《县域义务教育优质均衡发展督导评估办法》');
    // Status is told by word and icon, not colour alone: the demo district has deliberate gaps.
    await expect(page.getByText(/未达标 \d+ 项/).isVisible()).resolves.toBe(true);
    await page.locator('[data-testid="key-indicator"] canvas').first().waitFor();
    await expect(fitsWidth(page)).resolves.toBe(true);
    await snap(page, 'indicators-01-overview');
  });

  it('drills from the district value to a school’s numerator and denominator', async () => {
    await page.getByTestId('key-indicator').filter({ hasText: '生均教学及辅助用房面积' }).click();
    await page.getByText('各校数值（点击学校查看分子、分母及所依据的记录）').waitFor();
    await expect(page.getByText('教学及辅助用房面积（平方米）÷ 在校生数').isVisible()).resolves.toBe(true);
    const ranking = await api.get<IndicatorSchools>(`/indicators/${CODE}/schools?stage=primary`);
    const first = ranking.items[0]!;
    await expect(page.getByRole('link', { name: first.schoolName, exact: true }).first().isVisible()).resolves.toBe(true);
    await snap(page, 'indicators-02-indicator');

    await page.getByRole('link', { name: first.schoolName, exact: true }).first().click();
    const inputs = page.getByTestId('drill-inputs');
    await inputs.waitFor();
    const drill = await api.get<IndicatorDrillDown>(`/indicators/${CODE}/schools/${first.schoolId}?stage=primary`);
    const value = drill.values[0]!;
    await expect(page.getByRole('heading', { name: `${drill.school.name} · ${value.name}` }).isVisible()).resolves.toBe(true);
    await expect(inputs.textContent()).resolves.toContain('教学及辅助用房面积（m²）');
    await expect(inputs.textContent()).resolves.toContain(value.denominator!.toLocaleString('zh-CN'));
    await expect(page.getByTestId('indicator-value').first().textContent()).resolves.toBe(value.display);
    await expect(page.getByText('一年级').first().isVisible()).resolves.toBe(true);
    await expect(fitsWidth(page)).resolves.toBe(true);
    await snap(page, 'indicators-03-drill-down');
  });

  it('lists the failing items of the 优质均衡 self-assessment with their reasons', async () => {
    await openNav(page, '优质均衡评估');
    const failing = page.getByTestId('failing-items');
    await failing.waitFor();
    const assessment = await api.get<Assessment>('/assessments/balanced');
    expect(assessment.failing.length).toBeGreaterThan(0);
    const text = await failing.textContent();
    for (const f of assessment.failing) expect(text).toContain(f.name);
    expect(text).toContain(`未达标条目（${assessment.failing.length}）`);
    await expect(page.getByRole('button', { name: /导出评估表/ }).isVisible()).resolves.toBe(true);
    await expect(fitsWidth(page)).resolves.toBe(true);
    await snap(page, 'indicators-04-balanced-assessment');
    expect(errors).toEqual([]);
  });
});
