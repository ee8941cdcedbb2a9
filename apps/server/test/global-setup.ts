/**
 * Vitest global setup of the database tests: builds one migrated template per run — a PGlite data-dir
 * dump, or a PostgreSQL template database — that every test file clones instead of migrating anew.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { TEMPLATE_DB_NAME, adminUrl, testEngine } from './test-engine.ts';

export default async function setup(): Promise<(() => void) | void> {
  if (testEngine() === 'postgres') {
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB_NAME}`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DB_NAME}`);
    await client.end();
    const url = new URL(adminUrl());
    url.pathname = `/${TEMPLATE_DB_NAME}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    await migrateToLatest(database.db);
    await database.close();
    return;
  }
  const pglite = new PGlite();
  const database = await openDatabase({ pglite });
  await migrateToLatest(database.db);
  await database.close();
  const dump = await pglite.dumpDataDir('none');
  const file = path.join(os.tmpdir(), `zhiping-pglite-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  process.env.ZHIPING_PGLITE_TEMPLATE = file;
  return () => fs.rmSync(file, { force: true });
}
