/**
 * The dry run of an import file: stream the rows, validate each with the domain validators, report
 * duplicate natural keys, then check references to the database (schools, regions, and for school
 * administrators the teachers' current schools) with one query per kind of reference.
 */
import type { ImportKind, ImportRowError } from '@zhiping/contracts';
import { DuplicateFinder, templateOf, validateImportRow, type ImportRowOfKind, type RowValidationOptions } from '@zhiping/domain';
import type { DataScope } from '../../platform/access.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { findKnownRegionCodes, findSchoolIdsByCode, findTeacherSchoolsByHash } from './import.repository.ts';
import { readSheet, type SheetRow } from './xlsx-reader.ts';

/** What the dry run found. */
export interface ValidationOutcome<K extends ImportKind> {
  /** The valid rows (all rows when there is no error). */
  rows: ImportRowOfKind[K][];
  /** Every problem, ordered by row. */
  errors: ImportRowError[];
  /** Non-empty data rows read. */
  totalRows: number;
}

/** Inputs of a dry run. */
export interface ValidationInput<K extends ImportKind> {
  kind: K;
  filePath: string;
  /** Rows of schools outside this scope are refused. */
  scope: DataScope;
  /** Called (and awaited) every PROGRESS_EVERY rows with the rows read so far and the estimated total. */
  onProgress?: (rowsRead: number, estimatedTotal: number) => void | Promise<void>;
  /** Receives each row as read (the annotated report uses it). */
  onRow?: (row: SheetRow) => void;
}

const PROGRESS_EVERY = 1000;

/** Reads and validates a whole file; throws AppError(400) when the file or its header row is unusable. */
export async function validateImportFile<K extends ImportKind>(
  ctx: ServiceContext,
  input: ValidationInput<K>,
): Promise<ValidationOutcome<K>> {
  const template = templateOf(input.kind);
  const options: RowValidationOptions = { today: ctx.clock.today() };
  const duplicates = new DuplicateFinder(input.kind);
  const rows: ImportRowOfKind[K][] = [];
  const rowNumbers: number[] = [];
  const errors: ImportRowError[] = [];
  let totalRows = 0;
  for await (const item of readSheet(input.filePath, template)) {
    if (!('raw' in item)) continue;
    input.onRow?.(item);
    totalRows++;
    const result = validateImportRow(input.kind, item.raw, options);
    if (!result.ok) {
      for (const e of result.errors) errors.push({ row: item.rowNumber, ...e });
    } else {
      const duplicate = duplicates.check(result.row, item.rowNumber);
      if (duplicate) errors.push({ row: item.rowNumber, ...duplicate });
      else {
        rows.push(result.row);
        rowNumbers.push(item.rowNumber);
      }
    }
    if (totalRows % PROGRESS_EVERY === 0)
      await input.onProgress?.(totalRows, Math.max(totalRows, Math.round(totalRows / Math.max(item.fractionRead, 1e-6))));
  }
  const referenceErrors = await checkReferences(ctx, input.kind, rows, rowNumbers, input.scope);
  if (referenceErrors.length > 0) {
    errors.push(...referenceErrors);
    errors.sort((a, b) => a.row - b.row);
  }
  return { rows, errors, totalRows };
}

/** Row errors for unknown schools or regions, schools outside the scope, and teachers of other schools. */
async function checkReferences<K extends ImportKind>(
  ctx: ServiceContext,
  kind: K,
  rows: ImportRowOfKind[K][],
  rowNumbers: number[],
  scope: DataScope,
): Promise<ImportRowError[]> {
  const errors: ImportRowError[] = [];
  if (kind === 'population') {
    const list = rows as ImportRowOfKind['population'][];
    const known = await findKnownRegionCodes(ctx.db, [...new Set(list.map((r) => r.regionCode))]);
    list.forEach((r, i) => {
      if (!known.has(r.regionCode)) errors.push({ row: rowNumbers[i]!, column: '区划代码', message: `区划代码 ${r.regionCode} 不存在` });
    });
    return errors;
  }
  if (kind === 'schools') return errors;
  const list = rows as { schoolCode: string }[];
  const ids = await findSchoolIdsByCode(ctx.db, [...new Set(list.map((r) => r.schoolCode))]);
  const allowed = (id: number) => scope.kind === 'district' || (scope.kind === 'schools' && scope.schoolIds.includes(id));
  list.forEach((r, i) => {
    const id = ids.get(r.schoolCode);
    if (id === undefined) errors.push({ row: rowNumbers[i]!, column: '学校标识码', message: `学校标识码 ${r.schoolCode} 不存在` });
    else if (!allowed(id)) errors.push({ row: rowNumbers[i]!, column: '学校标识码', message: '无权导入其他学校的数据' });
  });
  if (kind === 'teachers' && scope.kind !== 'district')
    errors.push(...(await checkTeachersOfOtherSchools(ctx, rows as ImportRowOfKind['teachers'][], rowNumbers, ids)));
  return errors;
}

/** A school administrator may not move a teacher away from another school by importing them. */
async function checkTeachersOfOtherSchools(
  ctx: ServiceContext,
  rows: ImportRowOfKind['teachers'][],
  rowNumbers: number[],
  ids: Map<string, number>,
): Promise<ImportRowError[]> {
  const hashes = rows.map((r) => ctx.crypto.hash(r.idNumber));
  const current = new Map<string, number | null>();
  for (let i = 0; i < hashes.length; i += 5000) {
    for (const [h, s] of await findTeacherSchoolsByHash(ctx.db, hashes.slice(i, i + 5000))) current.set(h, s);
  }
  const errors: ImportRowError[] = [];
  rows.forEach((r, i) => {
    const at = current.get(hashes[i]!);
    if (at != null && at !== ids.get(r.schoolCode)) {
      errors.push({ row: rowNumbers[i]!, column: '身份证号', message: '该教师在其他学校任职，调动须由区级管理员办理' });
    }
  });
  return errors;
}
