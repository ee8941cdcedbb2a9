/**
 * What this process keeps of its import jobs in memory: the background task of each running job (so
 * the CLI and the bench can await it), live progress (a commit's progress cannot be read from the
 * database until its transaction ends), and the validated rows and all errors of recent dry runs, so
 * a commit does not parse the file again. Everything here is a cache: after a restart the job row
 * and the stored file are enough to validate again.
 */
import type { ImportRowError } from '@zhiping/contracts';

/** A finished dry run kept for its commit and report. */
interface CachedRun {
  rows: unknown[];
  errors: ImportRowError[];
  cachedAt: number;
}

const running = new Map<string, Promise<void>>();
const progress = new Map<string, { processed: number; total: number }>();
const cache = new Map<string, CachedRun>();

/** Dry runs kept at most (each may hold 100,000 rows) and for how long. */
const CACHE_MAX = 3;
const CACHE_TTL_MS = 2 * 3600_000;

/**
 * Runs a job's background task. The task records its own failures on the job; should even that fail
 * (the database gone), the job keeps its running status rather than the error crashing the process.
 */
export function runInBackground(jobId: string, task: () => Promise<void>): void {
  const p = task()
    .catch(() => undefined)
    .finally(() => {
      running.delete(jobId);
      progress.delete(jobId);
    });
  running.set(jobId, p);
}

/** Resolves when the job's background task (if any) has finished. */
export async function waitForBackgroundTask(jobId: string): Promise<void> {
  await running.get(jobId);
}

/** Records live progress of a running job. */
export function setLiveProgress(jobId: string, processed: number, total: number): void {
  progress.set(jobId, { processed, total });
}

/** Live progress of a job this process is running, if any. */
export function liveProgress(jobId: string): { processed: number; total: number } | undefined {
  return progress.get(jobId);
}

/** Keeps a dry run's rows and errors, evicting the oldest and expired ones. */
export function cacheDryRun(jobId: string, rows: unknown[], errors: ImportRowError[], now = Date.now()): void {
  for (const [id, c] of cache) if (now - c.cachedAt > CACHE_TTL_MS) cache.delete(id);
  cache.set(jobId, { rows, errors, cachedAt: now });
  while (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
}

/** A cached dry run, if still held. */
export function cachedDryRun(jobId: string): { rows: unknown[]; errors: ImportRowError[] } | undefined {
  return cache.get(jobId);
}

/** Drops a job's cached dry run (after its commit). */
export function forgetDryRun(jobId: string): void {
  cache.delete(jobId);
}
