/** SQL of workflow instances and their transition log. */
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The instance of a subject under a definition. */
export function findInstance(db: Kysely<DB>, definitionKey: string, subjectType: string, subjectId: string) {
  return db
    .selectFrom('workflow_instance')
    .selectAll()
    .where('definition_key', '=', definitionKey)
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
}

/** Locks an instance row for a transition (FOR UPDATE). */
export function lockInstance(db: Kysely<DB>, id: number) {
  return db.selectFrom('workflow_instance').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Inserts an instance; returns it. */
export function insertInstance(db: Kysely<DB>, i: Insertable<DB['workflow_instance']>) {
  return db.insertInto('workflow_instance').values(i).returningAll().executeTakeFirstOrThrow();
}

/** Moves an instance to a state if it is still at `version`; returns the number of rows changed. */
export async function moveInstance(db: Kysely<DB>, id: number, version: number, state: string, now: Date): Promise<number> {
  const r = await db
    .updateTable('workflow_instance')
    .set({ state, version: version + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Appends a transition to the log. */
export async function insertTransition(db: Kysely<DB>, t: Insertable<DB['workflow_transition']>): Promise<void> {
  await db.insertInto('workflow_transition').values(t).execute();
}

/** The transition log of an instance, oldest first. */
export function findTransitions(db: Kysely<DB>, instanceId: number) {
  return db.selectFrom('workflow_transition').selectAll().where('instance_id', '=', instanceId).orderBy('at').orderBy('id').execute();
}
