/**
 * Logical backups: every table of the schema, in foreign-key order, as gzip'd SQL of multi-row INSERTs
 * (1,000 rows each; one INSERT per row made a 2M-row restore take minutes instead of seconds). Every
 * value is written as the text literal of its type, so jsonb, arrays, dates, timestamps, numerics,
 * booleans, NULLs and Chinese text round-trip exactly. The first line is a header (format, migration,
 * row counts, a fingerprint of the field-encryption key); the last line marks a complete file.
 *
 *   -- zhiping-backup {"format":1,"migration":"…","createdAt":"…","keyCheck":"…","tables":[{"name":"region","rows":1},…]}
 *   INSERT INTO "region" ("code", …) VALUES (E'500199', …), (…);
 *   -- end
 */
import fs from 'node:fs';
import { once } from 'node:events';
import readline from 'node:readline';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { MIGRATIONS } from '../../db/migrations/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import { systemActor, type Actor } from '../../platform/context.ts';
import type { FieldCrypto } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './backup.repository.ts';

export const BACKUP_FORMAT = 1;
const HEADER_PREFIX = '-- zhiping-backup ';
const END_LINE = '-- end';
/** Rows per INSERT statement. */
const ROWS_PER_INSERT = 1000;

/** The header line of a backup file. */
export interface BackupHeader {
  format: number;
  /** The last migration the database had when the backup was taken. */
  migration: string | null;
  createdAt: string;
  /** Keyed hash of a constant under the field-encryption key; a restore needs the same key. */
  keyCheck: string | null;
  tables: { name: string; rows: number }[];
}

/** What a backup or restore processed. */
export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
  migration: string | null;
}

/** Options of writeBackup. */
export interface WriteBackupOptions {
  /** Field crypto of the installation, recorded as a key fingerprint in the header. */
  crypto?: FieldCrypto;
  /** Creation time written to the header (default now). */
  now?: Date;
}

/** The key fingerprint written to and checked against backup headers. */
export function keyCheckOf(crypto: FieldCrypto): string {
  return crypto.hash('zhiping:backup-key-check');
}

/** Quotes one text value as an E'' literal on a single line. */
function literal(value: string | null): string {
  if (value === null) return 'NULL';
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/**
 * Writes a consistent backup of the whole database to `file` (gzip'd SQL), through a temporary file
 * renamed at the end, inside one read-only repeatable-read transaction.
 */
export async function writeBackup(
  db: Kysely<DB>,
  file: string,
  onProgress?: (done: number, total: number) => void,
  options: WriteBackupOptions = {},
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip({ level: 6 });
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  try {
    const summary = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const tables = await repo.findTables(trx);
        const counts = await repo.countRows(
          trx,
          tables.map((t) => t.name),
        );
        const total = [...counts.values()].reduce((s, n) => s + n, 0);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          migration: await repo.findLatestMigration(trx),
          createdAt: (options.now ?? new Date()).toISOString(),
          keyCheck: options.crypto ? keyCheckOf(options.crypto) : null,
          tables: tables.map((t) => ({ name: t.name, rows: counts.get(t.name)! })),
        };
        await write(HEADER_PREFIX + JSON.stringify(header) + '\n');
        let done = 0;
        onProgress?.(0, total);
        for (const table of tables) {
          const prefix = `INSERT INTO ${repo.quoteIdent(table.name)} (${table.columns.map(repo.quoteIdent).join(', ')})${table.identityColumns.length ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES `;
          for await (const rows of repo.readTableAsText(trx, table, ROWS_PER_INSERT)) {
            await write(prefix + rows.map((r) => `(${r.map(literal).join(', ')})`).join(', ') + ';\n');
            done += rows.length;
            onProgress?.(done, total);
          }
        }
        await write(END_LINE + '\n');
        return { tables: tables.length, rows: total, migration: header.migration };
      });
    gzip.end();
    await finished(out);
    fs.renameSync(partial, file);
    return { file, ...summary, bytes: fs.statSync(file).size };
  } catch (e) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

/** Lines of a gzip'd backup file. */
function readLines(file: string): readline.Interface {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  return readline.createInterface({ input, crlfDelay: Infinity });
}

