/**
 * An exclusive lock file on the embedded data folder. PGlite has no lock of its own, so a second
 * process opening the same folder would silently diverge; this refuses instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../platform/errors.ts';

export interface FolderLock {
  /** Removes the lock file (idempotent). */
  release(): void;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws a clear message naming the process that holds it. A stale lock is taken over. */
export function acquireFolderLock(dir: string, holder: string): FolderLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'zhiping.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let info: { pid?: number; holder?: string } = {};
      try {
        info = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof info;
      } catch {
        /* unreadable lock: treat as stale */
      }
      if (info.pid && info.pid !== process.pid && isProcessAlive(info.pid)) {
        throw new AppError('CONFLICT', {
          message: `data folder ${dir} is locked by ${info.holder ?? 'another process'} (pid ${info.pid})`,
          userMessage:
            `数据目录 ${dir} 正被另一个智评进程使用（${info.holder ?? '未知'}，进程号 ${info.pid}）。` +
            `请先停止服务器，或在网页端使用“数据导入”。 / The data folder is in use: stop the server first or use the web import.`,
        });
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${file}`);
}
