/**
 * HTML → PDF with Debian's headless chromium driven by playwright-core (never a downloaded browser).
 * Chinese text needs the fonts-noto-cjk package on the machine. One browser per document: reports are
 * rare, and a fresh process leaves nothing running between them.
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { AppError } from '../../platform/errors.ts';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Prints an HTML page to an A4 PDF with the chromium at `executable` (config.chromiumPath). */
export async function renderPdf(html: string, executable: string): Promise<Buffer> {
  const EXECUTABLE = executable;
  if (!fs.existsSync(EXECUTABLE))
    throw new AppError('INTERNAL', {
      message: `chromium not found at ${EXECUTABLE}`,
      userMessage: '服务器未安装 chromium，无法生成 PDF（请安装 chromium 和 fonts-noto-cjk，或设置 CHROMIUM_PATH）',
    });
  const browser = await chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
  try {
    const page = await browser.newPage();
    // The page is self-contained: no network is needed or allowed.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return Buffer.from(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  } finally {
    await browser.close();
  }
}
