/** Writes a validated row back as template cells — what exports put in a sheet, so an export re-imports unchanged. */
import type { CellValue } from './cells.ts';
import { IMPORT_TEMPLATES, type ImportRowOfKind, type TemplateColumn, type TemplateKind } from './templates.ts';

/** One cell of a column for a row value: 是/否 for booleans, the list's text for codes, blanks for null. */
export function formatCell(column: TemplateColumn, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'boolean':
      return value ? '是' : '否';
    case 'code':
      return column.codes!.format(String(value));
    case 'integer':
    case 'decimal':
    case 'schoolYear':
      return Number(value);
    case 'text':
    case 'date':
      return String(value);
  }
}

/** The cells of a row in the template's column order. */
export function formatImportRow<K extends TemplateKind>(kind: K, row: ImportRowOfKind[K]): CellValue[] {
  const columns = IMPORT_TEMPLATES[kind].columns as readonly TemplateColumn[];
  const record = row as unknown as Record<string, unknown>;
  return columns.map((c) => formatCell(c, record[c.key]));
}
