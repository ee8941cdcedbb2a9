/**
 * The context every service function receives: the database (or the current transaction), the actor,
 * the clock and the field crypto. Services take (ctx, input); functions that must be atomic take a trx.
 */
import type { Role } from '@zhiping/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { FieldCrypto } from './crypto.ts';

/** One role held by the actor, with its scope. */
export interface ActorGrant {
  role: Role;
  office: string | null;
  /** NULL for district-wide roles. */
  schoolId: number | null;
}

/** Who is acting. `system` is used by the CLI, migrations and the demo loader. */
export interface Actor {
  userId: number | null;
  username: string;
  displayName: string;
  grants: ActorGrant[];
  teacherId: number | null;
  ip: string | null;
}

export interface Clock {
  now(): Date;
  /** Today's date in the bureau's time zone, 'YYYY-MM-DD'. */
  today(): string;
}

export interface ServiceContext {
  db: Kysely<DB>;
  actor: Actor;
  clock: Clock;
  crypto: FieldCrypto;
}

/** The same context bound to a transaction. */
export interface TxContext extends ServiceContext {
  db: Transaction<DB>;
}

/** Wall clock in Asia/Shanghai. */
export const systemClock: Clock = {
  now: () => new Date(),
  today: () => toShanghaiDate(new Date()),
};

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai (UTC+8, no DST). */
export function toShanghaiDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The actor used by the CLI and start-up tasks. */
export function systemActor(name = 'system'): Actor {
  return {
    userId: null,
    username: name,
    displayName: name === 'system' ? '系统' : name,
    grants: [{ role: 'district_admin', office: null, schoolId: null }],
    teacherId: null,
    ip: null,
  };
}

/** Runs fn in a transaction with the context rebound to it. */
export async function inTransaction<T>(ctx: ServiceContext, fn: (tx: TxContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx as TxContext);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}
