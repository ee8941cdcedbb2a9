/**
 * The database factory: embedded PGlite (persisted in the data folder, behind a lock file) or a real
 * PostgreSQL server. Both go through node-postgres and Kysely's PostgresDialect, so every query and
 * migration is the same SQL on both engines.
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { acquireFolderLock, type FolderLock } from './lock.ts';
import type { DB } from './schema.ts';

// Dates stay 'YYYY-MM-DD' strings (no time-zone shifts); numeric and int8 become numbers.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(1700, (v: string) => Number(v));
pg.types.setTypeParser(20, (v: string) => Number(v));

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Closes the pool, the embedded engine and releases the folder lock. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent, PGlite is opened in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Data folder holding the PGlite files (in `pgdata/`) and the lock. */
  dataDir?: string;
  /** 'memory' opens an in-memory PGlite (tests); no lock is taken. */
  inMemory?: boolean;
  /** Per-statement time limit. */
  statementTimeoutMs?: number;
  /** Who takes the lock, for the refusal message ("server", "cli"). */
  holder?: string;
  /** Pool size on PostgreSQL. */
  maxConnections?: number;
  /** An already open PGlite instance to use (tests clone one per file). */
  pglite?: PGlite;
}

/** Opens the configured database. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const timeout = options.statementTimeoutMs ?? 30_000;
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
      options: `-c statement_timeout=${timeout} -c TimeZone=Asia/Shanghai`,
    });
    // An idle client dropped by the server (restart, failover, DROP DATABASE … FORCE) emits 'error' on the
    // pool; unhandled, it would crash the process. The pool replaces the client on the next query.
    pool.on('error', (err) => {
      console.warn(
        `[zhiping] PostgreSQL connection lost (${(err as { code?: string }).code ?? err.message}); it will be reopened on demand`,
      );
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  let lock: FolderLock | undefined;
  let pglite = options.pglite;
  const ownsPglite = !pglite;
  if (!pglite) {
    if (options.inMemory) {
      pglite = new PGlite();
    } else {
      const dir = options.dataDir ?? './data';
      lock = acquireFolderLock(dir, options.holder ?? 'server');
      try {
        pglite = new PGlite(path.join(dir, 'pgdata'));
        await pglite.waitReady;
      } catch (e) {
        lock.release();
        throw e;
      }
    }
  }
  await pglite.waitReady;
  await pglite.exec(`SET statement_timeout = ${timeout}; SET TimeZone = 'Asia/Shanghai';`);
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'pglite',
    async close() {
      await db.destroy();
      if (ownsPglite) await pglite.close();
      lock?.release();
    },
  };
}

/** Server version string, for the health endpoint and diagnostics. */
export async function readServerVersion(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db);
  return r.rows[0]?.v ?? 'unknown';
}
