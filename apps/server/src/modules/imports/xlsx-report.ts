/**
 * The annotated report of a dry run: the uploaded sheet's rows as they were, at the same row numbers,
 * plus a 错误说明 column listing each row's problems and a red fill on every bad cell. Fixing the
 * report and uploading it again works: the import ignores the 错误说明 column.
 */
import { PassThrough } from 'node:stream';
import type { ImportRowError } from '@zhiping/contracts';
import type { AnyImportTemplate } from '@zhiping/domain';
import ExcelJS from 'exceljs';
import { ERROR_COLUMN_HEADER, readSheet } from './xlsx-reader.ts';

const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const BAD_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

/** Builds the annotated copy of an import file. */
export async function buildReportWorkbook(
  filePath: string,
  template: AnyImportTemplate,
  errors: readonly ImportRowError[],
): Promise<Buffer> {
  const byRow = new Map<number, ImportRowError[]>();
  for (const e of errors) {
    const list = byRow.get(e.row);
    if (list) list.push(e);
    else byRow.set(e.row, [e]);
  }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(template.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  let columnOf = new Map<string, number>();
  let errorColumn = 1;
  for await (const item of readSheet(filePath, template)) {
    if ('fields' in item) {
      const headers = item.headers.filter((h) => h !== ERROR_COLUMN_HEADER);
      columnOf = new Map(headers.map((h, i) => [h, i]));
      errorColumn = Math.max(headers.length, 1);
      const row = sheet.getRow(item.headerRow);
      headers.forEach((h, i) => {
        if (i > 0) row.getCell(i).value = h;
      });
      row.getCell(errorColumn).value = ERROR_COLUMN_HEADER;
      row.font = { bold: true };
      sheet.getColumn(errorColumn).width = 60;
      row.commit();
      continue;
    }
    const row = sheet.getRow(item.rowNumber);
    for (let c = 1; c < errorColumn; c++) {
      const v = item.values[c];
      if (v !== undefined && v !== null) row.getCell(c).value = v as ExcelJS.CellValue;
    }
    const problems = byRow.get(item.rowNumber);
    if (problems) {
      for (const p of problems) {
        const c = columnOf.get(p.column);
        if (c !== undefined && c > 0) Object.assign(row.getCell(c), { fill: BAD_FILL, font: BAD_FONT });
      }
      const note = row.getCell(errorColumn);
      note.value = problems.map((p) => `${p.column}：${p.message}`).join('；');
      note.font = BAD_FONT;
    }
    row.commit();
  }
  (sheet as unknown as { commit(): void }).commit();
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
