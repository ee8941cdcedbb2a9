/**
 * Exports of every list to xlsx in the import template's columns, so an export re-imports unchanged.
 * Scoped to the actor's schools; every export is audited. Teachers carry full ID numbers only for
 * users who may unmask them; otherwise the masked numbers, and such a file cannot be re-imported.
 */
import { IMPORT_KIND_LABELS, type ExportQuery, type ImportKind } from '@zhiping/contracts';
import { GRADES, formatImportRow, templateOf, type CellValue } from '@zhiping/domain';
import type { DataScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { XlsxDownload } from './import-download.service.ts';
import { canExportFullIdNumbers, exportScopeFor } from './import.policy.ts';
import * as repo from './export.repository.ts';
import { buildExportWorkbook } from './xlsx-template.ts';

const GRADE_ORDER = new Map(GRADES.map((g, i) => [g.code, i]));

/** An export file and how many rows it holds. */
export interface ExportFile extends XlsxDownload {
  rowCount: number;
}

/** The rows of a kind as template cells. */
async function exportCells(
  ctx: ServiceContext,
  kind: ImportKind,
  scope: DataScope,
  year: number | undefined,
  fullIds: boolean,
): Promise<CellValue[][]> {
  switch (kind) {
    case 'schools':
      return (await repo.findSchoolsForExport(ctx.db, scope)).map((r) => formatImportRow('schools', r));
    case 'students': {
      const rows = await repo.findStudentStatsForExport(ctx.db, scope, year);
      rows.sort(
        (a, b) =>
          a.schoolYear - b.schoolYear ||
          a.schoolCode.localeCompare(b.schoolCode) ||
          (GRADE_ORDER.get(a.grade) ?? 99) - (GRADE_ORDER.get(b.grade) ?? 99),
      );
      return rows.map((r) => formatImportRow('students', r));
    }
    case 'conditions':
      return (await repo.findConditionsForExport(ctx.db, scope, year)).map((r) => formatImportRow('conditions', r));
    case 'teachers':
      return (await repo.findTeachersForExport(ctx.db, scope)).map((t) =>
        formatImportRow('teachers', { ...t.row, idNumber: fullIds ? ctx.crypto.decrypt(t.idNumberEnc) : t.idNumberMasked }),
      );
    case 'population':
      return (await repo.findPopulationForExport(ctx.db, year)).map((r) => formatImportRow('population', r));
  }
}

/** Builds the export of a kind (students, conditions and population of one year when `year` is given) and audits it. */
export async function exportKind(ctx: ServiceContext, kind: ImportKind, query: ExportQuery): Promise<ExportFile> {
  const scope = exportScopeFor(ctx.actor);
  const year = kind === 'schools' || kind === 'teachers' ? undefined : query.year;
  const fullIds = kind === 'teachers' && canExportFullIdNumbers(ctx.actor);
  const cells = await exportCells(ctx, kind, scope, year, fullIds);
  const label = IMPORT_KIND_LABELS[kind];
  const buffer = await buildExportWorkbook(templateOf(kind), cells, {
    headerNote: kind === 'teachers' && !fullIds ? '身份证号已脱敏：此文件不能用于重新导入' : undefined,
  });
  await recordAudit(ctx.db, ctx.actor, {
    action: `export.${kind}`,
    entityType: kind,
    summary: `导出${label} ${cells.length} 行${year !== undefined ? `（${year} 年）` : ''}${fullIds ? '，含完整身份证号' : ''}`,
    after: {
      rows: cells.length,
      year: year ?? null,
      fullIdNumbers: fullIds,
      scope: scope.kind === 'schools' ? scope.schoolIds : 'district',
    },
  });
  return { fileName: `${label}${year ?? ''}导出.xlsx`, buffer, rowCount: cells.length };
}
