/**
 * The append-only audit log. Every write calls recordAudit inside its own transaction, so the change
 * and its trace commit or roll back together. The table refuses UPDATE, DELETE and TRUNCATE.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './context.ts';

export interface AuditEvent {
  /** Verb such as 'school.update', 'teacher.unmask', 'auth.login', 'export.teachers'. */
  action: string;
  entityType: string;
  entityId?: string | number | null;
  schoolId?: number | null;
  /** Short Chinese description for the audit page. */
  summary?: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit row for the actor. */
export async function recordAudit(db: Kysely<DB>, actor: Actor, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: actor.userId,
      actor_name: actor.username,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId == null ? null : String(event.entityId),
      school_id: event.schoolId ?? null,
      summary: event.summary ?? '',
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
      ip: actor.ip,
    })
    .execute();
}

/** Returns only the keys whose values differ, as {before, after}, for compact audit rows. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (after[k] !== undefined && JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}
