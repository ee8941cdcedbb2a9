/** Resolves the 学校标识码 of validated rows to school ids, refusing codes that do not exist. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { findSchoolIdsByCode } from '../import.repository.ts';

/** Ids of the rows' schools in one query; VALIDATION_FAILED naming the unknown codes (validation normally caught them). */
export async function requireSchoolIds(db: Kysely<DB>, rows: readonly { schoolCode: string }[]): Promise<Map<string, number>> {
  const codes = [...new Set(rows.map((r) => r.schoolCode))];
  const ids = await findSchoolIdsByCode(db, codes);
  const missing = codes.filter((c) => !ids.has(c));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      userMessage: `学校标识码 ${missing.slice(0, 5).join('、')}${missing.length > 5 ? ' 等' : ''} 不存在`,
    });
  }
  return ids;
}
