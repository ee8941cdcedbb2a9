/**
 * Configuration, read once from the environment and frozen. Nothing else reads process.env.
 * Every variable is optional; see README "Configuration".
 */
import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  /** HTTP port of the web app and API. */
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  /** Interface to listen on. */
  HOST: z.string().default('0.0.0.0'),
  /** Folder for the embedded database, its lock, the secret key, uploads and backups. */
  ZHIPING_DATA_DIR: z.string().default('./data'),
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of the embedded PGlite. */
  DATABASE_URL: z.string().url().optional(),
  /** Initial admin password on first start; a random one is generated and printed once when unset. */
  ZHIPING_ADMIN_PASSWORD: z.string().min(1).optional(),
  /** Key for sensitive fields (≥32 characters); generated into the data folder on PGlite when unset. */
  ZHIPING_SECRET_KEY: z.string().min(32, 'ZHIPING_SECRET_KEY 至少 32 个字符 / must be at least 32 characters').optional(),
  /** "0" starts with an empty district instead of loading the demo district on first start. */
  ZHIPING_DEMO: z.enum(['0', '1']).default('1'),
  /** Hours between scheduled backups in embedded mode; 0 disables them. */
  ZHIPING_BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).default(24),
  /** Backup generations kept in the data folder. */
  ZHIPING_BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
  /** Per-statement time limit in milliseconds for request queries. */
  ZHIPING_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** "1" marks session cookies Secure (set when served over HTTPS). */
  ZHIPING_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  /** Log level of the HTTP server. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** GB/T 2260 code of the district this installation serves (first start only). */
  ZHIPING_DISTRICT_CODE: z
    .string()
    .regex(/^\d{6}$/, '区划代码应为6位数字')
    .default('500199'),
  /** Name of the district (first start only). */
  ZHIPING_DISTRICT_NAME: z.string().min(1).default('示例区'),
  /** Debian chromium used to print PDF reports. */
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Folder of the built web app; defaults to apps/web/dist beside the server. */
  ZHIPING_WEB_DIR: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  secretKey: string | undefined;
  loadDemo: boolean;
  backupIntervalHours: number;
  backupKeep: number;
  statementTimeoutMs: number;
  secureCookies: boolean;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  webDir: string | undefined;
  districtCode: string;
  districtName: string;
  chromiumPath: string;
}

/** Parses the environment; throws one error that lists every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.ZHIPING_SECRET_KEY) {
    throw new Error('配置错误：使用 DATABASE_URL 时必须设置 ZHIPING_SECRET_KEY / ZHIPING_SECRET_KEY is required with DATABASE_URL');
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ZHIPING_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.ZHIPING_ADMIN_PASSWORD,
    secretKey: e.ZHIPING_SECRET_KEY,
    loadDemo: e.ZHIPING_DEMO === '1',
    backupIntervalHours: e.ZHIPING_BACKUP_INTERVAL_HOURS,
    backupKeep: e.ZHIPING_BACKUP_KEEP,
    statementTimeoutMs: e.ZHIPING_STATEMENT_TIMEOUT_MS,
    secureCookies: e.ZHIPING_SECURE_COOKIES === '1',
    logLevel: e.LOG_LEVEL,
    webDir: e.ZHIPING_WEB_DIR,
    districtCode: e.ZHIPING_DISTRICT_CODE,
    districtName: e.ZHIPING_DISTRICT_NAME,
    chromiumPath: e.CHROMIUM_PATH,
  });
}
