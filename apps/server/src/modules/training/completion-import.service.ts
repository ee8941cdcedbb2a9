/**
 * Import of completion lists exported by external training platforms (xlsx): each row is one completed
 * training of a teacher named by 身份证号 (matched through the keyed hash, never stored in clear) and 姓名.
 * Every row is checked first — cells, the teacher (exists, active, name agrees, within the caller's
 * management), duplicates in the file and in the ledger — and the file is written only when no row has
 * an error (all or nothing), as one import batch in one transaction.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { CompletionImportResult } from '@zhiping/contracts';
import { COMPLETION_COLUMNS, COMPLETION_SHEET, validateCompletionRow, type AnyImportTemplate, type CompletionRow } from '@zhiping/domain';
import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { UploadedFile } from '../evaluations/evidence-store.ts';
import { readSheet } from '../imports/xlsx-reader.ts';
import { manageableTeachers, requireSomeManager, trainingAccess } from './training.policy.ts';
import { insertCredits, teacherInReach } from './training.repository.ts';

/** Rows accepted in one file. */
export const COMPLETION_MAX_ROWS = 50_000;
/** Errors listed in a response (the count is exact). */
const ERRORS_SHOWN = 500;

/** The completion list seen through the import reader's template shape (headers and required columns). */
export const COMPLETION_TEMPLATE: AnyImportTemplate = {
  kind: 'teachers',
  sheetName: COMPLETION_SHEET,
  keyFields: [],
  columns: COMPLETION_COLUMNS.map((c) => ({ key: c.key, header: c.header, type: 'text' as const, required: c.required, note: c.note })),
};

interface Issue {
  row: number;
  column: string;
  message: string;
}

/** Reads a completion list and writes it unless any row is wrong or it is a dry run. */
export async function importCompletions(
  ctx: ServiceContext,
  file: UploadedFile,
  options: { dryRun: boolean; platform: string },
): Promise<CompletionImportResult> {
  const access = trainingAccess(ctx.actor);
  requireSomeManager(access);
  const reach = manageableTeachers(access);
  const today = ctx.clock.today();
  const tmp = path.join(os.tmpdir(), `zhiping-training-${randomUUID()}.xlsx`);
  await fs.promises.writeFile(tmp, file.content);
  const issues: Issue[] = [];
  const rows: { rowNumber: number; row: CompletionRow }[] = [];
  let dataRows = 0;
  try {
    for await (const item of readSheet(tmp, COMPLETION_TEMPLATE)) {
      if ('fields' in item) continue;
      if (dataRows >= COMPLETION_MAX_ROWS)
        throw new AppError('LIMIT_EXCEEDED', { userMessage: `一次最多导入 ${COMPLETION_MAX_ROWS} 行，请分批导入` });
      dataRows += 1;
      const v = validateCompletionRow(item.raw, today);
      if (v.ok) rows.push({ rowNumber: item.rowNumber, row: v.row });
      else for (const e of v.errors) issues.push({ row: item.rowNumber, ...e });
    }
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
  if (dataRows === 0) throw new AppError('VALIDATION_FAILED', { userMessage: '文件中没有数据行' });

  // Teachers by keyed hash of the ID number, within the caller's management.
  const hashes = [...new Set(rows.map((r) => ctx.crypto.hash(r.row.idNumber)))];
  const teachers = hashes.length
    ? await ctx.db
        .selectFrom('teacher as t')
        .where(sql<boolean>`t.id_number_hash = any(${sql.val(hashes)}::text[])`)
        .select([
          't.id',
          't.name',
          't.is_active',
          't.id_number_hash',
          't.school_id',
          sql<boolean>`${teacherInReach(reach, 't.id', 't.school_id')}`.as('is_in_reach'),
        ])
        .execute()
    : [];
  const byHash = new Map(teachers.map((t) => [t.id_number_hash, t]));
  const existing = teachers.length
    ? await ctx.db
        .selectFrom('training_credit')
        .where(sql<boolean>`teacher_id = any(${sql.val(teachers.map((t) => t.id))}::int[])`)
        .select(['teacher_id', 'title', 'completed_on'])
        .execute()
    : [];
  const inLedger = new Set(existing.map((e) => `${e.teacher_id}|${e.title}|${e.completed_on}`));
  const seen = new Map<string, number>();
  const accepted: { teacherId: number; rowNumber: number; row: CompletionRow }[] = [];
  for (const { rowNumber, row } of rows) {
    const t = byHash.get(ctx.crypto.hash(row.idNumber));
    if (!t || !t.is_active) {
      issues.push({ row: rowNumber, column: '身份证号', message: t ? '该教师已离职（不在职）' : '身份证号未在教师档案中找到' });
      continue;
    }
    if (!t.is_in_reach) {
      issues.push({ row: rowNumber, column: '身份证号', message: '该教师不在您的管理范围内（学校管理员只能导入本校教师）' });
      continue;
    }
    if (t.name !== row.name) {
      issues.push({ row: rowNumber, column: '姓名', message: `姓名“${row.name}”与教师档案不一致` });
      continue;
    }
    const key = `${t.id}|${row.title}|${row.completedOn}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ row: rowNumber, column: '培训项目名称', message: `与第 ${first} 行重复（同一教师、同一培训、同一完成日期）` });
      continue;
    }
    seen.set(key, rowNumber);
    if (inLedger.has(key)) {
      issues.push({
        row: rowNumber,
        column: '培训项目名称',
        message: `该教师的“${row.title}”（${row.completedOn}）已登记学时，请勿重复导入`,
      });
      continue;
    }
    accepted.push({ teacherId: t.id, rowNumber, row });
  }
  issues.sort((a, b) => a.row - b.row);
  const hours = Math.round(accepted.reduce((s, a) => s + a.row.hours, 0) * 10) / 10;
  const teacherCount = new Set(accepted.map((a) => a.teacherId)).size;
  const result = {
    rows: dataRows,
    hours,
    teachers: teacherCount,
    errors: issues.slice(0, ERRORS_SHOWN),
    isTruncated: issues.length > ERRORS_SHOWN,
  };
  if (issues.length > 0 || options.dryRun) return { ...result, committed: false, importId: null };

  const fileName = file.fileName.split(/[\\/]/).pop()?.slice(0, 150) || 'completions.xlsx';
  const importId = await inTransaction(ctx, async (tx) => {
    const batch = await tx.db
      .insertInto('training_import')
      .values({ file_name: fileName, platform: options.platform, row_count: accepted.length, hours, created_by_name: tx.actor.displayName })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertCredits(
      tx.db,
      accepted.map(({ teacherId, rowNumber, row }) => ({
        teacher_id: teacherId,
        source: 'import' as const,
        session_id: null,
        outside_id: null,
        import_id: batch.id,
        title: row.title,
        provider: row.provider,
        level: row.level,
        category: row.category,
        is_seminar: row.isSeminar,
        hours: row.hours,
        completed_on: row.completedOn,
        evidence: `${options.platform || '外部平台'}完成名单《${fileName}》第 ${rowNumber} 行${row.certificate ? `，证书编号 ${row.certificate}` : ''}`,
        created_by_name: tx.actor.displayName,
      })),
    );
    await recordAudit(tx.db, tx.actor, {
      action: 'training.import',
      entityType: 'training_import',
      entityId: batch.id,
      summary: `导入培训完成名单《${fileName}》：${accepted.length} 条，${teacherCount} 名教师，共 ${hours} 学时`,
      after: { fileName, platform: options.platform, rows: accepted.length, teachers: teacherCount, hours },
    });
    return batch.id;
  });
  return { ...result, committed: true, importId };
}
