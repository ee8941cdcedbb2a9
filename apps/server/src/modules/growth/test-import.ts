/**
 * Import of the annual teacher test (专业知识和能力考核) from xlsx, all or nothing: each row names the
 * teacher by 身份证号 (matched through the keyed hash, never stored in clear), the subject, the total and
 * the area scores. Every problem is reported by sheet row in Chinese and nothing is written unless the
 * whole file is clean; a teacher already scored in the year is replaced (a corrected file re-imports).
 * Reads through the import module's streaming reader (its own zip layer, see docs/imports.md).
 */
import { writeFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestImportResult } from '@zhiping/contracts';
import {
  TEST_AREAS,
  cellText,
  checkIdNumber,
  describeIdProblem,
  isBlank,
  parseDecimal,
  type AnyImportTemplate,
  type CellValue,
} from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { buildTemplateWorkbook } from '../imports/xlsx-template.ts';
import { readSheet } from '../imports/xlsx-reader.ts';
import { growthAccess, requireManager } from './growth.policy.ts';

/**
 * The sheet layout of a test file. `kind` only satisfies the import module's template type: its reader
 * and template builder use the sheet name and the columns.
 */
export const TEST_SCORE_TEMPLATE: AnyImportTemplate = {
  kind: 'teachers',
  sheetName: '教师考核成绩',
  keyFields: ['idNumber'],
  columns: [
    { key: 'idNumber', header: '身份证号', type: 'text', required: true, note: '18位居民身份证号，用于匹配教师档案', width: 22 },
    { key: 'name', header: '姓名', type: 'text', required: false, note: '用于核对，须与教师档案一致', width: 10 },
    { key: 'subject', header: '考核学科', type: 'text', required: true, maxLength: 30, width: 12 },
    { key: 'total', header: '总分', type: 'decimal', required: true, min: 0, max: 100, note: '满分100', width: 8 },
    ...TEST_AREAS.map((a) => ({
      key: a.key,
      header: a.key,
      type: 'decimal' as const,
      required: false,
      min: 0,
      max: a.max,
      note: `满分${a.max}`,
      width: 12,
    })),
  ],
};

/** Rows of one file after validation. */
interface ParsedRow {
  rowNumber: number;
  idHash: string;
  name: string;
  subject: string;
  total: number;
  parts: Record<string, number>;
}

/** The empty template. */
export function buildTestTemplate(): Promise<Buffer> {
  return buildTemplateWorkbook(TEST_SCORE_TEMPLATE);
}

/** Largest file accepted (rows), so a request stays short. */
const MAX_ROWS = 20_000;

function parseRow(
  ctx: ServiceContext,
  rowNumber: number,
  raw: Readonly<Record<string, CellValue | undefined>>,
  errors: TestImportResult['errors'],
): ParsedRow | null {
  const before = errors.length;
  const fail = (message: string) => errors.push({ row: rowNumber, message });
  const idText = cellText(raw.idNumber ?? null).toUpperCase();
  if (idText === '') fail('身份证号不能为空');
  else {
    const check = checkIdNumber(idText, ctx.clock.today());
    if (!check.ok) fail(`身份证号${describeIdProblem(check.problem)}`);
  }
  const subject = cellText(raw.subject ?? null);
  if (subject === '') fail('考核学科不能为空');
  else if (subject.length > 30) fail('考核学科最多 30 字');
  let total = 0;
  if (isBlank(raw.total ?? null)) fail('总分不能为空');
  else {
    const p = parseDecimal('总分', raw.total!, { min: 0, max: 100 });
    if (p.ok) total = Math.round(p.value * 10) / 10;
    else fail(p.message);
  }
  const parts: Record<string, number> = {};
  for (const a of TEST_AREAS) {
    const v = raw[a.key] ?? null;
    if (isBlank(v)) continue;
    const p = parseDecimal(a.key, v, { min: 0, max: a.max });
    if (p.ok) parts[a.key] = Math.round(p.value * 10) / 10;
    else fail(p.message);
  }
  if (errors.length === before && Object.keys(parts).length === TEST_AREAS.length) {
    const sum = Object.values(parts).reduce((s, x) => s + x, 0);
    if (Math.abs(sum - total) > 0.5) fail(`各分项之和 ${Math.round(sum * 10) / 10} 与总分 ${total} 不一致`);
  }
  if (errors.length > before) return null;
  return { rowNumber, idHash: ctx.crypto.hash(idText), name: cellText(raw.name ?? null), subject, total, parts };
}

