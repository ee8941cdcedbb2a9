/**
 * Teacher counts per school stage part from individual records, and the teacher indicators built on
 * them. 专任教师 (post 'teacher' and full-time) count for every indicator, as in the statistics; school
 * leaders (校级领导) holding a valid 区级+ recognition also count as 骨干教师 by default, since
 * indicator 2 counts 骨干教师 rather than 专任教师 (configurable). A teacher whose
 * 任教学段 is one of the school's stages belongs to that part; one without a stage (or with a stage
 * the school does not have) is shared and apportioned with the same split as every other resource.
 */
import {
  educationRank,
  isCountyOrAbove,
  PE_ART_SUBJECTS,
  type BackboneLevel,
  type Certificate,
  type Education,
  type Post,
} from '../codes/enums.ts';
import type { Stage } from '../codes/stages.ts';
import { computeRatioIndicator } from './compute.ts';
import { DEFAULT_SPLIT_WEIGHTS, stageShares, type SplitWeights } from './split.ts';
import type { EvaluationContext, IndicatorScope, IndicatorValue } from './types.ts';

/** The fields of a teacher record the indicators read (a TeacherImportRow with schoolCode as schoolId fits). */
export interface TeacherRecord {
  schoolId: string;
  post: Post;
  isFullTime: boolean;
  teachingStage: Stage | null;
  subject: string | null;
  education: Education;
  certificate: Certificate;
  backboneLevel: BackboneLevel | null;
  backboneIssuedOn: string | null;
  /** Last day of the recognition, already resolved (backboneValidUntil() in imports fills issued + 3 years); null = open-ended. */
  backboneValidUntil: string | null;
}

/** True for a 专任教师: post 专任教师 and full-time. */
export function isFullTimeTeacher(t: Pick<TeacherRecord, 'post' | 'isFullTime'>): boolean {
  return t.post === 'teacher' && t.isFullTime;
}

/** Statutory minimum diploma per stage (教师法): 幼儿/小学 中师, 初中 专科, 高中 本科 [P]; 特教 and 中职 taken as 高中/本科 [U]. */
export const REQUIRED_EDUCATION: Readonly<Record<Stage, Education>> = {
  preschool: 'secondary_normal',
  primary: 'secondary_normal',
  junior: 'associate',
  senior: 'bachelor',
  vocational: 'bachelor',
  special: 'secondary_normal',
};

/** True when a diploma is above the statutory one of the stage (小学 专科+, 初中 本科+). */
export function isAboveRequiredEducation(education: Education, stage: Stage): boolean {
  return educationRank(education) > educationRank(REQUIRED_EDUCATION[stage]);
}

/** True when a teacher holds a 骨干 recognition at 区级 or above that is valid on the date (both ends inclusive). */
export function isBackboneCountyOrAboveOn(
  t: Pick<TeacherRecord, 'backboneLevel' | 'backboneIssuedOn' | 'backboneValidUntil'>,
  asOf: string,
): boolean {
  if (t.backboneLevel === null || !isCountyOrAbove(t.backboneLevel)) return false;
  if (t.backboneIssuedOn === null || t.backboneIssuedOn > asOf) return false;
  return t.backboneValidUntil === null || asOf <= t.backboneValidUntil;
}

/** 'any': any certificate counts; 'stage_appropriate': it must license the stage taught (a higher school level licenses lower ones) [U]. */
export type CertificateRule = 'any' | 'stage_appropriate';

const LICENSED: Readonly<Record<Stage, readonly Certificate[]>> = {
  preschool: ['preschool'],
  primary: ['primary', 'junior', 'senior'],
  junior: ['junior', 'senior'],
  senior: ['senior'],
  vocational: ['senior', 'vocational'],
  special: ['preschool', 'primary', 'junior', 'senior', 'vocational'],
};

/** True when a certificate counts for a teacher of the stage under the rule. */
export function holdsCertificateFor(certificate: Certificate, stage: Stage, rule: CertificateRule = 'any'): boolean {
  if (certificate === 'none') return false;
  return rule === 'any' || LICENSED[stage].includes(certificate);
}

/** Teacher counts of one school stage part (fractional where shared teachers were apportioned). */
export interface TeacherCounts {
  fullTime: number;
  aboveQualification: number;
  backboneCountyOrAbove: number;
  peArt: number;
  certified: number;
}

/** A school with its type and students per stage (for the split of shared teachers). */
export interface SchoolStagesInput {
  schoolId: string;
  typeCode: string;
  students: Partial<Record<Stage, number>>;
}

