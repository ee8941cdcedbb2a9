/**
 * Reads the cells of one row by the template's column definitions, collecting every problem as a
 * {column, message} pair instead of stopping at the first. Validators use its typed accessors.
 */
import {
  cellText,
  isBlank,
  parseBoolean,
  parseDate,
  parseDecimal,
  parseInteger,
  parseSchoolYear,
  type CellValue,
  type Parsed,
} from './cells.ts';
import type { ImportRowOfKind, ImportTemplate, TemplateColumn, TemplateKind } from './templates.ts';

/** One problem of a row: the column header and a Chinese message. */
export interface RowIssue {
  column: string;
  message: string;
}

/** The cells of one row keyed by the template's field keys (absent optional columns are missing keys). */
export type RawRow = Readonly<Record<string, CellValue | undefined>>;

/** A validated row or its problems. */
export type RowResult<T> = { ok: true; row: T } | { ok: false; errors: RowIssue[] };

const COLUMN_INDEX = new WeakMap<ImportTemplate, Map<string, TemplateColumn>>();

function columnsByKey(template: ImportTemplate): Map<string, TemplateColumn> {
  let map = COLUMN_INDEX.get(template);
  if (!map) {
    map = new Map(template.columns.map((c) => [c.key, c as TemplateColumn]));
    COLUMN_INDEX.set(template, map);
  }
  return map;
}

export class RowReader<K extends TemplateKind> {
  readonly errors: RowIssue[] = [];
  private readonly columns: Map<string, TemplateColumn>;

  constructor(
    template: ImportTemplate<K>,
    private readonly raw: RawRow,
  ) {
    this.columns = columnsByKey(template as unknown as ImportTemplate);
  }

  /** Records a problem at a field's column. */
  fail(key: keyof ImportRowOfKind[K] & string, message: string): void {
    this.errors.push({ column: this.column(key).header, message });
  }

  /** True when a problem was already recorded at a field's column (to avoid a second message there). */
  hasIssue(key: keyof ImportRowOfKind[K] & string): boolean {
    const header = this.column(key).header;
    return this.errors.some((e) => e.column === header);
  }

  /** Trimmed text, or null when blank. */
  text(key: keyof ImportRowOfKind[K] & string): string | null {
    return this.read(key, (c, v) => {
      const s = cellText(v);
      if (c.pattern && !c.pattern.regex.test(s)) return { ok: false, message: c.pattern.message };
      if (c.maxLength && s.length > c.maxLength) return { ok: false, message: `${c.header}不能超过 ${c.maxLength} 个字` };
      return { ok: true, value: s };
    });
  }

  /** A whole number within the column's bounds, or null when blank. */
  integer(key: keyof ImportRowOfKind[K] & string): number | null {
    return this.read(key, (c, v) => parseInteger(c.header, v, c));
  }

  /** A number within the column's bounds, or null when blank. */
  decimal(key: keyof ImportRowOfKind[K] & string): number | null {
    return this.read(key, (c, v) => parseDecimal(c.header, v, c));
  }

  /** 'YYYY-MM-DD', or null when blank. */
  date(key: keyof ImportRowOfKind[K] & string): string | null {
    return this.read(key, (c, v) => parseDate(c.header, v));
  }

  /** 是/否, or null when blank. */
  boolean(key: keyof ImportRowOfKind[K] & string): boolean | null {
    return this.read(key, (c, v) => parseBoolean(c.header, v));
  }

  /** A school year (its starting year), or null when blank. */
  schoolYear(key: keyof ImportRowOfKind[K] & string): number | null {
    return this.read(key, (c, v) => parseSchoolYear(c.header, v, { min: c.min ?? 1990, max: c.max ?? 2100 }));
  }

  /** The internal value of a coded cell, or null when blank. */
  code<V extends string>(key: keyof ImportRowOfKind[K] & string): V | null {
    return this.read(key, (c, v) => {
      const text = cellText(v);
      const value = c.codes!.parse(text);
      return value === undefined ? { ok: false, message: c.codes!.invalid(c.header, text) } : { ok: true, value: value as V };
    });
  }

  /** Builds the row when no problem was found. */
  result<T>(build: () => T): RowResult<T> {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, row: build() };
  }

  private column(key: string): TemplateColumn {
    const c = this.columns.get(key);
    if (!c) throw new Error(`unknown column ${key}`);
    return c;
  }

  private read<T>(key: string, parse: (column: TemplateColumn, value: CellValue) => Parsed<T>): T | null {
    const column = this.column(key);
    const value = this.raw[key];
    if (value === undefined || isBlank(value)) {
      if (column.required) this.errors.push({ column: column.header, message: `${column.header}不能为空` });
      return null;
    }
    const parsed = parse(column, value);
    if (parsed.ok) return parsed.value;
    this.errors.push({ column: column.header, message: parsed.message });
    return null;
  }
}
