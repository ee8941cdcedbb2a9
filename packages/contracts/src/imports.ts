import { z } from 'zod';
import { pageOf } from './common.ts';

/** The record kinds that can be imported and exported, with their sheet names. */
export const IMPORT_KINDS = ['schools', 'students', 'conditions', 'teachers', 'population'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  schools: '学校',
  students: '学年学生',
  conditions: '办学条件',
  teachers: '教师',
  population: '人口',
};

/** One problem in an import file, by row (1-based sheet row) and column header. */
export const ImportRowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportJob = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  status: z.enum(['parsing', 'validated', 'invalid', 'committing', 'committed', 'failed']),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  errorCount: z.number().int(),
  /** The first errors (at most 1000); the annotated xlsx carries them all. */
  errors: z.array(ImportRowError),
  summary: z.object({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }).nullable(),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

/** Path parameter naming a kind. */
export const ImportKindParam = z.object({ kind: z.enum(IMPORT_KINDS) });

/** A page of import jobs, newest first. */
export const ImportJobPage = pageOf(ImportJob);

/** Query of an export: one school year (students, conditions) or calendar year (population); all years when absent. */
export const ExportQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });
export type ExportQuery = z.infer<typeof ExportQuery>;
