/**
 * Read-only lookups other supervision areas need about rectification items, kept apart from the
 * rectification service so evaluations and inspectors can use them without an import cycle (the
 * service itself depends on both).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import * as repo from './rectification.repository.ts';

/** Items still open or awaiting verification, per school. */
export function countUnfinishedItems(db: Kysely<DB>, schoolIds: number[]): Promise<Map<number, number>> {
  return repo.countUnfinishedBySchool(db, schoolIds);
}

/** The rectification item opened for each check point of an evaluation. */
export function findItemIdsOfEvaluation(db: Kysely<DB>, evaluationId: number): Promise<Map<string, number>> {
  return repo.findItemIdsByCode(db, evaluationId);
}
