/** Shared by the benchmarks: a fresh database to measure on (PGlite folder or a temporary PostgreSQL database), dropped afterwards. */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../apps/server/src/db/database.ts';

/** A fresh database: a PGlite folder under `dir` (or in memory), or a new database on the DATABASE_URL server. */
export async function freshDatabase(dir: string): Promise<{ database: Database; label: string; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const inMemory = process.argv.includes('--memory');
    const database = await openDatabase(
      inMemory
        ? { inMemory, statementTimeoutMs: 3_600_000 }
        : { dataDir: path.join(dir, 'data'), holder: 'bench', statementTimeoutMs: 3_600_000 },
    );
    return { database, label: inMemory ? 'PGlite (in memory)' : 'PGlite (temporary data folder)', drop: async () => undefined };
  }
  const name = `zhiping_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString(), statementTimeoutMs: 3_600_000 });
  return {
    database,
    label: `PostgreSQL (${target.host}, temporary database ${name})`,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
