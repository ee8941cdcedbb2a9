/** SQL of stored results: written when the lead submits the consolidation, published by the district. */
import type { EvaluationResult } from '@zhiping/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** What is stored for one evaluation. */
export interface ResultWrite {
  evaluationId: number;
  result: EvaluationResult;
  scores: unknown;
  findings: unknown;
  at: Date;
}

/** Stores (or replaces) results, unpublished. */
export async function upsertResults(db: Kysely<DB>, writes: ResultWrite[]): Promise<void> {
  for (let i = 0; i < writes.length; i += 200) {
    await db
      .insertInto('evaluation_result')
      .values(
        writes.slice(i, i + 200).map((w) => ({
          evaluation_id: w.evaluationId,
          total: w.result.total,
          band: w.result.band,
          verdict: w.result.verdict,
          verdict_label: w.result.verdictLabel,
          is_vetoed: w.result.vetoesHit.length > 0,
          result: JSON.stringify(w.result),
          scores: JSON.stringify(w.scores),
          findings: JSON.stringify(w.findings),
          computed_at: w.at,
          published_at: null,
        })),
      )
      .onConflict((oc) =>
        oc.column('evaluation_id').doUpdateSet({
          total: sql`excluded.total`,
          band: sql`excluded.band`,
          verdict: sql`excluded.verdict`,
          verdict_label: sql`excluded.verdict_label`,
          is_vetoed: sql`excluded.is_vetoed`,
          result: sql`excluded.result`,
          scores: sql`excluded.scores`,
          findings: sql`excluded.findings`,
          computed_at: sql`excluded.computed_at`,
          published_at: null,
        }),
      )
      .execute();
  }
}

/** Marks results published. */
export async function markPublished(db: Kysely<DB>, evaluationIds: number[], at: Date): Promise<void> {
  for (let i = 0; i < evaluationIds.length; i += 1000)
    await db
      .updateTable('evaluation_result')
      .set({ published_at: at })
      .where('evaluation_id', 'in', evaluationIds.slice(i, i + 1000))
      .execute();
}

/** The stored result of an evaluation. */
export function findResult(db: Kysely<DB>, evaluationId: number) {
  return db.selectFrom('evaluation_result').selectAll().where('evaluation_id', '=', evaluationId).executeTakeFirst();
}

/** Published results of a campaign with the school's code and name. */
export function findPublishedResults(db: Kysely<DB>, campaignId: number) {
  return db
    .selectFrom('evaluation_result as r')
    .innerJoin('evaluation as e', 'e.id', 'r.evaluation_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .select([
      'e.id as evaluation_id',
      'e.school_id',
      's.code as school_code',
      'v.name as school_name',
      'r.total',
      'r.band',
      'r.verdict_label',
      'r.result',
      'r.findings',
    ])
    .where('e.campaign_id', '=', campaignId)
    .where('r.published_at', 'is not', null)
    .orderBy('s.code')
    .execute();
}
