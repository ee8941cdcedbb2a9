/**
 * The row validator of each kind behind one entry point, and the cross-row check for duplicate
 * natural keys within one file.
 */
import type { RawRow, RowIssue, RowResult } from './row-reader.ts';
import { IMPORT_TEMPLATES, type ImportRowOfKind, type TemplateColumn, type TemplateKind } from './templates.ts';
import { validateConditionRow } from './validate-conditions.ts';
import { validatePopulationRow } from './validate-population.ts';
import { validateSchoolRow } from './validate-schools.ts';
import { validateStudentRow } from './validate-students.ts';
import { validateTeacherRow } from './validate-teachers.ts';

/** What validation needs to know beyond the row. */
export interface RowValidationOptions {
  /** Today, 'YYYY-MM-DD'. */
  today: string;
}

const VALIDATORS: { [K in TemplateKind]: (raw: RawRow, options: RowValidationOptions) => RowResult<ImportRowOfKind[K]> } = {
  schools: validateSchoolRow,
  students: validateStudentRow,
  conditions: validateConditionRow,
  teachers: validateTeacherRow,
  population: validatePopulationRow,
};

/** Validates the cells of one row of a kind. */
export function validateImportRow<K extends TemplateKind>(
  kind: K,
  raw: RawRow,
  options: RowValidationOptions,
): RowResult<ImportRowOfKind[K]> {
  return VALIDATORS[kind](raw, options);
}

/** The natural key of a validated row as one string (fields joined by a separator no field contains). */
export function naturalKeyOf<K extends TemplateKind>(kind: K, row: ImportRowOfKind[K]): string {
  const fields = IMPORT_TEMPLATES[kind].keyFields as readonly (keyof ImportRowOfKind[K])[];
  return fields.length === 1 ? String(row[fields[0]!]) : fields.map((f) => String(row[f])).join('\u0001');
}

/**
 * Remembers the natural key of each valid row of a file and reports a later row with the same key:
 * '与第 12 行重复（身份证号）'.
 */
export class DuplicateFinder<K extends TemplateKind> {
  private readonly firstRowOfKey = new Map<string, number>();
  private readonly column: string;
  private readonly keyHeaders: string;

  constructor(private readonly kind: K) {
    const template = IMPORT_TEMPLATES[kind];
    const headers = template.keyFields.map((f) => (template.columns as readonly TemplateColumn[]).find((c) => c.key === f)!.header);
    this.column = headers[headers.length - 1]!;
    this.keyHeaders = headers.join('、');
  }

  /** Records the row's key; returns the duplicate problem when an earlier row had the same key. */
  check(row: ImportRowOfKind[K], rowNumber: number): RowIssue | null {
    const key = naturalKeyOf(this.kind, row);
    const first = this.firstRowOfKey.get(key);
    if (first === undefined) {
      this.firstRowOfKey.set(key, rowNumber);
      return null;
    }
    return { column: this.column, message: `与第 ${first} 行重复（${this.keyHeaders}）` };
  }
}
