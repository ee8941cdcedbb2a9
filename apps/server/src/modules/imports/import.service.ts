/**
 * Import jobs: upload and dry run in the background (status 'parsing' → 'validated' | 'invalid'),
 * then a commit that writes every row or none ('committing' → 'committed' | 'failed'). The API and
 * the CLI both use these functions.
 */
import path from 'node:path';
import type { Readable } from 'node:stream';
import { IMPORT_KIND_LABELS, type ImportJob, type ImportKind, type Page, type PageQuery } from '@zhiping/contracts';
import { templateOf } from '@zhiping/domain';
import type { DataScope } from '../../platform/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { randomToken } from '../../platform/crypto.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { pruneImportFiles, removeImportFile, storeImportFile, importFilePath } from './import-files.ts';
import { cacheDryRun, cachedDryRun, forgetDryRun, runInBackground, setLiveProgress, waitForBackgroundTask } from './import-jobs.ts';
import { validateImportFile, type ValidationOutcome } from './import-pipeline.ts';
import { writeImportRows, type ImportRowsByKind } from './import-writers.ts';
import { toImportJob } from './import.mapper.ts';
import { canAccessJob, importScopeFor, jobScopeFor } from './import.policy.ts';
import * as repo from './import.repository.ts';
import { readSheetLayout } from './xlsx-reader.ts';

/** Errors stored on the job row (all of them go into the annotated report). */
const STORED_ERRORS = 1000;
/** Least time between progress writes to the job row during a dry run. */
const PROGRESS_WRITE_MS = 1000;

/** An upload to import. */
export interface StartImportInput {
  kind: ImportKind;
  /** Name of the uploaded file, for the job list. */
  fileName: string;
  /** The upload stream, or a local file path (CLI). */
  source: Readable | string;
  /** Data folder; the file is kept under imports/ until the commit. */
  dataDir: string;
  /** Rows read so far during the dry run and the estimated total (the CLI prints them). */
  onProgress?: (rowsRead: number, estimatedTotal: number) => void;
}

/** Options of a commit. */
export interface CommitImportOptions {
  dataDir: string;
  /** Rows written so far (the CLI prints it). */
  onProgress?: (done: number, total: number) => void;
}

/** Stores the file, checks it is a readable workbook with the template's headers, and starts the dry run in the background. */
export async function startImport(ctx: ServiceContext, input: StartImportInput): Promise<ImportJob> {
  const scope = importScopeFor(ctx.actor, input.kind);
  const id = randomToken(12);
  await pruneImportFiles(input.dataDir);
  const filePath = importFilePath(input.dataDir, id);
  try {
    await storeImportFile(input.dataDir, id, input.source);
    await readSheetLayout(filePath, templateOf(input.kind));
  } catch (e) {
    await removeImportFile(input.dataDir, id);
    throw e;
  }
  await repo.insertImportJob(ctx.db, {
    id,
    kind: input.kind,
    fileName: path.basename(input.fileName).slice(0, 200) || `${IMPORT_KIND_LABELS[input.kind]}.xlsx`,
    createdBy: ctx.actor.userId,
    schoolScope: scope.kind === 'schools' ? scope.schoolIds : null,
  });
  runInBackground(id, () => runDryRun(ctx, { id, kind: input.kind, filePath, scope, onProgress: input.onProgress }));
  return getImportJob(ctx, id);
}

/** The job's stored import scope (the creator's at upload time). */
export function scopeOfJob(job: repo.ImportJobRow): DataScope {
  return job.school_scope ? { kind: 'schools', schoolIds: job.school_scope } : { kind: 'district' };
}

/** The user-facing message of a background failure. */
function messageOf(e: unknown): string {
  return e instanceof AppError ? e.userMessage : `内部错误：${e instanceof Error ? e.message : String(e)}`;
}

/** Records a dry run's outcome on the job ('validated' or 'invalid') and caches rows and errors for the commit and report. */
async function recordDryRun(ctx: ServiceContext, jobId: string, outcome: ValidationOutcome<ImportKind>): Promise<void> {
  cacheDryRun(jobId, outcome.errors.length > 0 ? [] : outcome.rows, outcome.errors);
  await repo.finishValidation(ctx.db, jobId, {
    totalRows: outcome.totalRows,
    errorCount: outcome.errors.length,
    firstErrors: outcome.errors.slice(0, STORED_ERRORS),
    now: ctx.clock.now(),
  });
}

