/**
 * Uploaded import files, kept under <dataDir>/imports/<jobId>.xlsx until the job is committed (or a
 * week has passed), so a dry run can be repeated after a restart and its annotated report built.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const KEEP_MS = 7 * 24 * 3600_000;

/** The stored file of a job. */
export function importFilePath(dataDir: string, jobId: string): string {
  return path.join(dataDir, 'imports', `${jobId}.xlsx`);
}

/** Stores an upload stream or copies a local file as the job's file. */
export async function storeImportFile(dataDir: string, jobId: string, source: Readable | string): Promise<string> {
  const target = importFilePath(dataDir, jobId);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  if (typeof source === 'string') await fs.promises.copyFile(source, target);
  else await pipeline(source, fs.createWriteStream(target));
  return target;
}

/** Removes a job's file (missing is fine). */
export async function removeImportFile(dataDir: string, jobId: string): Promise<void> {
  await fs.promises.rm(importFilePath(dataDir, jobId), { force: true });
}

/** Removes stored files older than a week. */
export async function pruneImportFiles(dataDir: string, now = Date.now()): Promise<void> {
  const dir = path.join(dataDir, 'imports');
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat && now - stat.mtimeMs > KEEP_MS) await fs.promises.rm(file, { force: true });
  }
}
