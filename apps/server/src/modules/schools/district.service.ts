/** The district: its streets, years with data and the overview counts. */
import type { DistrictInfo, DistrictOverview } from '@zhiping/contracts';
import { STAGE_LABELS, findGrade, findSchoolType, type Stage } from '@zhiping/domain';
import { scopeFor } from '../../platform/access.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './district.repository.ts';
import { findYearsWithData } from './school.repository.ts';

/** The district with its streets and the school years that have data. */
export async function getDistrict(ctx: ServiceContext): Promise<DistrictInfo> {
  scopeFor(ctx.actor, 'base:read');
  const d = await repo.findDistrict(ctx.db);
  if (!d) throw new AppError('INVALID_STATE', { userMessage: '尚未设置区县' });
  const [streets, years] = await Promise.all([repo.findStreets(ctx.db, d.id), findYearsWithData(ctx.db)]);
  return { id: d.id, code: d.code, name: d.name, regionCode: d.region_code, streets, years };
}

/** Counts of schools, students by stage and teachers, within the actor's scope. */
export async function getOverview(ctx: ServiceContext, year: number | undefined): Promise<DistrictOverview> {
  const scope = scopeFor(ctx.actor, 'base:read');
  const years = await findYearsWithData(ctx.db);
  const y = year ?? years[0] ?? null;
  const [schools, grades, teachers] = await Promise.all([
    repo.countSchools(ctx.db, scope),
    y ? repo.sumStudentsByGrade(ctx.db, scope, y) : Promise.resolve([]),
    repo.countTeachers(ctx.db, scope),
  ]);
  const byType = new Map<string, number>();
  const bySponsor = new Map<'public' | 'private', number>();
  for (const s of schools) {
    byType.set(s.type_code, (byType.get(s.type_code) ?? 0) + Number(s.n));
    bySponsor.set(s.sponsor, (bySponsor.get(s.sponsor) ?? 0) + Number(s.n));
  }
  const byStage = new Map<Stage, { students: number; classes: number }>();
  for (const g of grades) {
    const stage = findGrade(g.grade)?.stage;
    if (!stage) continue;
    const acc = byStage.get(stage) ?? { students: 0, classes: 0 };
    acc.students += Number(g.students);
    acc.classes += Number(g.classes);
    byStage.set(stage, acc);
  }
  return {
    year: y,
    years,
    schoolCount: schools.reduce((s, r) => s + Number(r.n), 0),
    schoolsByType: [...byType]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([typeCode, count]) => ({ typeCode, typeName: findSchoolType(typeCode)?.name ?? typeCode, count })),
    schoolsBySponsor: [...bySponsor].map(([sponsor, count]) => ({ sponsor, count })),
    studentsByStage: (Object.keys(STAGE_LABELS) as Stage[])
      .filter((s) => byStage.has(s))
      .map((s) => ({ stage: s, label: STAGE_LABELS[s], ...byStage.get(s)! })),
    teacherCount: Number(teachers.total),
    fullTimeTeacherCount: Number(teachers.full_time ?? 0),
  };
}
