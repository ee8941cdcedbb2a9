/** Validates one row of the 学校 template. */
import type { Sponsor } from '../codes/enums.ts';
import { findSchoolType } from '../codes/school-types.ts';
import { RowReader, type RawRow, type RowResult } from './row-reader.ts';
import type { SchoolImportRow } from './rows.ts';
import { IMPORT_TEMPLATES } from './templates.ts';

/** Turns the cells of a 学校 row into a SchoolImportRow or its problems. */
export function validateSchoolRow(raw: RawRow): RowResult<SchoolImportRow> {
  const r = new RowReader(IMPORT_TEMPLATES.schools, raw);
  const code = r.text('code');
  const name = r.text('name');
  const typeCode = r.code('typeCode');
  const sponsor = r.code<Sponsor>('sponsor');
  const isInclusive = r.boolean('isInclusive') ?? false;
  const urbanRuralCode = r.code('urbanRuralCode');
  const streetName = r.text('streetName');
  const address = r.text('address') ?? '';
  const longitude = r.decimal('longitude');
  const latitude = r.decimal('latitude');
  const openedOn = r.date('openedOn');

  if (name !== null && name.length < 2) r.fail('name', '学校名称至少2个字');
  if ((longitude === null) !== (latitude === null) && !r.hasIssue('longitude') && !r.hasIssue('latitude')) {
    r.fail(longitude === null ? 'longitude' : 'latitude', '经度和纬度须同时填写或同时留空');
  }
  if (isInclusive && typeCode !== null && !findSchoolType(typeCode)?.stages.includes('preschool')) {
    r.fail('isInclusive', '只有幼儿园可以标记为普惠');
  }
  // Required fields are non-null whenever no problem was recorded.
  return r.result(() => ({
    code: code!,
    name: name!,
    typeCode: typeCode!,
    sponsor: sponsor!,
    isInclusive,
    urbanRuralCode: urbanRuralCode!,
    streetName,
    address,
    longitude,
    latitude,
    openedOn,
  }));
}
