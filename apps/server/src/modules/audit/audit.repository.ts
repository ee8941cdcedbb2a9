/** Reading the audit log (writing is platform/audit.ts). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Filters of the audit page. */
export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Kysely<DB>, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.actor) q = q.where('actor_name', '=', f.actor);
  if (f.action) q = q.where('action', 'like', `${f.action.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  // Plain dates are whole days in Asia/Shanghai; 'to' includes its day.
  if (f.from) q = q.where('at', '>=', new Date(f.from.length === 10 ? `${f.from}T00:00:00+08:00` : f.from));
  if (f.to)
    q = q.where('at', '<', f.to.length === 10 ? new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000) : new Date(f.to));
  return q;
}

/** One page of audit rows, newest first. */
export async function findAuditPage(db: Kysely<DB>, f: AuditFilter, page: { offset: number; limit: number }) {
  const q = filtered(db, f);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}
