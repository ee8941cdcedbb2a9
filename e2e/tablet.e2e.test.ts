/** On a 768×1024 tablet a district admin signs in, opens the schools list and a school's detail. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './support/api.ts';
import { launchBrowser, newContext, snap, watchPageErrors } from './support/browser.ts';
import { INITIAL_PASSWORD, startServer, type TestServer } from './support/server.ts';
import { openNav, signInInUi } from './support/ui.ts';

const ADMIN_PASSWORD = 'Tabl3t#Review';
let server: TestServer;
let browser: Browser;
let page: Page;

/** True when the page does not scroll sideways (tables scroll inside their own box). */
const fitsWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('tablet viewport', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const api = await ApiSession.signIn(server.baseUrl, 'admin', INITIAL_PASSWORD, ADMIN_PASSWORD);
    for (const [code, name, typeCode] of [
      ['5001990011', '示例区滨江小学', '211'],
      ['5001990012', '示例区第八中学校', '312'],
    ] as const) {
      await api.post('/schools', {
        code,
        name,
        typeCode,
        sponsor: 'public',
        urbanRuralCode: '111',
        streetId: null,
        address: '滨江路 8 号',
      });
    }
    page = await (await newContext(browser, server.baseUrl, { width: 768, height: 1024 })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the schools list and a school detail without sideways scrolling', async () => {
    const errors = watchPageErrors(page);
    await signInInUi(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    await openNav(page, '学校');
    await page.getByRole('link', { name: '示例区第八中学校' }).waitFor();
    await expect(page.locator('tr.ant-table-row').count()).resolves.toBe(2);
    await expect(fitsWidth(page)).resolves.toBe(true);
    await snap(page, 'tablet-01-schools');

    await page.getByRole('link', { name: '示例区第八中学校' }).click();
    await page.getByText('基本信息').waitFor();
    await expect(page.getByText('九年一贯制学校').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('滨江路 8 号').first().isVisible()).resolves.toBe(true);
    await expect(fitsWidth(page)).resolves.toBe(true);
    await snap(page, 'tablet-02-school-detail');
    expect(errors).toEqual([]);
  });
});