/** Options of teacher counting. */
export interface TeacherCountOptions {
  /** Date the backbone recognitions must be valid on. */
  asOf: string;
  weights?: Readonly<Record<string, SplitWeights>>;
  certificateRule?: CertificateRule;
  /** Count 校级领导 with a valid 区级+ recognition as 骨干教师 (default true). */
  backboneCountsLeaders?: boolean;
}

const empty = (): TeacherCounts => ({ fullTime: 0, aboveQualification: 0, backboneCountyOrAbove: 0, peArt: 0, certified: 0 });

/** Counts 专任教师 (and 骨干 leaders) per school stage part; staff without a stage of the school are apportioned by weighted enrolment. */
export function countTeachersByStagePart(
  teachers: readonly TeacherRecord[],
  schools: readonly SchoolStagesInput[],
  options: TeacherCountOptions,
): { parts: { schoolId: string; stage: Stage; counts: TeacherCounts }[]; warnings: string[] } {
  const warnings: string[] = [];
  const bySchool = new Map(
    schools.map((s) => [s.schoolId, { school: s, split: stageShares(s.typeCode, s.students, options.weights ?? DEFAULT_SPLIT_WEIGHTS) }]),
  );
  const counts = new Map<string, TeacherCounts>();
  const key = (schoolId: string, stage: Stage) => `${schoolId}\u0000${stage}`;
  for (const s of schools) for (const stage of bySchool.get(s.schoolId)!.split.stages) counts.set(key(s.schoolId, stage), empty());
  let unknown = 0;
  for (const t of teachers) {
    const isTeacher = isFullTimeTeacher(t);
    const backbone = isBackboneCountyOrAboveOn(t, options.asOf);
    const isBackboneLeader = t.post === 'leader' && backbone && options.backboneCountsLeaders !== false;
    if (!isTeacher && !isBackboneLeader) continue;
    const entry = bySchool.get(t.schoolId);
    if (!entry) {
      unknown += 1;
      continue;
    }
    const own = t.teachingStage !== null && entry.split.stages.includes(t.teachingStage);
    const targets: [Stage, number][] = own ? [[t.teachingStage!, 1]] : entry.split.stages.map((s) => [s, entry.split.shares[s] ?? 0]);
    const peArt = t.subject !== null && PE_ART_SUBJECTS.includes(t.subject);
    for (const [stage, share] of targets) {
      const c = counts.get(key(t.schoolId, stage))!;
      if (backbone) c.backboneCountyOrAbove += share;
      if (!isTeacher) continue;
      c.fullTime += share;
      if (isAboveRequiredEducation(t.education, stage)) c.aboveQualification += share;
      if (peArt) c.peArt += share;
      if (holdsCertificateFor(t.certificate, stage, options.certificateRule)) c.certified += share;
    }
  }
  if (unknown > 0) warnings.push(`${unknown}名教师所在学校不在计算范围内，未计入`);
  const parts = [...counts.entries()].map(([k, c]) => {
    const [schoolId, stage] = k.split('\u0000') as [string, Stage];
    return { schoolId, stage, counts: c };
  });
  return { parts, warnings };
}

/** The teacher indicators of one stage part: 高于规定学历, 骨干, 体育艺术 per 100 students, and the certificate rate. */
export function computeTeacherIndicators(
  counts: TeacherCounts,
  students: number,
  scope: IndicatorScope,
  context: EvaluationContext,
): IndicatorValue[] {
  const per100 = (code: string, n: number) => computeRatioIndicator({ code, numerator: n, denominator: students, scope, context });
  return [
    per100('balanced.teachers_above_qualification_per100', counts.aboveQualification),
    per100('balanced.backbone_teachers_per100', counts.backboneCountyOrAbove),
    per100('balanced.pe_art_teachers_per100', counts.peArt),
    computeRatioIndicator({ code: 'teachers.certificate_rate', numerator: counts.certified, denominator: counts.fullTime, scope, context }),
  ];
}

/** Share of school stage parts whose 骨干 per 100 students meets its standard (e.g. 巴南区 “98% of schools”); parts without data are left out. */
export function computeBackboneSchoolsShare(
  perSchool: readonly IndicatorValue[],
  scope: IndicatorScope,
  context: EvaluationContext,
): IndicatorValue {
  const judged = perSchool.filter((v) => v.code === 'balanced.backbone_teachers_per100' && (v.status === 'met' || v.status === 'not_met'));
  const left = perSchool.length - judged.length;
  return computeRatioIndicator({
    code: 'teachers.backbone_schools_meeting_share',
    numerator: judged.filter((v) => v.status === 'met').length,
    denominator: judged.length,
    scope,
    context,
    warnings: left > 0 ? [`${left}所学校无法判定，未计入`] : [],
  });
}