/** Reads and checks the header of a backup file. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', { userMessage: `备份文件不存在：${file}` });
  const lines = readLines(file);
  try {
    for await (const line of lines) {
      if (!line.startsWith(HEADER_PREFIX)) break;
      const header = JSON.parse(line.slice(HEADER_PREFIX.length)) as BackupHeader;
      if (header.format !== BACKUP_FORMAT) throw new AppError('INVALID_STATE', { userMessage: `不支持的备份格式版本 ${header.format}` });
      return header;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION_FAILED', { userMessage: `无法读取备份文件 ${file}（不是智评备份或文件已损坏）`, cause: e });
  } finally {
    lines.close();
  }
  throw new AppError('VALIDATION_FAILED', { userMessage: `${file} 不是智评备份文件` });
}

/** Options of restoreBackup. */
export interface RestoreOptions {
  /** Who restores (audited); default the system actor. */
  actor?: Actor;
  /** Field crypto of the target; when given, the backup's key fingerprint must match it. */
  crypto?: FieldCrypto;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Restores a backup into an empty database of the same schema version, in one transaction: the reference
 * rows seeded by migrations are replaced by the backup's, then every INSERT, identity sequences, a check of
 * the row counts, and an audit event.
 */
export async function restoreBackup(db: Kysely<DB>, file: string, options: RestoreOptions = {}): Promise<BackupSummary> {
  const header = await readBackupHeader(file);
  const current = await repo.findLatestMigration(db);
  if (header.migration !== current) {
    const known = header.migration !== null && header.migration in MIGRATIONS;
    throw new AppError('INVALID_STATE', {
      userMessage: known
        ? `备份的数据库版本（${header.migration}）与当前版本（${current}）不同：请用生成该备份的智评版本恢复，再升级。`
        : `备份来自更新的智评版本（${header.migration}），请先升级智评再恢复。`,
    });
  }
  if (options.crypto && header.keyCheck && header.keyCheck !== keyCheckOf(options.crypto)) {
    throw new AppError('INVALID_STATE', {
      userMessage:
        '备份使用的加密密钥与当前不同：请把原数据目录中的 secret.key 复制到当前数据目录（或设置相同的 ZHIPING_SECRET_KEY）后再恢复。',
    });
  }
  const tables = await repo.findTables(db);
  const counts = await repo.countRows(
    db,
    tables.map((t) => t.name),
  );
  // Empty means no schools, accounts or audit history; other rows are reference data seeded by migrations,
  // which the backup carries too (possibly edited) and replaces.
  const inUse = ['school', 'app_user', 'audit_log'].filter((t) => (counts.get(t) ?? 0) > 0);
  if (inUse.length > 0) {
    throw new AppError('INVALID_STATE', {
      message: `restore refused: target has rows in ${inUse.join(', ')}`,
      userMessage: `目标数据库不是空库（${inUse.join('、')} 已有数据），只能恢复到新的空数据库（新的数据目录或新建的 PostgreSQL 数据库）。`,
    });
  }
  const seeded = tables.filter((t) => (counts.get(t.name) ?? 0) > 0).reverse();
  const total = header.tables.reduce((s, t) => s + t.rows, 0);
  const bytes = fs.statSync(file).size;
  await db.transaction().execute(async (trx) => {
    for (const t of seeded) await sql.raw(`DELETE FROM ${repo.quoteIdent(t.name)}`).execute(trx);
    let done = 0;
    let complete = false;
    options.onProgress?.(0, total);
    for await (const line of readLines(file)) {
      if (line.startsWith('INSERT INTO ')) {
        await sql.raw(line).execute(trx);
        done += countTuples(line);
        options.onProgress?.(done, total);
      } else if (line === END_LINE) {
        complete = true;
      } else if (line !== '' && !line.startsWith('--')) {
        throw new AppError('VALIDATION_FAILED', { userMessage: '备份文件包含无法识别的内容，已取消恢复' });
      }
    }
    if (!complete) throw new AppError('VALIDATION_FAILED', { userMessage: '备份文件不完整（缺少结束标记），已取消恢复' });
    await repo.resetIdentitySequences(trx, tables);
    const restored = await repo.countRows(
      trx,
      header.tables.map((t) => t.name),
    );
    const mismatch = header.tables.filter((t) => restored.get(t.name) !== t.rows);
    if (mismatch.length > 0)
      throw new AppError('INTERNAL', { userMessage: `恢复后的行数与备份不符（${mismatch.map((t) => t.name).join('、')}），已取消恢复` });
    await recordAudit(trx, options.actor ?? systemActor(), {
      action: 'backup.restore',
      entityType: 'system',
      summary: `从备份恢复数据：${header.tables.length} 张表，${total} 行（备份时间 ${header.createdAt}）`,
      after: { file, createdAt: header.createdAt, migration: header.migration, rows: total },
    });
  });
  return { file, tables: header.tables.length, rows: total, bytes, migration: header.migration };
}

/** Tuples in one generated INSERT line (its row count for progress). */
function countTuples(line: string): number {
  // Rows are joined by "), (" outside literals; a literal containing that text only skews progress, never data.
  return line.split('), (').length;
}

/** Records that a backup was written (backups copy personal data, so they are audited). */
export async function recordBackupWritten(db: Kysely<DB>, actor: Actor, summary: BackupSummary): Promise<void> {
  await recordAudit(db, actor, {
    action: 'backup.create',
    entityType: 'system',
    summary: `备份数据库：${summary.tables} 张表，${summary.rows} 行，写入 ${summary.file}`,
    after: { file: summary.file, rows: summary.rows, bytes: summary.bytes, migration: summary.migration },
  });
}
