/**
 * Starts the BUILT server (apps/server/dist/main.js, serving apps/web/dist) on a free port with a
 * fresh data folder, waits for /api/health, and stops it afterwards. Builds nothing itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, SERVER_ENTRY, WEB_INDEX } from './paths.ts';

/** The initial password of the built-in accounts in every test server. */
export const INITIAL_PASSWORD = 'Init@Pass2026';

export interface TestServer {
  baseUrl: string;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Throws a clear message when the build the tests need is missing. */
export function assertBuilt(): void {
  const missing = [SERVER_ENTRY, WEB_INDEX].filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new Error(`e2e needs a build first — missing ${missing.map((f) => path.relative(REPO_ROOT, f)).join(', ')}. Run: npm run build`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const r = await fetch(`${baseUrl}/api/health`);
      if (r.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${output()}`);
}

/** Starts a server; ZHIPING_DEMO=0 (an empty district) unless demo is true. */
export async function startServer(options: { demo?: boolean; readyTimeoutMs?: number } = {}): Promise<TestServer> {
  assertBuilt();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiping-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZHIPING_DATA_DIR: dataDir,
      ZHIPING_ADMIN_PASSWORD: INITIAL_PASSWORD,
      ZHIPING_DEMO: options.demo ? '1' : '0',
      ZHIPING_BACKUP_INTERVAL_HOURS: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const output = () => log;

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, output, options.readyTimeoutMs ?? 90_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, dataDir, output, stop };
}
