/**
 * Drill-down from a value to its numerator and denominator and on to the records behind them: the
 * school's grade rows, its conditions row and the split shares, and for teacher indicators every person
 * placed at the school with whether (and with what share) they count, judged by the domain's own tests.
 */
import type { IndicatorDrillDown } from '@zhiping/contracts';
import {
  GRADES,
  PE_ART_SUBJECTS,
  findGrade,
  findIndicator,
  holdsCertificateFor,
  isAboveRequiredEducation,
  isBackboneCountyOrAboveOn,
  isFullTimeTeacher,
  stageShares,
  type BackboneLevel,
  type Certificate,
  type Education,
  type Post,
  type Stage,
} from '@zhiping/domain';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import * as repo from './drill-down.repository.ts';
import { toValueDto } from './indicator.mapper.ts';
import { canSeeSchool, indicatorScope } from './indicator.policy.ts';
import { loadYear, matchesStage, schoolValuesOf } from './indicator.service.ts';
import { studentsByStage } from './school-values.ts';

type Row = Awaited<ReturnType<typeof repo.findPlacedTeachers>>[number];

/** Whether one person counts in the numerator (or denominator) of a teacher indicator of a stage, and why. */
function judgeTeacher(code: string, t: Row, stage: Stage, asOf: string): { counted: boolean; reason: string } {
  const record = {
    post: t.post as Post,
    isFullTime: t.is_full_time,
    backboneLevel: t.level as BackboneLevel | null,
    backboneIssuedOn: t.issued_on,
    backboneValidUntil: t.valid_until,
  };
  const fullTime = isFullTimeTeacher(record);
  const backbone = isBackboneCountyOrAboveOn(record, asOf);
  switch (code) {
    case 'balanced.teachers_above_qualification_per100': {
      const above = fullTime && isAboveRequiredEducation(t.education as Education, stage);
      return { counted: above, reason: !fullTime ? '非专任教师' : above ? '学历高于规定学历' : '学历未高于规定学历' };
    }
    case 'balanced.backbone_teachers_per100': {
      const counts = backbone && (fullTime || t.post === 'leader');
      return {
        counted: counts,
        reason: counts ? `${t.level}骨干，有效期至 ${t.valid_until}` : backbone ? '非专任教师或校级领导' : '无有效的区级以上骨干认定',
      };
    }
    case 'balanced.pe_art_teachers_per100': {
      const pe = fullTime && t.subject !== null && PE_ART_SUBJECTS.includes(t.subject);
      return { counted: pe, reason: pe ? `任教${t.subject}` : fullTime ? '非体育、艺术学科' : '非专任教师' };
    }
    case 'teachers.certificate_rate': {
      const ok = fullTime && holdsCertificateFor(t.certificate as Certificate, stage);
      return { counted: ok, reason: !fullTime ? '非专任教师（不计入分母）' : ok ? '持有教师资格证' : '未持有教师资格证（计入分母）' };
    }
    default:
      return { counted: fullTime, reason: fullTime ? '专任教师' : '非专任教师' };
  }
}

const GRADE_ORDER = GRADES.map((g) => g.code);

const TEACHER_CODES = new Set([
  'balanced.teachers_above_qualification_per100',
  'balanced.backbone_teachers_per100',
  'balanced.pe_art_teachers_per100',
  'teachers.certificate_rate',
  'common.student_teacher_ratio',
  'preschool.children_per_teacher',
]);

/** The drill-down of one indicator at one school; NOT_FOUND outside the actor's scope. */
export async function getDrillDown(
  ctx: ServiceContext,
  code: string,
  schoolId: number,
  q: { year?: number | undefined; stage?: Stage | undefined },
): Promise<IndicatorDrillDown> {
  const scope = indicatorScope(ctx.actor);
  const def = findIndicator(code);
  if (!def) throw notFound('指标');
  if (!canSeeSchool(scope, schoolId)) throw notFound('学校');
  const { model } = await loadYear(ctx.db, q.year);
  const r = model.schools.get(schoolId);
  if (!r) throw new AppError('NOT_FOUND', { userMessage: `该学校没有 ${model.inputs.year} 学年的数据` });
  const values = schoolValuesOf(model, schoolId).filter((v) => v.code === code && matchesStage(v, q.stage));
  if (values.length === 0) throw new AppError('NOT_FOUND', { userMessage: `该学校没有“${def.name}”的计算结果` });
  const { year, asOf, yearEnd } = model.inputs;
  const [grades, condition, placed] = await Promise.all([
    repo.findGradeRows(ctx.db, schoolId, year),
    repo.findConditionRow(ctx.db, schoolId, year),
    TEACHER_CODES.has(code) ? repo.findPlacedTeachers(ctx.db, schoolId, asOf, yearEnd) : Promise.resolve([]),
  ]);
  const split = stageShares(r.school.typeCode, studentsByStage(model.inputs, schoolId));
  const stages = [...new Set(values.map((v) => v.scope.stage).filter((s): s is Stage => s !== undefined))];
  const teachers = placed.flatMap((t) =>
    stages.flatMap((stage) => {
      const own = t.teaching_stage !== null && split.stages.includes(t.teaching_stage as Stage);
      const share = own ? (t.teaching_stage === stage ? 1 : 0) : (split.shares[stage] ?? 0);
      if (share === 0) return [];
      const j = judgeTeacher(code, t, stage, asOf);
      return [
        {
          id: t.id,
          name: t.name,
          idNumberMasked: t.id_number_masked,
          post: t.post,
          isFullTime: t.is_full_time,
          teachingStage: t.teaching_stage,
          subject: t.subject,
          education: t.education,
          certificate: t.certificate,
          backboneLevel: t.level,
          backboneValidUntil: t.valid_until,
          share,
          counted: j.counted,
          reason: stages.length > 1 ? `${stage}：${j.reason}` : j.reason,
        },
      ];
    }),
  );
  const inputs: IndicatorDrillDown['inputs'] = values.flatMap((v) => [
    { label: `${def.numeratorLabel}${v.scope.stage && stages.length > 1 ? `（${v.scope.stage}）` : ''}`, value: v.numerator, note: null },
    ...(v.denominator !== null ? [{ label: def.denominatorLabel, value: v.denominator, note: null }] : []),
  ]);
  const part = r.parts.find((p) => stages.includes(p.stage));
  if (part && split.stages.length > 1)
    inputs.push({ label: '共用资源分摊比例', value: part.share, note: '按加权在校生数分摊（standards.md §1.1）' });
  return {
    year,
    asOf,
    school: { id: r.school.id, code: r.school.code, name: r.school.name, typeCode: r.school.typeCode, sponsor: r.school.sponsor },
    values: values.map(toValueDto),
    inputs,
    split: split.stages.map((s) => ({ stage: s, students: studentsByStage(model.inputs, schoolId)[s] ?? 0, share: split.shares[s] ?? 0 })),
    grades: grades
      .sort((a, b) => GRADE_ORDER.indexOf(a.grade) - GRADE_ORDER.indexOf(b.grade))
      .map((g) => ({
        grade: g.grade,
        gradeLabel: findGrade(g.grade)?.label ?? g.grade,
        stage: findGrade(g.grade)?.stage ?? '',
        classes: g.classes,
        students: g.students,
        girls: g.girls,
        newEntrants: g.new_entrants,
        graduates: g.graduates,
        transfersIn: g.transfers_in,
        transfersOut: g.transfers_out,
      })),
    condition: condition ? { ...condition } : null,
    teachers,
  };
}
