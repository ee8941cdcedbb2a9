/**
 * Writing workbooks in a template's layout: the downloadable template (data sheet with drop-down
 * lists, a hidden 代码表 sheet holding the lists, a 填表说明 sheet) and exports (the same data sheet
 * filled with rows, streamed so 100,000 rows stay cheap).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AnyImportTemplate, CellValue, TemplateColumn } from '@zhiping/domain';
import { AUXILIARY_SHEETS } from './xlsx-reader.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const [CODE_SHEET, GUIDE_SHEET] = AUXILIARY_SHEETS;
/**
 * Rows of an empty template the drop-downs cover. Not the whole column: readers such as exceljs expand
 * a validation range into one entry per cell when loading a workbook.
 */
const TEMPLATE_ROWS = 5000;

/** Column letter of a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function typeHint(c: TemplateColumn): string {
  switch (c.type) {
    case 'text':
      return '文本';
    case 'integer':
      return '整数';
    case 'decimal':
      return '数字';
    case 'date':
      return '日期 YYYY-MM-DD';
    case 'boolean':
      return '是/否';
    case 'code':
      return '从下拉列表选择';
    case 'schoolYear':
      return '学年起始年份';
  }
}

/** A workbook being written, in memory or streamed (worksheets of the streaming writer must be committed). */
type AnyWorkbook = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

/** Commits a streamed worksheet; a no-op for in-memory ones. */
function commitSheet(sheet: ExcelJS.Worksheet): void {
  const streamed = sheet as unknown as { commit?: () => void };
  if (typeof streamed.commit === 'function') streamed.commit();
}

/** The list formula of each coded field, pointing at its column of the 代码表 sheet. */
function codeListFormulas(template: AnyImportTemplate): Map<string, string> {
  const coded = template.columns.filter((c) => c.type === 'code');
  return new Map(
    coded.map((c, i) => [c.key, `'${CODE_SHEET}'!$${columnLetter(i + 1)}$2:$${columnLetter(i + 1)}$${c.codes!.options.length + 1}`]),
  );
}

/** Adds the hidden 代码表 sheet: one column per coded field, header then allowed values. */
function addCodeListSheet(workbook: AnyWorkbook, template: AnyImportTemplate): void {
  const sheet = workbook.addWorksheet(CODE_SHEET, { state: 'hidden' });
  const coded = template.columns.filter((c) => c.type === 'code');
  sheet.columns = coded.map((c) => ({ width: Math.max(12, c.header.length * 2 + 2) }));
  const height = Math.max(0, ...coded.map((c) => c.codes!.options.length)) + 1;
  for (let r = 1; r <= height; r++) {
    sheet.addRow(coded.map((c) => (r === 1 ? c.header : (c.codes!.options[r - 2] ?? null)))).commit();
  }
  commitSheet(sheet);
}

/** The sheet's data validations (present at runtime on both sheet kinds, missing from exceljs's types). */
function validationsOf(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

/** Adds the data sheet: header row with notes, column widths and formats, drop-downs on coded and yes/no columns. */
function addDataSheet(
  workbook: AnyWorkbook,
  template: AnyImportTemplate,
  options: { lastRow: number; headerNote?: string | undefined },
): ExcelJS.Worksheet {
  const lists = codeListFormulas(template);
  const sheet = workbook.addWorksheet(template.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = template.columns;
  sheet.columns = columns.map((c) => ({
    key: c.key,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    ...(c.type === 'text' || c.type === 'date' ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.note = [c.required ? '必填' : '选填', c.note, i === 0 ? options.headerNote : undefined].filter(Boolean).join('；');
  });
  columns.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${options.lastRow}`;
    const list = c.type === 'boolean' ? '"是,否"' : lists.get(c.key);
    if (!list) return;
    validationsOf(sheet).add(range, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [list],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: `请从下拉列表中选择${c.header}`,
    });
  });
  return sheet;
}

/** Adds the 填表说明 sheet: one line per column with whether it is required, its format and values. */
function addGuideSheet(workbook: ExcelJS.Workbook, template: AnyImportTemplate): void {
  const sheet = workbook.addWorksheet(GUIDE_SHEET);
  sheet.columns = [{ width: 20 }, { width: 8 }, { width: 18 }, { width: 60 }];
  const title = sheet.addRow(['列名', '必填', '格式', '说明与可选值']);
  title.font = { bold: true };
  for (const c of template.columns) {
    const values = c.type === 'code' ? c.codes!.options.join('、') : c.type === 'boolean' ? '是、否' : '';
    sheet.addRow([c.header, c.required ? '是' : '否', typeHint(c), [c.note, values].filter(Boolean).join('；')]);
  }
  sheet.addRow([]);
  sheet.addRow(['第一行是表头，请勿修改列名；每行一条记录。导入时先校验（不写入），全部无误后再确认提交。']);
}

/** The empty template of a kind as an xlsx buffer. */
export async function buildTemplateWorkbook(template: AnyImportTemplate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '智评';
  addDataSheet(workbook, template, { lastRow: TEMPLATE_ROWS + 1 });
  addGuideSheet(workbook, template);
  addCodeListSheet(workbook, template);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Options of an export workbook. */
export interface ExportWorkbookOptions {
  /** Extra note on the first header cell (e.g. that masked ID numbers cannot be re-imported). */
  headerNote?: string;
}

/** Streams rows (cells in the template's column order) into an xlsx in the template's layout. */
export async function buildExportWorkbook(
  template: AnyImportTemplate,
  rows: readonly CellValue[][],
  options: ExportWorkbookOptions = {},
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '智评';
  const sheet = addDataSheet(workbook, template, { lastRow: Math.max(TEMPLATE_ROWS, rows.length) + 1, headerNote: options.headerNote });
  sheet.getRow(1).commit();
  for (const cells of rows) sheet.addRow(cells).commit();
  commitSheet(sheet);
  addCodeListSheet(workbook, template);
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
