/**
 * Bulk upsert of schools by 学校标识码. Attributes live in dated versions: a change closes the open
 * version at today's date and opens a new one (history kept); a change on the day the open version
 * started corrects it in place. Streets named in the file are created under the district when new.
 */
import type { SchoolImportRow } from '@zhiping/domain';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { TxContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { WriteOptions, WriteSummary } from '../import-writers.ts';
import { batchesOf } from './unnest.ts';

/** Rows per multi-row VALUES statement (13 columns → 6,500 parameters). */
const BATCH = 500;

type VersionFields = Omit<Insertable<DB['school_version']>, 'id' | 'school_id' | 'valid_from' | 'valid_to'>;

/** Finds the district's streets by name, creating the missing ones with the next free codes (district code + 3 digits). */
async function ensureStreets(db: Kysely<DB>, districtId: number, names: string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const district = await db.selectFrom('org_unit').select('code').where('id', '=', districtId).executeTakeFirst();
  if (!district) throw new AppError('INVALID_STATE', { userMessage: '尚未设置区县' });
  const existing = await db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where('kind', '=', 'street')
    .where('parent_id', '=', districtId)
    .where('name', 'in', names)
    .execute();
  const ids = new Map(existing.map((s) => [s.name, s.id]));
  const missing = names.filter((n) => !ids.has(n));
  if (missing.length === 0) return ids;
  const taken = new Set(
    (await db.selectFrom('org_unit').select('code').where('code', 'like', `${district.code}%`).execute()).map((r) => r.code),
  );
  let seq = 1;
  const nextCode = () => {
    while (taken.has(district.code + String(seq).padStart(3, '0'))) seq++;
    const code = district.code + String(seq).padStart(3, '0');
    taken.add(code);
    return code;
  };
  const created = await db
    .insertInto('org_unit')
    .values(missing.map((name) => ({ kind: 'street' as const, code: nextCode(), name, parent_id: districtId, region_code: null })))
    .returning(['id', 'name'])
    .execute();
  for (const s of created) ids.set(s.name, s.id);
  return ids;
}

/** The schools of the codes with their open version. */
function findSchoolsWithOpenVersion(db: Kysely<DB>, codes: string[]) {
  return db
    .selectFrom('school as s')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .select([
      's.id',
      's.code',
      's.opened_on',
      'v.id as version_id',
      'v.valid_from',
      'v.name',
      'v.type_code',
      'v.sponsor',
      'v.is_inclusive',
      'v.urban_rural_code',
      'v.street_id',
      'v.address',
      'v.longitude',
      'v.latitude',
    ])
    .where('s.code', 'in', codes)
    .execute();
}

type ExistingSchool = Awaited<ReturnType<typeof findSchoolsWithOpenVersion>>[number];

function isSameVersion(v: ExistingSchool, f: VersionFields): boolean {
  return (
    v.name === f.name &&
    v.type_code === f.type_code &&
    v.sponsor === f.sponsor &&
    v.is_inclusive === f.is_inclusive &&
    v.urban_rural_code === f.urban_rural_code &&
    v.street_id === f.street_id &&
    v.address === f.address &&
    v.longitude === f.longitude &&
    v.latitude === f.latitude
  );
}

/** Writes school rows. */
export async function writeSchools(tx: TxContext, rows: readonly SchoolImportRow[], options: WriteOptions): Promise<WriteSummary> {
  const today = tx.clock.today();
  const now = tx.clock.now();
  const streets = await ensureStreets(tx.db, options.districtId, [...new Set(rows.flatMap((r) => (r.streetName ? [r.streetName] : [])))]);
  const summary: WriteSummary = { inserted: 0, updated: 0, unchanged: 0 };
  let done = 0;
  for (const batch of batchesOf(rows, BATCH)) {
    const existing = new Map(
      (
        await findSchoolsWithOpenVersion(
          tx.db,
          batch.map((r) => r.code),
        )
      ).map((s) => [s.code, s]),
    );
    const fieldsOf = (r: SchoolImportRow): VersionFields => ({
      name: r.name,
      type_code: r.typeCode,
      sponsor: r.sponsor,
      is_inclusive: r.isInclusive,
      urban_rural_code: r.urbanRuralCode,
      street_id: r.streetName ? streets.get(r.streetName)! : null,
      address: r.address,
      longitude: r.longitude,
      latitude: r.latitude,
    });
    const fresh = batch.filter((r) => !existing.has(r.code));
    if (fresh.length > 0) {
      const created = await tx.db
        .insertInto('school')
        .values(fresh.map((r) => ({ code: r.code, district_id: options.districtId, opened_on: r.openedOn ?? null, closed_on: null })))
        .returning(['id', 'code'])
        .execute();
      const idOf = new Map(created.map((c) => [c.code, c.id]));
      await tx.db
        .insertInto('school_version')
        .values(fresh.map((r) => ({ ...fieldsOf(r), school_id: idOf.get(r.code)!, valid_from: r.openedOn ?? today, valid_to: null })))
        .execute();
      summary.inserted += fresh.length;
    }
    for (const r of batch) {
      const current = existing.get(r.code);
      if (!current) continue;
      const fields = fieldsOf(r);
      const versionChanged = current.version_id === null || !isSameVersion(current, fields);
      const openedChanged = r.openedOn != null && r.openedOn !== current.opened_on;
      if (!versionChanged && !openedChanged) {
        summary.unchanged++;
        continue;
      }
      if (versionChanged) {
        if (current.version_id !== null && current.valid_from! >= today) {
          await tx.db.updateTable('school_version').set(fields).where('id', '=', current.version_id).execute();
        } else {
          if (current.version_id !== null)
            await tx.db.updateTable('school_version').set({ valid_to: today }).where('id', '=', current.version_id).execute();
          await tx.db
            .insertInto('school_version')
            .values({ ...fields, school_id: current.id, valid_from: today, valid_to: null })
            .execute();
        }
      }
      await tx.db
        .updateTable('school')
        .set({ updated_at: now, ...(openedChanged ? { opened_on: r.openedOn! } : {}) })
        .where('id', '=', current.id)
        .execute();
      summary.updated++;
    }
    options.onProgress?.((done += batch.length));
  }
  return summary;
}
