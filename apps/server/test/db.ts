/**
 * Per-file test database: a clone of the migrated template (PGlite data-dir dump, or
 * CREATE DATABASE … TEMPLATE on PostgreSQL), plus a service context for a given actor.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.ts';
import { systemActor, type Actor, type Clock, type ServiceContext } from '../src/platform/context.ts';
import { createFieldCrypto } from '../src/platform/crypto.ts';
import { TEMPLATE_DB_NAME, adminUrl, testEngine } from './test-engine.ts';

export const TEST_SECRET_KEY = 'test-secret-key-test-secret-key-0123456789';
export const testCrypto = createFieldCrypto(TEST_SECRET_KEY);

/** A fixed clock for deterministic tests. */
export function fixedClock(iso = '2026-11-22T10:00:00+08:00'): Clock {
  const d = new Date(iso);
  return { now: () => new Date(d), today: () => iso.slice(0, 10) };
}

/** Opens a fresh, migrated database for one test file; close it in afterAll. */
export async function openTestDatabase(): Promise<Database> {
  if (testEngine() === 'postgres') {
    const name = `zhiping_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB_NAME}`);
    await admin.end();
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), maxConnections: 4 });
    return {
      ...database,
      async close() {
        await database.close();
        const c = new pg.Client({ connectionString: adminUrl() });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const file = process.env.ZHIPING_PGLITE_TEMPLATE;
  if (!file || !fs.existsSync(file)) throw new Error('PGlite template missing: run database tests through vitest --project db');
  const pglite = new PGlite({ loadDataDir: new Blob([fs.readFileSync(file)]) });
  const database = await openDatabase({ pglite });
  return {
    ...database,
    async close() {
      await database.close();
      await pglite.close();
    },
  };
}

/** A service context over the test database for an actor (default: the system actor). */
export function testContext(database: Database, actor: Actor = systemActor(), clock: Clock = fixedClock()): ServiceContext {
  return { db: database.db, actor, clock, crypto: testCrypto };
}
