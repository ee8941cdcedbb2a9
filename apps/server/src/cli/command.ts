/** The shape of one CLI command and helpers shared by commands. */
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { systemActor, systemClock, type ServiceContext } from '../platform/context.ts';
import { createFieldCrypto, resolveSecretKey } from '../platform/crypto.ts';

export interface CliCommand {
  /** Arguments, e.g. "<kind> <file.xlsx>". */
  usage: string;
  /** One line, Chinese / English. */
  description: string;
  run(args: string[]): Promise<void>;
}

/**
 * Opens the configured database for a CLI command (taking the data-folder lock in embedded mode, so it
 * refuses while the server runs), migrates it, and hands a system-actor context to fn.
 */
export async function withCliContext<T>(fn: (ctx: ServiceContext, database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    holder: 'cli',
    statementTimeoutMs: 3_600_000,
  });
  try {
    await migrateToLatest(database.db);
    const crypto = createFieldCrypto(resolveSecretKey(config.secretKey, config.dataDir));
    return await fn({ db: database.db, actor: systemActor('cli'), clock: systemClock, crypto }, database);
  } finally {
    await database.close();
  }
}

/** Prints a one-line progress bar to stderr (overwritten in place on a terminal). */
export function printProgress(label: string, done: number, total: number): void {
  const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
  const line = `${label} ${done}/${total} (${pct}%)`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
  else if (done >= total || done % 10_000 === 0) process.stderr.write(line + '\n');
}
