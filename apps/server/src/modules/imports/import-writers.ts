/**
 * The one write path of imported rows, for every kind: the import commit uses it, and so does the
 * demo-district loader. Each writer upserts by the kind's natural key in batches, counts inserted,
 * updated and unchanged rows, and keeps history (school versions, teacher assignments).
 */
import { IMPORT_KIND_LABELS, type ImportKind } from '@zhiping/contracts';
import type { ConditionImportRow, PopulationImportRow, SchoolImportRow, StudentStatImportRow, TeacherImportRow } from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import type { TxContext } from '../../platform/context.ts';
import { writePopulation } from './writers/population.writer.ts';
import { writeSchools } from './writers/schools.writer.ts';
import { writeConditions, writeStudentStats } from './writers/statistics.writer.ts';
import { writeTeachers } from './writers/teachers.writer.ts';

export interface WriteSummary {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportRowsByKind {
  schools: SchoolImportRow[];
  students: StudentStatImportRow[];
  conditions: ConditionImportRow[];
  teachers: TeacherImportRow[];
  population: PopulationImportRow[];
}

/** Options of a write. */
export interface WriteOptions {
  /** The district new schools and streets belong to. */
  districtId: number;
  /** Called after each batch with the number of rows written so far. */
  onProgress?: (done: number) => void;
  /** The import job being committed, recorded in the audit event. */
  jobId?: string;
}

const WRITERS: { [K in ImportKind]: (tx: TxContext, rows: ImportRowsByKind[K], options: WriteOptions) => Promise<WriteSummary> } = {
  schools: writeSchools,
  students: writeStudentStats,
  conditions: writeConditions,
  teachers: writeTeachers,
  population: writePopulation,
};

/**
 * Upserts validated rows of one kind by natural key inside the caller's transaction; audits one summary event.
 * Rows must have distinct natural keys (import validation guarantees it) and existing school codes.
 */
export async function writeImportRows<K extends ImportKind>(
  tx: TxContext,
  kind: K,
  rows: ImportRowsByKind[K],
  options: { districtId: number; onProgress?: (done: number) => void; jobId?: string },
): Promise<WriteSummary> {
  const summary = await WRITERS[kind](tx, rows, options);
  await recordAudit(tx.db, tx.actor, {
    action: 'import.commit',
    entityType: 'import_job',
    entityId: options.jobId ?? null,
    summary: `导入${IMPORT_KIND_LABELS[kind]} ${rows.length} 行：新增 ${summary.inserted}，更新 ${summary.updated}，未变 ${summary.unchanged}`,
    after: { kind, jobId: options.jobId ?? null, rows: rows.length, ...summary },
  });
  return summary;
}
