/**
 * Background services started with the server: demo loading on first start and, in embedded mode,
 * scheduled backups. Each returns a stop function.
 */
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Engine } from './db/database.ts';
import type { DB } from './db/schema.ts';
import type { Clock } from './platform/context.ts';
import type { FieldCrypto } from './platform/crypto.ts';

export interface ServiceDeps {
  db: Kysely<DB>;
  engine: Engine;
  crypto: FieldCrypto;
  clock: Clock;
  config: Readonly<Config>;
  districtId: number;
  isFirstStart: boolean;
}

export interface RunningServices {
  stop(): Promise<void>;
}

/** Starts what runs beside the HTTP server. */
export async function startServices(_deps: ServiceDeps): Promise<RunningServices> {
  const stops: (() => Promise<void> | void)[] = [];
  return {
    async stop() {
      for (const s of stops.reverse()) await s();
    },
  };
}
