/**
 * PDF reports run off the request path: a request queues a job and polls it; one job renders at a time
 * (chromium is heavy on a small server); finished files stay in memory for 30 minutes and only the user
 * who asked may fetch them.
 */
import { randomBytes } from 'node:crypto';
import type { ReportJob } from '@zhiping/contracts';
import { AppError } from '../../platform/errors.ts';

interface Job extends ReportJob {
  userId: number | null;
  buffer: Buffer | null;
  finishedAt: number | null;
}

const KEEP_MS = 30 * 60_000;
const jobs = new Map<string, Job>();
let chain: Promise<void> = Promise.resolve();

function sweep(now: number): void {
  for (const [id, j] of jobs) if (j.finishedAt !== null && now - j.finishedAt > KEEP_MS) jobs.delete(id);
}

const view = (j: Job): ReportJob => ({ id: j.id, status: j.status, fileName: j.fileName, message: j.message, size: j.size });

/** Queues work that produces a file; returns the job at once. */
export function queueReportJob(userId: number | null, fileName: string, work: () => Promise<Buffer>): ReportJob {
  sweep(Date.now());
  const job: Job = {
    id: randomBytes(12).toString('hex'),
    status: 'queued',
    fileName,
    message: null,
    size: null,
    userId,
    buffer: null,
    finishedAt: null,
  };
  jobs.set(job.id, job);
  chain = chain.then(async () => {
    job.status = 'running';
    try {
      job.buffer = await work();
      job.size = job.buffer.length;
      job.status = 'done';
    } catch (e) {
      if (!(e instanceof AppError)) console.error('[zhiping] report job failed', e);
      job.status = 'failed';
      job.message = e instanceof AppError ? e.userMessage : '生成报告失败，请稍后重试';
    } finally {
      job.finishedAt = Date.now();
    }
  });
  return view(job);
}

function own(userId: number | null, id: string): Job {
  const j = jobs.get(id);
  if (!j || j.userId !== userId) throw new AppError('NOT_FOUND', { userMessage: '报告任务不存在或已过期' });
  return j;
}

/** A job of the user. */
export function findReportJob(userId: number | null, id: string): ReportJob {
  return view(own(userId, id));
}

/** The finished file of a job; INVALID_STATE while it is not done. */
export function takeReportFile(userId: number | null, id: string): { fileName: string; buffer: Buffer } {
  const j = own(userId, id);
  if (j.status !== 'done' || !j.buffer)
    throw new AppError('INVALID_STATE', { userMessage: j.status === 'failed' ? (j.message ?? '生成失败') : '报告尚在生成中' });
  return { fileName: j.fileName, buffer: j.buffer };
}

/** Waits until every queued job has finished (tests and shutdown). */
export function drainReportJobs(): Promise<void> {
  return chain;
}
