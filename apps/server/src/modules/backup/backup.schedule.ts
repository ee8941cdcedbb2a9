/**
 * Scheduled backups in embedded mode: every `intervalHours` into <dataDir>/backups as
 * zhiping-YYYYMMDD-HHmmss.sql.gz (Asia/Shanghai time), keeping the newest `keep` files. Runs on a timer,
 * never on a request; a run that fails is logged and retried at the next interval. The first run comes
 * one interval after the newest existing backup (at least a minute after start), so frequent restarts
 * do not skip backups. After each backup the database is tidied with VACUUM (ANALYZE): embedded PGlite has
 * no autovacuum, so without it dead row versions are never reclaimed, the visibility map is never set
 * (index-only scans such as the same-person check read every heap page) and planner statistics age.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { systemActor, type Clock } from '../../platform/context.ts';
import type { FieldCrypto } from '../../platform/crypto.ts';
import { recordBackupWritten, writeBackup, type BackupSummary } from './backup.service.ts';

const FILE_PATTERN = /^zhiping-(\d{8})-(\d{6})\.sql\.gz$/;
/** setTimeout's limit (about 24.8 days). */
const MAX_DELAY_MS = 2_147_483_647;

/** The file name of a backup taken at `at`, in Asia/Shanghai time. */
export function backupFileName(at: Date): string {
  const s = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `zhiping-${s.slice(0, 10).replaceAll('-', '')}-${s.slice(11, 19).replaceAll(':', '')}.sql.gz`;
}

/** Backup files in a folder, newest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => FILE_PATTERN.test(f))
    .sort()
    .reverse();
}

/** Deletes all but the newest `keep` backups; returns the deleted file names. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(Math.max(1, keep));
  for (const f of old) fs.rmSync(path.join(dir, f), { force: true });
  return old;
}

/** VACUUM (ANALYZE) of the whole database; returns the line to log (a failure is reported, never thrown: the backup stands). */
async function vacuum(db: Kysely<DB>): Promise<string> {
  const started = Date.now();
  try {
    await sql`VACUUM (ANALYZE)`.execute(db);
    return `已整理数据库 / VACUUM (ANALYZE) ${((Date.now() - started) / 1000).toFixed(1)} s`;
  } catch (e) {
    return `数据库整理失败 / VACUUM failed: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Options of the scheduler. */
export interface BackupScheduleOptions {
  db: Kysely<DB>;
  crypto: FieldCrypto;
  clock: Clock;
  /** Folder of the backup files. */
  dir: string;
  intervalHours: number;
  keep: number;
  /** Delay before the first run when no backup exists yet (default one minute). */
  firstDelayMs?: number;
  log?: (line: string) => void;
}

/** A running schedule. */
export interface BackupSchedule {
  /** Runs one backup now (also used by the timer); resolves when done. */
  runNow(): Promise<BackupSummary | null>;
  /** Clears the timer and waits for a running backup to finish. */
  stop(): Promise<void>;
}

/** Starts scheduled backups; intervalHours 0 returns a schedule that never runs. */
export function startBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  const log = options.log ?? ((line: string) => console.log(line));
  const intervalMs = options.intervalHours * 3600_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<BackupSummary | null> | undefined;
  let stopped = intervalMs <= 0;

  const runNow = (): Promise<BackupSummary | null> => {
    if (running) return running;
    running = (async () => {
      const started = Date.now();
      try {
        fs.mkdirSync(options.dir, { recursive: true });
        const file = path.join(options.dir, backupFileName(options.clock.now()));
        const summary = await writeBackup(options.db, file, undefined, { crypto: options.crypto, now: options.clock.now() });
        await recordBackupWritten(options.db, systemActor(), summary);
        const pruned = pruneBackups(options.dir, options.keep);
        const tidied = await vacuum(options.db);
        log(
          `[zhiping] 定时备份完成 / scheduled backup: ${file} (${summary.rows} 行, ${(summary.bytes / 1024 / 1024).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s)${pruned.length ? `; 已删除旧备份 ${pruned.join(', ')}` : ''}; ${tidied}`,
        );
        return summary;
      } catch (e) {
        log(`[zhiping] 定时备份失败 / scheduled backup failed: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        void runNow().then(() => schedule(intervalMs));
      },
      Math.min(MAX_DELAY_MS, Math.max(0, delayMs)),
    );
    timer.unref();
  };

  if (!stopped) {
    const newest = listBackups(options.dir)[0];
    const firstDelay = options.firstDelayMs ?? 60_000;
    const sinceNewest = newest ? options.clock.now().getTime() - fs.statSync(path.join(options.dir, newest)).mtimeMs : Infinity;
    schedule(Math.max(firstDelay, intervalMs - sinceNewest));
  }
  return {
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