/** Validates the whole file, records the outcome on the job and caches rows and errors for the commit and report. */
async function runDryRun(
  ctx: ServiceContext,
  job: { id: string; kind: ImportKind; filePath: string; scope: DataScope; onProgress?: StartImportInput['onProgress'] },
): Promise<void> {
  let lastWrite = Date.now();
  try {
    const outcome = await validateImportFile(ctx, {
      kind: job.kind,
      filePath: job.filePath,
      scope: job.scope,
      onProgress: async (n, estimatedTotal) => {
        setLiveProgress(job.id, n, estimatedTotal);
        job.onProgress?.(n, estimatedTotal);
        if (Date.now() - lastWrite >= PROGRESS_WRITE_MS) {
          lastWrite = Date.now();
          await repo.updateImportProgress(ctx.db, job.id, n, estimatedTotal);
        }
      },
    });
    await recordDryRun(ctx, job.id, outcome);
  } catch (e) {
    await repo.failImportJob(ctx.db, job.id, messageOf(e), ctx.clock.now());
  }
}

/** A job the actor may see, or NOT_FOUND. */
export async function findAccessibleJob(ctx: ServiceContext, id: string): Promise<repo.ImportJobRow> {
  const job = await repo.findImportJob(ctx.db, id);
  if (!job || !canAccessJob(ctx.actor, job)) throw notFound('导入任务');
  return job;
}

/** One job with its progress and first errors. */
export async function getImportJob(ctx: ServiceContext, id: string): Promise<ImportJob> {
  return toImportJob(await findAccessibleJob(ctx, id));
}

/** The actor's jobs (district-wide importers see everyone's), newest first. */
export async function listImportJobs(ctx: ServiceContext, query: PageQuery): Promise<Page<ImportJob>> {
  const scope = jobScopeFor(ctx.actor);
  const { rows, total } = await repo.findImportJobPage(
    ctx.db,
    { createdBy: scope.kind === 'district' ? 'all' : ctx.actor.userId },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map(toImportJob), total, page: query.page, pageSize: query.pageSize };
}

const NOT_COMMITTABLE: Record<repo.ImportJobRow['status'], string> = {
  parsing: '文件仍在校验中，请稍候再提交',
  validated: '',
  invalid: '文件存在错误，不能提交；请下载错误报告，修改后重新上传',
  committing: '该导入正在提交',
  committed: '该导入已提交',
  failed: '该导入已失败，请重新上传',
};

/** Starts writing a validated job's rows in the background: all in one transaction, so all or nothing. */
export async function commitImport(ctx: ServiceContext, id: string, options: CommitImportOptions): Promise<ImportJob> {
  const job = await findAccessibleJob(ctx, id);
  importScopeFor(ctx.actor, job.kind as ImportKind);
  if (job.status !== 'validated' || !(await repo.markCommitting(ctx.db, id))) {
    throw new AppError('INVALID_STATE', { userMessage: NOT_COMMITTABLE[job.status] || NOT_COMMITTABLE.committing });
  }
  runInBackground(id, () => runCommit(ctx, job, options));
  return getImportJob(ctx, id);
}

/** The commit itself: rows from the dry-run cache (or a fresh dry run after a restart), written in one transaction. */
async function runCommit(ctx: ServiceContext, job: repo.ImportJobRow, options: CommitImportOptions): Promise<void> {
  const kind = job.kind as ImportKind;
  try {
    let rows = cachedDryRun(job.id)?.rows;
    if (!rows || rows.length !== job.total_rows) {
      const outcome = await validateImportFile(ctx, { kind, filePath: importFilePath(options.dataDir, job.id), scope: scopeOfJob(job) });
      if (outcome.errors.length > 0) return await recordDryRun(ctx, job.id, outcome);
      rows = outcome.rows;
    }
    const district = await repo.findDistrict(ctx.db);
    if (!district) throw new AppError('INVALID_STATE', { userMessage: '尚未设置区县' });
    const total = rows.length;
    setLiveProgress(job.id, 0, total);
    await inTransaction(ctx, async (tx) => {
      const summary = await writeImportRows(tx, kind, rows as ImportRowsByKind[typeof kind], {
        districtId: district.id,
        jobId: job.id,
        onProgress: (done) => {
          setLiveProgress(job.id, done, total);
          options.onProgress?.(done, total);
        },
      });
      await repo.finishCommit(tx.db, job.id, summary, ctx.clock.now());
    });
    forgetDryRun(job.id);
    await removeImportFile(options.dataDir, job.id);
  } catch (e) {
    await repo.failImportJob(ctx.db, job.id, `提交失败，未写入任何数据：${messageOf(e)}`, ctx.clock.now());
  }
}

/** Resolves when the job's background work (dry run or commit) started by this process has finished. */
export async function waitForImportJob(id: string): Promise<void> {
  await waitForBackgroundTask(id);
}
