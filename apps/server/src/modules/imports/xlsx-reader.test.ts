import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { templateOf } from '@zhiping/domain';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readSheet, readSheetLayout, UNREADABLE_FILE } from './xlsx-reader.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiping-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADERS = templateOf('population').columns.map((c) => c.header);

/** Writes a workbook: a hidden sheet first (as some tools do), then the data sheet. */
async function writeWorkbook(name: string, rows: unknown[][], options: { sharedStrings: boolean }): Promise<string> {
  const file = path.join(dir, name);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: options.sharedStrings });
  const hidden = workbook.addWorksheet('代码表', { state: 'hidden' });
  hidden.addRow(['口径']).commit();
  hidden.commit();
  const sheet = workbook.addWorksheet('人口');
  sheet.addRow(HEADERS).commit();
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  await workbook.commit();
  return file;
}

async function readAll(file: string) {
  const rows: { rowNumber: number; raw: Record<string, unknown> }[] = [];
  for await (const item of readSheet(file, templateOf('population'))) if ('raw' in item) rows.push(item);
  return rows;
}

describe('readSheet', () => {
  it.each([true, false])('keeps every Chinese character intact across chunk boundaries (shared strings: %s)', async (sharedStrings) => {
    // 20,000 distinct multi-byte strings: far more than one inflate chunk, so characters straddle chunk edges.
    const rows = Array.from({ length: 20_000 }, (_, i) => [2025, '500199', i % 121, i, '常住', `第${i}号统计来源（人口普查）`]);
    const read = await readAll(await writeWorkbook(`cjk-${sharedStrings}.xlsx`, rows, { sharedStrings }));
    expect(read).toHaveLength(20_000);
    const wrong = read.filter((r, i) => r.raw.source !== `第${i}号统计来源（人口普查）` || r.raw.basis !== '常住');
    expect(wrong).toEqual([]);
    expect(read[0]).toMatchObject({ rowNumber: 2, raw: { year: 2025, regionCode: '500199', age: 0, count: 0 } });
  });

  it('skips hidden and auxiliary sheets and reads the data sheet', async () => {
    const layout = await readSheetLayout(
      await writeWorkbook('layout.xlsx', [[2025, '500199', 1, 2, '户籍', null]], { sharedStrings: true }),
      templateOf('population'),
    );
    expect(layout.fields.map((f) => f.key)).toEqual(['year', 'regionCode', 'age', 'count', 'basis', 'source']);
  });

  it('refuses files that are not xlsx with the Chinese message', async () => {
    for (const [name, content] of [
      ['text.xlsx', Buffer.from('just text')],
      ['broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(500, 9)])],
      ['empty.xlsx', Buffer.alloc(0)],
    ] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      await expect(readSheetLayout(file, templateOf('population'))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        userMessage: UNREADABLE_FILE,
      });
    }
  });
});
