/**
 * xlsx of the ethics area: the case list (as filtered) and the 师德考核 list for export, and the import of
 * 师德考核 results (身份证号, 姓名, 考核结果, 备注): every row is checked first and nothing is written unless all
 * rows are valid; a school administrator may import only their own school's teachers.
 */
import { ETHICS_REVIEW_LEVEL_LABELS, type EthicsCaseListQuery, type EthicsReviewQuery } from '@zhiping/contracts';
import { checkIdNumber } from '@zhiping/domain';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findVisibleCases } from './case.service.ts';
import { ethicsAccess } from './ethics.policy.ts';
import { LEVEL_BY_LABEL, listReviews } from './review.service.ts';

const EXPORT_MAX = 20_000;

async function toBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The visible cases under the list's filters as xlsx (no report text, no reporter). */
export async function exportCases(ctx: ServiceContext, query: EthicsCaseListQuery): Promise<{ fileName: string; buffer: Buffer }> {
  // The same cases, filters and deadlines as the list.
  const { items } = await findVisibleCases(ctx, query, 1, EXPORT_MAX);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('师德案件');
  sheet.addRow(['编号', '收到日期', '来源', '类别', '学校', '教师', '承办', '状态', '本环节期限', '是否逾期']);
  for (const r of items) {
    sheet.addRow([
      r.caseNo,
      r.receivedOn,
      r.source === 'public_report' ? '公众反映' : '师德办立案',
      r.categoryLabel,
      r.schoolName ?? '',
      r.teacherName ?? '',
      r.handlerName ?? '',
      r.stateLabel,
      r.currentDue ?? '',
      r.isOverdue ? '是' : '否',
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  await recordAudit(ctx.db, ctx.actor, {
    action: 'export.ethics_cases',
    entityType: 'ethics_case',
    summary: `导出师德案件 ${items.length} 条`,
  });
  return { fileName: '师德案件.xlsx', buffer: await toBuffer(book) };
}

/** The 师德考核 list of a year as xlsx (the import template has the same first columns). */
export async function exportReviews(ctx: ServiceContext, query: EthicsReviewQuery): Promise<{ fileName: string; buffer: Buffer }> {
  const page = await listReviews(ctx, { ...query, page: 1, pageSize: EXPORT_MAX });
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${query.year}年度师德考核`);
  sheet.addRow(['身份证号', '姓名', '考核结果', '备注', '学校', '师德承诺签订日期', '师德培训学时']);
  for (const r of page.items) {
    sheet.addRow([
      '',
      r.teacherName,
      r.level ? ETHICS_REVIEW_LEVEL_LABELS[r.level] : '',
      r.note,
      r.schoolName,
      r.commitmentSignedOn ?? '',
      r.ethicsTrainingHours ?? '',
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  await recordAudit(ctx.db, ctx.actor, {
    action: 'export.ethics_reviews',
    entityType: 'ethics_review',
    summary: `导出 ${query.year} 年度师德考核 ${page.items.length} 条`,
  });
  return { fileName: `${query.year}年度师德考核.xlsx`, buffer: await toBuffer(book) };
}

/** Imports 师德考核 results of a year; all rows or none. */
export async function importReviews(
  ctx: ServiceContext,
  year: number,
  content: Buffer,
): Promise<{ imported: number; errors: { row: number; message: string }[] }> {
  const access = ethicsAccess(ctx.actor);
  if (!access.isOffice && access.adminSchoolIds.length === 0)
    throw new AppError('FORBIDDEN', { userMessage: '师德考核由学校管理员或区师德办导入' });
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', { userMessage: '无法读取该文件，请上传 xlsx 格式的表格' });
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION_FAILED', { userMessage: '表格为空' });
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
  const col = (name: string) => header.indexOf(name);
  if (col('身份证号') < 0 || col('考核结果') < 0)
    throw new AppError('VALIDATION_FAILED', { userMessage: '第 1 行须有“身份证号”和“考核结果”两列' });
  const errors: { row: number; message: string }[] = [];
  const parsed: { row: number; hash: string; name: string; level: keyof typeof ETHICS_REVIEW_LEVEL_LABELS; note: string }[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cell = (i: number) => (i < 0 ? '' : String(row.getCell(i).text ?? '').trim());
    const idText = cell(col('身份证号'));
    const levelText = cell(col('考核结果'));
    if (!idText && !levelText) return;
    const id = checkIdNumber(idText, ctx.clock.today());
    if (!id.ok) return void errors.push({ row: n, message: `身份证号“${idText}”不正确` });
    const level = LEVEL_BY_LABEL[levelText];
    if (!level) return void errors.push({ row: n, message: `考核结果应为 优秀/合格/基本合格/不合格，而不是“${levelText}”` });
    parsed.push({ row: n, hash: ctx.crypto.hash(id.normalized), name: cell(col('姓名')), level, note: cell(col('备注')).slice(0, 500) });
  });
  if (parsed.length === 0 && errors.length === 0) throw new AppError('VALIDATION_FAILED', { userMessage: '表格中没有数据行' });
  const teachers = parsed.length
    ? await ctx.db
        .selectFrom('teacher')
        .select(['id', 'name', 'school_id', 'id_number_hash'])
        .where(
          'id_number_hash',
          'in',
          parsed.map((p) => p.hash),
        )
        .where('is_active', '=', true)
        .execute()
    : [];
  const byHash = new Map(teachers.map((t) => [t.id_number_hash, t]));
  const rows: { teacher_id: number; school_id: number; level: (typeof parsed)[number]['level']; note: string }[] = [];
  for (const p of parsed) {
    const t = byHash.get(p.hash);
    if (!t || t.school_id === null || (!access.isOffice && !access.adminSchoolIds.includes(t.school_id))) {
      errors.push({ row: p.row, message: '教师库中没有该身份证号的在职教师（或不属于本校）' });
      continue;
    }
    if (p.name && p.name !== t.name) {
      errors.push({ row: p.row, message: `姓名“${p.name}”与教师库不一致` });
      continue;
    }
    rows.push({ teacher_id: t.id, school_id: t.school_id, level: p.level, note: p.note });
  }
  if (errors.length > 0) return { imported: 0, errors: errors.sort((a, b) => a.row - b.row) };
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insertInto('ethics_review')
      .values(rows.map((r) => ({ ...r, year, source: 'import' as const, recorded_by_name: tx.actor.displayName })))
      .onConflict((oc) =>
        oc.columns(['teacher_id', 'year']).doUpdateSet({
          level: sql`excluded.level`,
          note: sql`excluded.note`,
          school_id: sql`excluded.school_id`,
          source: 'import',
          recorded_by_name: tx.actor.displayName,
          recorded_at: sql`now()`,
        }),
      )
      .execute();
    await recordAudit(tx.db, tx.actor, {
      action: 'ethics.review.import',
      entityType: 'ethics_review',
      summary: `导入 ${year} 年度师德考核 ${rows.length} 条`,
    });
  });
  return { imported: rows.length, errors: [] };
}