/** Imports one year's scores from an uploaded xlsx (教师科); nothing is written when any row is wrong. */
export async function importTestScores(ctx: ServiceContext, year: number, file: Buffer): Promise<TestImportResult> {
  requireManager(growthAccess(ctx.actor), '教师专业知识和能力考核');
  if (year > Number(ctx.clock.today().slice(0, 4))) throw new AppError('VALIDATION_FAILED', { userMessage: '不能导入未来年度的考核成绩' });
  const dir = await mkdtemp(join(tmpdir(), 'zhiping-test-'));
  const path = join(dir, 'upload.xlsx');
  const errors: TestImportResult['errors'] = [];
  const rows: ParsedRow[] = [];
  try {
    await writeFile(path, file);
    for await (const item of readSheet(path, TEST_SCORE_TEMPLATE)) {
      if (!('rowNumber' in item)) continue;
      if (rows.length + errors.length > MAX_ROWS)
        throw new AppError('LIMIT_EXCEEDED', { userMessage: `一次最多导入 ${MAX_ROWS} 行，请分批导入` });
      const r = parseRow(ctx, item.rowNumber, item.raw, errors);
      if (r) rows.push(r);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (rows.length === 0 && errors.length === 0) throw new AppError('VALIDATION_FAILED', { userMessage: '文件中没有成绩数据' });

  const teachers = new Map(
    (
      await ctx.db
        .selectFrom('teacher')
        .select(['id', 'name', 'school_id', 'id_number_hash', 'is_active'])
        .where('id_number_hash', 'in', rows.length ? [...new Set(rows.map((r) => r.idHash))] : [''])
        .execute()
    ).map((t) => [t.id_number_hash, t]),
  );
  const seen = new Map<number, number>();
  const resolved: { row: ParsedRow; teacherId: number; schoolId: number }[] = [];
  for (const r of rows) {
    const t = teachers.get(r.idHash);
    if (!t) {
      errors.push({ row: r.rowNumber, message: '身份证号在教师档案中不存在' });
      continue;
    }
    if (t.school_id === null) {
      errors.push({ row: r.rowNumber, message: `${t.name}没有任职学校` });
      continue;
    }
    if (r.name !== '' && r.name !== t.name) {
      errors.push({ row: r.rowNumber, message: `姓名“${r.name}”与教师档案（${t.name}）不一致` });
      continue;
    }
    const dup = seen.get(t.id);
    if (dup !== undefined) {
      errors.push({ row: r.rowNumber, message: `与第 ${dup} 行是同一位教师` });
      continue;
    }
    seen.set(t.id, r.rowNumber);
    resolved.push({ row: r, teacherId: t.id, schoolId: t.school_id });
  }
  if (errors.length > 0) return { year, imported: 0, replaced: 0, errors: errors.sort((a, b) => a.row - b.row).slice(0, 500) };

  const replaced = await inTransaction(ctx, async (tx) => {
    const existing = await tx.db
      .selectFrom('growth_test_score')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('year', '=', year)
      .where(
        'teacher_id',
        'in',
        resolved.map((r) => r.teacherId),
      )
      .executeTakeFirstOrThrow();
    await writeTestRows(
      tx.db,
      year,
      resolved.map((r) => ({
        teacherId: r.teacherId,
        schoolId: r.schoolId,
        subject: r.row.subject,
        total: r.row.total,
        parts: r.row.parts,
      })),
      tx.actor.displayName,
    );
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.test.import',
      entityType: 'growth_test_score',
      summary: `导入 ${year} 年度教师专业知识和能力考核成绩 ${resolved.length} 人（更新 ${Number(existing.n)} 人）`,
      after: { year, rows: resolved.length },
    });
    return Number(existing.n);
  });
  return { year, imported: resolved.length, replaced, errors: [] };
}

/** One score as written. */
export interface TestRowInput {
  teacherId: number;
  schoolId: number;
  subject: string;
  total: number;
  parts: Record<string, number>;
}

/** Upserts scores in multi-row batches (the import and the demo loader). */
export async function writeTestRows(db: ServiceContext['db'], year: number, rows: readonly TestRowInput[], byName: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('growth_test_score')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          year,
          teacher_id: r.teacherId,
          school_id: r.schoolId,
          subject: r.subject,
          total: r.total,
          parts: JSON.stringify(r.parts),
          imported_by_name: byName,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['year', 'teacher_id']).doUpdateSet((eb) => ({
          school_id: eb.ref('excluded.school_id'),
          subject: eb.ref('excluded.subject'),
          total: eb.ref('excluded.total'),
          parts: eb.ref('excluded.parts'),
          imported_by_name: eb.ref('excluded.imported_by_name'),
          imported_at: new Date(),
        })),
      )
      .execute();
  }
}
