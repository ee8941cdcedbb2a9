/**
 * PDF reports run off the request path: a request queues a job and polls it; one job renders at a time
 * (chromium is heavy on a small server); only the user who asked may fetch a job's file.
 *
 * Finished files survive a restart: each PDF is written to `<dataDir>/reports/` under the SHA-256 of
 * the HTML it was printed from, beside a small JSON record of the job (owner, file name, that hash).
 * A job asked about after a restart is read back from its record; asking for the same report again
 * (same result, same day) finds the stored PDF and answers at once without chromium. A job that was
 * still queued or running when the server stopped is simply unknown afterwards (404): the web client
 * then asks for the report again, which regenerates it. Files older than KEEP_DAYS are swept.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportJob } from '@zhiping/contracts';
import { AppError } from '../../platform/errors.ts';

interface Job extends ReportJob {
  userId: number | null;
  /** SHA-256 of the source the file was rendered from (names the stored file). */
  sourceHash: string;
  dir: string;
}

/** On disk: the job record, enough to serve its file after a restart. */
interface StoredJob {
  id: string;
  userId: number | null;
  fileName: string;
  sourceHash: string;
  size: number;
}

/** Days a stored report and its job record are kept. */
export const REPORT_KEEP_DAYS = 30;
const DAY_MS = 86_400_000;

const jobs = new Map<string, Job>();
let chain: Promise<void> = Promise.resolve();
let lastSweep = 0;

const view = (j: Job): ReportJob => ({ id: j.id, status: j.status, fileName: j.fileName, message: j.message, size: j.size });
const reportDir = (dataDir: string) => path.join(dataDir, 'reports');
const pdfPath = (dir: string, hash: string) => path.join(dir, `${hash}.pdf`);
const jobPath = (dir: string, id: string) => path.join(dir, `job-${id}.json`);

/** Writes a file whole or not at all (temporary name, then rename). */
async function writeAtomic(file: string, content: Buffer | string): Promise<void> {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, file);
}

async function persist(j: Job): Promise<void> {
  const stored: StoredJob = { id: j.id, userId: j.userId, fileName: j.fileName, sourceHash: j.sourceHash, size: j.size ?? 0 };
  await writeAtomic(jobPath(j.dir, j.id), JSON.stringify(stored));
}

/** Removes stored reports and job records older than REPORT_KEEP_DAYS (at most once an hour). */
async function sweep(dir: string, now: number): Promise<void> {
  if (now - lastSweep < 3_600_000) return;
  lastSweep = now;
  for (const [id, j] of jobs) if (j.status === 'done' || j.status === 'failed') jobs.delete(id);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(dir, name);
    const s = await stat(file).catch(() => null);
    if (s && now - s.mtimeMs > REPORT_KEEP_DAYS * DAY_MS) await rm(file, { force: true });
  }
}

/**
 * Queues work that renders `source` into a file; returns the job at once. When a file rendered from the
 * same source is already stored, the job is done immediately and `work` never runs.
 */
export async function queueReportJob(
  dataDir: string,
  userId: number | null,
  fileName: string,
  source: string,
  work: () => Promise<Buffer>,
): Promise<ReportJob> {
  const dir = reportDir(dataDir);
  await mkdir(dir, { recursive: true });
  await sweep(dir, Date.now());
  const job: Job = {
    id: randomBytes(12).toString('hex'),
    status: 'queued',
    fileName,
    message: null,
    size: null,
    userId,
    sourceHash: createHash('sha256').update(source).digest('hex'),
    dir,
  };
  const existing = await stat(pdfPath(dir, job.sourceHash)).catch(() => null);
  if (existing?.isFile()) {
    job.status = 'done';
    job.size = existing.size;
    await persist(job);
    jobs.set(job.id, job);
    return view(job);
  }
  jobs.set(job.id, job);
  chain = chain.then(async () => {
    job.status = 'running';
    try {
      const buffer = await work();
      await writeAtomic(pdfPath(dir, job.sourceHash), buffer);
      job.size = buffer.length;
      await persist(job);
      job.status = 'done';
    } catch (e) {
      if (!(e instanceof AppError)) console.error('[zhiping] report job failed', e);
      job.status = 'failed';
      job.message = e instanceof AppError ? e.userMessage : '生成报告失败，请稍后重试';
    }
  });
  return view(job);
}

const expired = () => new AppError('NOT_FOUND', { userMessage: '报告任务不存在或已过期，请重新生成' });

/** A job of the user: from memory, else (after a restart) from its stored record. */
async function own(dataDir: string, userId: number | null, id: string): Promise<Job> {
  const inMemory = jobs.get(id);
  if (inMemory) {
    if (inMemory.userId !== userId) throw expired();
    return inMemory;
  }
  const dir = reportDir(dataDir);
  const text = await readFile(jobPath(dir, id), 'utf8').catch(() => null);
  if (text === null) throw expired();
  const stored = JSON.parse(text) as StoredJob;
  if (stored.userId !== userId) throw expired();
  return { ...stored, status: 'done', message: null, dir };
}

/** A job of the user. */
export async function findReportJob(dataDir: string, userId: number | null, id: string): Promise<ReportJob> {
  return view(await own(dataDir, userId, id));
}

/** The finished file of a job; INVALID_STATE while it is not done, NOT_FOUND once its file was swept. */
export async function takeReportFile(dataDir: string, userId: number | null, id: string): Promise<{ fileName: string; buffer: Buffer }> {
  const j = await own(dataDir, userId, id);
  if (j.status !== 'done')
    throw new AppError('INVALID_STATE', { userMessage: j.status === 'failed' ? (j.message ?? '生成失败') : '报告尚在生成中' });
  const buffer = await readFile(pdfPath(j.dir, j.sourceHash)).catch(() => null);
  if (!buffer) throw expired();
  return { fileName: j.fileName, buffer };
}

/** Waits until every queued job has finished (tests and shutdown). */
export function drainReportJobs(): Promise<void> {
  return chain;
}

/** Forgets the jobs held in memory, as a restart does (tests). */
export function forgetReportJobsInMemory(): void {
  jobs.clear();
}
