/**
 * Streaming read of an import file: finds the data sheet and its header row, maps headers to the
 * template's fields, and yields each non-empty row as raw cells. Rows are parsed by exceljs's
 * worksheet reader over entries opened by xlsx-zip.ts. Memory stays flat however many rows there are.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AnyImportTemplate, CellValue, RawRow } from '@zhiping/domain';
import { AppError } from '../../platform/errors.ts';
import { NotAZipFileError, openZipEntryText, readZipEntries } from './xlsx-zip.ts';

/** Sheets the templates add beside the data sheet; never read as data. */
export const AUXILIARY_SHEETS = ['代码表', '填表说明'] as const;
/** The column an annotated report adds; ignored when a corrected report is uploaded again. */
export const ERROR_COLUMN_HEADER = '错误说明';
/** Rows searched for the header row (a title row above it is allowed). */
const HEADER_SEARCH_ROWS = 10;

export const UNREADABLE_FILE = '无法读取文件，请上传 .xlsx 格式的 Excel 文件';

/** Values only: styles are skipped (dates then arrive as Excel serial numbers, which validation reads). */
const READ_OPTIONS = { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' } as const;

/** Where each template field sits in the sheet. */
export interface SheetLayout {
  /** Sheet row number of the header row (1-based). */
  headerRow: number;
  /** Template fields found, with their 1-based sheet column. */
  fields: { key: string; column: number }[];
  /** Every header cell of the header row by 1-based column (for the annotated report). */
  headers: string[];
}

/** One data row: its sheet row number and its cells by field key. */
export interface SheetRow {
  rowNumber: number;
  raw: RawRow;
  /** The row's cell values by 1-based column, as read (for the annotated report). */
  values: CellValue[];
  /** Share of the sheet read so far (0–1), for progress estimates. */
  fractionRead: number;
}

/** Normalizes a header cell: no spaces, no required-markers such as * or （必填）. */
function normalizeHeader(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/[（(]必填[）)]$/, '');
}

/** Flattens an exceljs cell value (rich text, formula result, hyperlink, error) to a plain cell. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  const o = v as { richText?: { text: string }[]; result?: unknown; formula?: string; text?: unknown; error?: string };
  if (o.richText) return o.richText.map((t) => t.text).join('');
  if ('result' in o || o.formula !== undefined) return toCellValue(o.result);
  if (o.text !== undefined) return toCellValue(o.text);
  if (o.error !== undefined) return o.error;
  return String(v);
}

/** Maps a header row to template fields; throws a 400 listing the missing required headers. */
function layoutOf(template: AnyImportTemplate, headerRow: number, cells: CellValue[]): SheetLayout {
  const headers = cells.map((c) => normalizeHeader(String(toCellValue(c) ?? '')));
  const byHeader = new Map(template.columns.map((c) => [c.header, c]));
  const fields: SheetLayout['fields'] = [];
  const seen = new Set<string>();
  headers.forEach((h, column) => {
    const c = byHeader.get(h);
    if (!c) return;
    if (seen.has(c.key)) throw new AppError('VALIDATION_FAILED', { userMessage: `表头“${h}”出现了两次，请删除重复的列` });
    seen.add(c.key);
    fields.push({ key: c.key, column });
  });
  const missing = template.columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      userMessage: `缺少必需的列：${missing.join('、')}。请使用“${template.sheetName}”导入模板`,
      details: { missingHeaders: missing },
    });
  }
  return { headerRow, fields, headers };
}

/** The parts of exceljs's WorkbookReader the reader drives itself (present in exceljs 4.4; see xlsx-zip.ts for why). */
interface WorkbookReaderParts {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string; state?: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Iterable<{ value: ExcelJS.stream.xlsx.WorksheetReader }>;
}

/** The zip path of a sheet from the workbook relationships ('worksheets/sheet1.xml' or '/xl/worksheets/sheet1.xml'). */
function sheetPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * Opens the first visible data sheet of a workbook: parses the relationships, the workbook and the
 * shared strings, then hands back exceljs's row reader over the sheet. `opened` collects the entry
 * streams for the caller to close.
 */
