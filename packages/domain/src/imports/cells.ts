/**
 * Reading one spreadsheet cell as text, a number, a date, a yes/no or a school year. Each parser
 * returns the value or a Chinese message naming the column; empty cells are handled by the caller.
 */
import { isRealDate } from '../people/id-number.ts';

/** A cell as the xlsx reader hands it over (formulas resolved to their result, rich text flattened). */
export type CellValue = string | number | boolean | Date | null;

/** A parsed value or the reason it could not be parsed. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** Excel serial day 0 is 1899-12-30 in the 1900 date system (which counts 1900-02-29; serials > 60 absorb it). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** True when the cell holds nothing but whitespace. */
export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** The cell as trimmed text: integers without exponent, dates as YYYY-MM-DD, booleans as 是/否. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return isoDateOf(v);
}

/** 'YYYY-MM-DD' of a Date read from a sheet (sheet dates carry no zone: their UTC parts are the date). */
function isoDateOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Parses a number, accepting thousands separators in text ('1,234.5'). */
function toNumber(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

/** Bounds of a numeric column. */
export interface NumberBounds {
  min?: number;
  max?: number;
}

function checkBounds(header: string, n: number, b: NumberBounds): Parsed<number> {
  if (b.min !== undefined && n < b.min) return fail(b.min === 0 ? `${header}不能为负数` : `${header}不能小于 ${b.min}`);
  if (b.max !== undefined && n > b.max) return fail(`${header}不能大于 ${b.max}`);
  return ok(n);
}

/** A whole number within bounds. */
export function parseInteger(header: string, v: CellValue, bounds: NumberBounds = {}): Parsed<number> {
  const n = toNumber(v);
  if (n === undefined || !Number.isInteger(n)) return fail(`${header}应为整数，不能是“${cellText(v)}”`);
  return checkBounds(header, n, bounds);
}

/** A decimal number within bounds. */
export function parseDecimal(header: string, v: CellValue, bounds: NumberBounds = {}): Parsed<number> {
  const n = toNumber(v);
  if (n === undefined) return fail(`${header}应为数字，不能是“${cellText(v)}”`);
  return checkBounds(header, n, bounds);
}

/** 是/否 (also true/false, 1/0 and Excel booleans). */
export function parseBoolean(header: string, v: CellValue): Parsed<boolean> {
  if (typeof v === 'boolean') return ok(v);
  const s = cellText(v).toLowerCase();
  if (s === '是' || s === 'true' || s === '1' || s === 'y') return ok(true);
  if (s === '否' || s === 'false' || s === '0' || s === 'n') return ok(false);
  return fail(`${header}应填“是”或“否”，不能是“${cellText(v)}”`);
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * A calendar date as 'YYYY-MM-DD' from an Excel date, an Excel serial number, or text written
 * YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日.
 */
export function parseDate(header: string, v: CellValue): Parsed<string> {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? fail(`${header}不是有效日期`) : ok(isoDateOf(v));
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 1 || v > 2_958_465) return fail(`${header}“${cellText(v)}”不是有效日期（应为 YYYY-MM-DD）`);
    return ok(isoDateOf(new Date(EXCEL_EPOCH_MS + v * DAY_MS)));
  }
  const s = cellText(v);
  const m = DATE_TEXT.exec(s);
  if (!m) return fail(`${header}“${s}”不是有效日期（应为 YYYY-MM-DD）`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return fail(`${header}“${s}”不是有效日期`);
  return ok(`${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

const SCHOOL_YEAR_TEXT = /^(\d{4})(?:\s*[-—–~至]\s*(\d{4}))?\s*(?:学年)?(?:度)?$/;

/** A school year named by its starting calendar year: 2025, '2025', '2025-2026', '2025—2026学年'. */
export function parseSchoolYear(header: string, v: CellValue, bounds: Required<NumberBounds>): Parsed<number> {
  const s = cellText(v);
  const m = SCHOOL_YEAR_TEXT.exec(s);
  const bad = fail(`${header}“${s}”无效，应为四位起始年份，如 2025（即 2025-2026 学年）`);
  if (!m) return bad;
  const start = Number(m[1]);
  if (m[2] !== undefined && Number(m[2]) !== start + 1) return bad;
  if (start < bounds.min || start > bounds.max) return fail(`${header}应在 ${bounds.min}–${bounds.max} 之间`);
  return ok(start);
}
