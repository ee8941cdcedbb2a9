/** Use cases of schools: list, detail with history, create, dated update, yearly data. */
import type { Page, SchoolDetail, SchoolInput, SchoolListQuery, SchoolSummary, SchoolUpdate, SchoolYearData } from '@zhiping/contracts';
import { URBAN_RURAL, findSchoolType } from '@zhiping/domain';
import { assertSchoolInScope, requirePermission, scopeFor } from '../../platform/access.ts';
import { diffFields, recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import * as districtRepo from './district.repository.ts';
import { toConditions, toGradeStats, toSchoolDetail, toSchoolSummary, toSchoolVersion } from './school.mapper.ts';
import * as repo from './school.repository.ts';

/** A page of schools the actor may see. */
export async function listSchools(ctx: ServiceContext, query: SchoolListQuery): Promise<Page<SchoolSummary>> {
  const scope = scopeFor(ctx.actor, 'base:read');
  const year = query.year ?? (await repo.findYearsWithData(ctx.db))[0] ?? null;
  const { total, rows } = await repo.findSchoolPage(
    ctx.db,
    scope,
    {
      q: query.q,
      typeCode: query.typeCode,
      stage: query.stage,
      streetId: query.streetId,
      sponsor: query.sponsor,
      includeClosed: query.includeClosed === 'true',
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, year },
  );
  return { items: rows.map(toSchoolSummary), total, page: query.page, pageSize: query.pageSize };
}

/** One school with its history; NOT_FOUND when missing or outside the actor's scope. */
export async function getSchool(ctx: ServiceContext, id: number): Promise<SchoolDetail> {
  const scope = scopeFor(ctx.actor, 'base:read');
  const row = await repo.findSchool(ctx.db, scope, id);
  if (!row) throw notFound('学校');
  const [versions, years] = await Promise.all([repo.findSchoolVersions(ctx.db, id), repo.findYearsWithData(ctx.db, id)]);
  const latest = years[0];
  const grades = latest ? await repo.findGradeStats(ctx.db, id, latest) : [];
  const enrolment = grades.length
    ? { students: grades.reduce((s, g) => s + g.students, 0), classes: grades.reduce((s, g) => s + g.classes, 0) }
    : { students: null, classes: null };
  return toSchoolDetail(row, versions.map(toSchoolVersion), years, enrolment);
}

/** Checks the coded fields of a school. */
async function validateSchoolFields(
  ctx: ServiceContext,
  districtId: number,
  f: { typeCode?: string | undefined; urbanRuralCode?: string | undefined; streetId?: number | null | undefined },
) {
  if (f.typeCode !== undefined && !findSchoolType(f.typeCode)) throw invalid('typeCode', `办学类型代码 ${f.typeCode} 不存在`);
  if (f.urbanRuralCode !== undefined && !URBAN_RURAL.parse(f.urbanRuralCode))
    throw invalid('urbanRuralCode', `城乡分类代码 ${f.urbanRuralCode} 不存在`);
  if (f.streetId != null && !(await districtRepo.isStreetOfDistrict(ctx.db, f.streetId, districtId)))
    throw invalid('streetId', '所在街镇不存在');
}

/** Creates a school (district users only). */
export async function createSchool(ctx: ServiceContext, input: SchoolInput): Promise<SchoolDetail> {
  requirePermission(ctx.actor, 'base:write');
  if (scopeFor(ctx.actor, 'base:write').kind !== 'district') throw new AppError('FORBIDDEN', { userMessage: '只有区级用户可以新增学校' });
  const district = await districtRepo.findDistrict(ctx.db);
  if (!district) throw new AppError('INVALID_STATE', { userMessage: '尚未设置区县' });
  await validateSchoolFields(ctx, district.id, input);
  if (await repo.isSchoolCodeTaken(ctx.db, input.code))
    throw new AppError('CONFLICT', {
      userMessage: `学校标识码 ${input.code} 已存在`,
      issues: [{ path: 'code', message: '学校标识码已存在' }],
    });
  const id = await inTransaction(ctx, async (tx) => {
    const newId = await repo.insertSchool(
      tx.db,
      { code: input.code, districtId: district.id, openedOn: input.openedOn },
      {
        valid_from: input.openedOn ?? ctx.clock.today(),
        name: input.name,
        type_code: input.typeCode,
        sponsor: input.sponsor,
        is_inclusive: input.isInclusive,
        urban_rural_code: input.urbanRuralCode,
        street_id: input.streetId,
        address: input.address,
        longitude: input.longitude,
        latitude: input.latitude,
      },
    );
    await recordAudit(tx.db, ctx.actor, {
      action: 'school.create',
      entityType: 'school',
      entityId: newId,
      schoolId: newId,
      summary: `新增学校 ${input.name}（${input.code}）`,
      after: input,
    });
    return newId;
  });
  return getSchool(ctx, id);
}

/** Changes a school's attributes from a date on: earlier figures keep the old version. */
export async function updateSchool(ctx: ServiceContext, id: number, input: SchoolUpdate): Promise<SchoolDetail> {
  const scope = scopeFor(ctx.actor, 'base:write');
  const current = await repo.findSchool(ctx.db, scopeFor(ctx.actor, 'base:read'), id);
  if (!current) throw notFound('学校');
  assertSchoolInScope(scope, id);
  await validateSchoolFields(ctx, current.district_id, input);
  const before = {
    name: current.name,
    type_code: current.type_code,
    sponsor: current.sponsor,
    is_inclusive: current.is_inclusive,
    urban_rural_code: current.urban_rural_code,
    street_id: current.street_id,
    address: current.address,
    longitude: current.longitude,
    latitude: current.latitude,
  };
  const next = {
    name: input.name ?? before.name,
    type_code: input.typeCode ?? before.type_code,
    sponsor: input.sponsor ?? before.sponsor,
    is_inclusive: input.isInclusive ?? before.is_inclusive,
    urban_rural_code: input.urbanRuralCode ?? before.urban_rural_code,
    street_id: input.streetId === undefined ? before.street_id : input.streetId,
    address: input.address ?? before.address,
    longitude: input.longitude === undefined ? before.longitude : input.longitude,
    latitude: input.latitude === undefined ? before.latitude : input.latitude,
  };
  const versionDiff = diffFields(before, next);
  const datesChanged =
    (input.closedOn !== undefined && input.closedOn !== current.closed_on) ||
    (input.openedOn !== undefined && input.openedOn !== current.opened_on);
  if (Object.keys(versionDiff.after).length === 0 && !datesChanged) return getSchool(ctx, id);
  const effectiveFrom = input.effectiveFrom ?? ctx.clock.today();
  if (Object.keys(versionDiff.after).length > 0 && effectiveFrom < current.valid_from) {
    throw invalid('effectiveFrom', `生效日期不能早于当前信息的开始日期 ${current.valid_from}`);
  }
  await inTransaction(ctx, async (tx) => {
    if (Object.keys(versionDiff.after).length > 0) {
      if (effectiveFrom === current.valid_from) await repo.correctOpenVersion(tx.db, current.version_id, next);
      else await repo.replaceOpenVersion(tx.db, id, effectiveFrom, next);
    }
    if (datesChanged) {
      await repo.updateSchoolDates(
        tx.db,
        id,
        {
          ...(input.closedOn !== undefined ? { closed_on: input.closedOn } : {}),
          ...(input.openedOn !== undefined ? { opened_on: input.openedOn } : {}),
        },
        ctx.clock.now(),
      );
    }
    await recordAudit(tx.db, ctx.actor, {
      action: 'school.update',
      entityType: 'school',
      entityId: id,
      schoolId: id,
      summary: `修改学校 ${current.name}（自 ${effectiveFrom} 起）`,
      before: { ...versionDiff.before, ...(datesChanged ? { opened_on: current.opened_on, closed_on: current.closed_on } : {}) },
      after: { ...versionDiff.after, ...(datesChanged ? { opened_on: input.openedOn, closed_on: input.closedOn } : {}) },
    });
  });
  return getSchool(ctx, id);
}

/** Per-grade statistics and conditions of a school in a year. */
export async function getSchoolYear(ctx: ServiceContext, id: number, year: number): Promise<SchoolYearData> {
  const scope = scopeFor(ctx.actor, 'base:read');
  if (!(await repo.findSchool(ctx.db, scope, id))) throw notFound('学校');
  const [grades, conditions] = await Promise.all([repo.findGradeStats(ctx.db, id, year), repo.findConditions(ctx.db, id, year)]);
  return { schoolYear: year, grades: toGradeStats(grades), conditions: conditions ? toConditions(conditions) : null };
}