async function openDataSheet(
  filePath: string,
  opened: Readable[],
  onFraction: (f: number) => void,
): Promise<ExcelJS.stream.xlsx.WorksheetReader> {
  const entries = await readZipEntries(filePath);
  const open = async (name: string, track = false) => {
    const entry = entries.get(name);
    if (!entry) return null;
    const stream = await openZipEntryText(
      filePath,
      entry,
      track ? (bytes) => onFraction(bytes / Math.max(1, entry.uncompressedSize)) : undefined,
    );
    opened.push(stream);
    return stream;
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, READ_OPTIONS) as unknown as WorkbookReaderParts;
  const rels = await open('xl/_rels/workbook.xml.rels');
  const workbook = await open('xl/workbook.xml');
  if (!rels || !workbook) throw new NotAZipFileError('not a workbook');
  await reader._parseRels(rels);
  await reader._parseWorkbook(workbook);
  const sharedStrings = await open('xl/sharedStrings.xml');
  if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings));
  const sheet = (reader.model?.sheets ?? []).find(
    (s) => s.state !== 'hidden' && s.state !== 'veryHidden' && !(AUXILIARY_SHEETS as readonly string[]).includes(s.name),
  );
  const target = sheet && reader.workbookRels?.find((r) => r.Id === sheet.rId)?.Target;
  const stream = target ? await open(sheetPath(target), true) : null;
  if (!sheet || !target || !stream) throw new NotAZipFileError('no data sheet');
  const sheetNo = /sheet(\d+)\.xml$/.exec(target)?.[1] ?? String(sheet.id);
  const [first] = reader._parseWorksheet(stream, sheetNo);
  if (!first) throw new NotAZipFileError('no data sheet');
  return first.value;
}

/**
 * Reads the data sheet row by row: first the layout (once the header row is found), then every
 * non-empty data row. Stop early by breaking out of the loop; the file is closed either way.
 */
export async function* readSheet(filePath: string, template: AnyImportTemplate): AsyncGenerator<SheetLayout | SheetRow> {
  const opened: Readable[] = [];
  let fractionRead = 0;
  try {
    const sheet = await openDataSheet(filePath, opened, (f) => (fractionRead = f));
    let layout: SheetLayout | null = null;
    for await (const row of sheet) {
      const values = row.values as unknown[];
      if (!layout) {
        if (row.number > HEADER_SEARCH_ROWS) break;
        const cells = Array.from(values, (v) => toCellValue(v));
        if (!cells.some((c) => typeof c === 'string' && template.columns.some((col) => col.header === normalizeHeader(c)))) continue;
        layout = layoutOf(template, row.number, cells);
        yield layout;
        continue;
      }
      const raw: Record<string, CellValue> = {};
      let isEmpty = true;
      for (const f of layout.fields) {
        const v = toCellValue(values[f.column]);
        raw[f.key] = v;
        if (v !== null && !(typeof v === 'string' && v.trim() === '')) isEmpty = false;
      }
      if (!isEmpty) yield { rowNumber: row.number, raw, values: values as CellValue[], fractionRead };
    }
    if (!layout) {
      throw new AppError('VALIDATION_FAILED', {
        userMessage: `没有找到表头行：前 ${HEADER_SEARCH_ROWS} 行中没有“${template.columns[0]!.header}”等列名。请使用“${template.sheetName}”导入模板`,
      });
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION_FAILED', {
      userMessage: UNREADABLE_FILE,
      message: `xlsx read failed: ${(e as Error).message}`,
      cause: e,
    });
  } finally {
    for (const s of opened) s.destroy();
  }
}

/** Reads only as far as the header row: a quick check of an upload before the background work starts. */
export async function readSheetLayout(filePath: string, template: AnyImportTemplate): Promise<SheetLayout> {
  for await (const item of readSheet(filePath, template)) {
    if ('fields' in item) return item;
  }
  throw new AppError('VALIDATION_FAILED', { userMessage: UNREADABLE_FILE });
}
