/**
 * The teachers due to rotate in a school year, computed from base data (placements, 交流 history,
 * recognitions, birth dates) under the rule set in force on the year's reference date (1 September), with
 * recorded exemptions and 师德 restrictions; the paged list, its xlsx export and exemption recording.
 */
import type { EligiblePage, EligibleListQuery, ExemptionInput } from '@zhiping/contracts';
import { RotationRulesBody } from '@zhiping/contracts';
import {
  DEFAULT_ROTATION_RULES,
  ROTATION_EXEMPTION_REASONS,
  computeQuota,
  isSendingSchool,
  judgeEligibility,
  type EligibilityVerdict,
  type RotationExemptionReason,
  type RotationRules,
} from '@zhiping/domain';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { findActiveRestrictions } from '../ethics/restrictions.ts';
import * as repo from './rotation.repository.ts';
import { requireDistrictReader, requireManager, rotationAccess } from './rotation.policy.ts';

/** 1 September of the school year: the date eligibility is judged on. */
export const referenceDateOf = (year: number) => `${year}-09-01`;
const yearEndOf = (year: number) => `${year + 1}-08-31`;

/** A rule set as stored, parsed (fields missing from older versions fall back to the defaults). */
export function parseRules(json: unknown): RotationRules {
  return RotationRulesBody.parse({ ...DEFAULT_ROTATION_RULES, ...(json as object) });
}

/** One teacher with the verdict. */
export interface DueTeacher extends repo.DueRow, EligibilityVerdict {
  serviceStart: string | null;
  exemptionId: number | null;
  /** 师德 restriction blocking a 骨干 move to a receiving school, or null. */
  restriction: string | null;
}

/** A school as rotation sees it. */
export interface RotationSchool {
  id: number;
  name: string;
  typeCode: string;
  urbanRuralCode: string;
  longitude: number | null;
  latitude: number | null;
  isSending: boolean;
}

/** Everything about one year's eligibility. */
export interface YearEligibility {
  year: number;
  referenceDate: string;
  ruleSet: { id: number; title: string; documentNumber: string; rules: RotationRules };
  schools: Map<number, RotationSchool>;
  teachers: DueTeacher[];
}

const dayAfter = (d: string) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
};

/** Computes the eligibility of every compulsory-stage teacher in a year under the given (or in-force) rule set. */
export async function computeEligibility(db: Kysely<DB>, year: number, ruleSetId?: number): Promise<YearEligibility> {
  const referenceDate = referenceDateOf(year);
  const set = ruleSetId !== undefined ? await repo.findRuleSet(db, ruleSetId) : await repo.findRuleSetOn(db, referenceDate);
  if (!set)
    throw new AppError('INVALID_STATE', {
      userMessage: `${year} 学年没有生效的交流轮岗规则，请先在“规则配置”中新增（生效日期不晚于 ${referenceDate}）`,
    });
  const rules = parseRules(set.rules);
  const [rows, schoolRows, exemptions] = await Promise.all([
    repo.findTeachersOn(db, referenceDate, yearEndOf(year)),
    repo.findSchoolsOn(db, referenceDate),
    repo.findExemptions(db, year),
  ]);
  const schools = new Map<number, RotationSchool>();
  for (const s of schoolRows)
    schools.set(s.id, {
      id: s.id,
      name: s.name,
      typeCode: s.type_code,
      urbanRuralCode: s.urban_rural_code,
      longitude: s.longitude,
      latitude: s.latitude,
      isSending: isSendingSchool({ id: s.id, urbanRuralCode: s.urban_rural_code }, rules),
    });
  const exemptionOf = new Map(exemptions.map((e) => [e.teacher_id, e]));
  const backboneIds = rows.filter((r) => r.is_backbone).map((r) => r.teacher_id);
  const restrictions = await findActiveRestrictions(db, backboneIds, referenceDate);
  const teachers = rows.map((r): DueTeacher => {
    const serviceStart = r.last_return && dayAfter(r.last_return) > r.placed_from ? dayAfter(r.last_return) : r.placed_from;
    const e = exemptionOf.get(r.teacher_id);
    const verdict = judgeEligibility(
      {
        post: r.post,
        isFullTime: r.is_full_time,
        teachingStage: r.teaching_stage,
        gender: r.gender,
        birthDate: r.birth_date,
        serviceStart,
        isOnRotation: r.on_rotation,
        exemption: e ? { reason: e.reason as RotationExemptionReason, note: e.note } : null,
      },
      rules,
      referenceDate,
    );
    const blocking = (restrictions.get(r.teacher_id) ?? []).find((x) => x.purposes.includes('rotation_backbone_receiver'));
    return {
      ...r,
      ...verdict,
      serviceStart,
      exemptionId: e?.id ?? null,
      restriction: blocking
        ? `师德${blocking.kind === 'penalty' ? '处分期' : '资格限制期'}（${blocking.label}），不得作为骨干教师交流至受援学校`
        : null,
    };
  });
  return { year, referenceDate, ruleSet: { id: set.id, title: set.title, documentNumber: set.document_number, rules }, schools, teachers };
}

/** Eligible teachers per school (exempt and not-due excluded). */
export function eligibleBySchool(e: YearEligibility): Map<number, number> {
  const m = new Map<number, number>();
  for (const t of e.teachers) if (t.status === 'eligible') m.set(t.school_id, (m.get(t.school_id) ?? 0) + 1);
  return m;
}

function filterTeachers(e: YearEligibility, q: EligibleListQuery, schoolIds: number[] | null): DueTeacher[] {
  return e.teachers
    .filter((t) => (q.status === 'all_due' ? t.status !== 'not_due' : t.status === q.status))
    .filter((t) => schoolIds === null || schoolIds.includes(t.school_id))
    .filter((t) => q.schoolId === undefined || t.school_id === q.schoolId)
    .filter((t) => q.backbone === undefined || t.is_backbone === (q.backbone === 'true'))
    .filter((t) => !q.q || t.name.includes(q.q))
    .sort(
      (a, b) =>
        (e.schools.get(a.school_id)?.name ?? '').localeCompare(e.schools.get(b.school_id)?.name ?? '', 'zh') || a.teacher_id - b.teacher_id,
    );
}

/** The schools an actor may list (null = all): district readers all, school admins their own. */
function listableSchools(ctx: ServiceContext): number[] | null {
  const access = rotationAccess(ctx.actor);
  if (access.isDistrictReader) return null;
  if (access.adminSchoolIds.length > 0) return access.adminSchoolIds;
  throw new AppError('FORBIDDEN');
}

/** A page of the year's due teachers with the year's summary. */
export async function listEligible(ctx: ServiceContext, q: EligibleListQuery): Promise<EligiblePage> {
  const schoolIds = listableSchools(ctx);
  const e = await computeEligibility(ctx.db, q.year);
  const all = filterTeachers(e, q, schoolIds);
  const items = all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((t) => ({
    teacherId: t.teacher_id,
    name: t.name,
    schoolId: t.school_id,
    schoolName: e.schools.get(t.school_id)?.name ?? '',
    isSendingSchool: e.schools.get(t.school_id)?.isSending ?? false,
    post: t.post,
    stage: t.teaching_stage,
    subject: t.subject,
    title: t.title,
    serviceStart: t.serviceStart,
    years: t.years,
    isBackbone: t.is_backbone,
    status: t.status,
    reason: t.reason,
    exemptionId: t.exemptionId,
    exemptionReason: t.exemptionReason,
    restriction: t.restriction,
  }));
  const perSchool = eligibleBySchool(e);
  const sending = new Set([...e.schools.values()].filter((s) => s.isSending).map((s) => s.id));
  const quota = computeQuota(perSchool, sending, e.ruleSet.rules);
  return {
    items,
    total: all.length,
    page: q.page,
    pageSize: q.pageSize,
    summary: {
      year: e.year,
      referenceDate: e.referenceDate,
      ruleSet: { id: e.ruleSet.id, title: e.ruleSet.title, documentNumber: e.ruleSet.documentNumber },
      eligible: e.teachers.filter((t) => t.status === 'eligible').length,
      exempt: e.teachers.filter((t) => t.status === 'exempt').length,
      eligibleSending: quota.eligibleSending,
      eligibleBackbone: e.teachers.filter((t) => t.status === 'eligible' && t.is_backbone).length,
      minRotated: quota.minRotated,
      schools: perSchool.size,
    },
  };
}

const STATUS_LABELS = { eligible: '应交流', exempt: '免于交流', not_due: '未到年限' } as const;
const STAGE_LABELS: Record<string, string> = { primary: '小学', junior: '初中' };

/** The filtered list as a workbook (every row, not one page); audited. */
export async function exportEligible(
  ctx: ServiceContext,
  q: EligibleListQuery,
): Promise<{ fileName: string; contentType: string; buffer: Buffer }> {
  const schoolIds = listableSchools(ctx);
  const e = await computeEligibility(ctx.db, q.year);
  const rows = filterTeachers(e, q, schoolIds);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${q.year}学年应交流教师`);
  sheet.addRow([
    `${q.year} 学年应交流教师名单（依据：${e.ruleSet.title}，${e.ruleSet.documentNumber}；认定日期 ${e.referenceDate}）`,
  ]).font = { bold: true };
  const header = sheet.addRow([
    '学校',
    '派出学校',
    '姓名',
    '岗位',
    '学段',
    '学科',
    '到校（连续任职起）',
    '任职年限',
    '骨干教师',
    '状态',
    '说明',
  ]);
  header.font = { bold: true };
  for (const t of rows)
    sheet.addRow([
      e.schools.get(t.school_id)?.name ?? '',
      e.schools.get(t.school_id)?.isSending ? '是' : '否',
      t.name,
      t.post === 'leader' ? '校级领导' : '专任教师',
      STAGE_LABELS[t.teaching_stage ?? ''] ?? '',
      t.subject ?? '',
      t.serviceStart ?? '',
      t.years,
      t.is_backbone ? '是' : '否',
      STATUS_LABELS[t.status],
      t.restriction ? `${t.reason}；${t.restriction}` : t.reason,
    ]);
  sheet.columns.forEach((c, i) => (c.width = [24, 8, 10, 10, 6, 10, 14, 8, 8, 10, 60][i] ?? 12));
  await recordAudit(ctx.db, ctx.actor, {
    action: 'export.rotation_eligible',
    entityType: 'rotation',
    summary: `导出 ${q.year} 学年应交流教师名单（${rows.length} 人）`,
  });
  return {
    fileName: `${q.year}学年应交流教师名单.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  };
}

/** Records an exemption (district managers); the teacher must be due in the year. */
export async function addExemption(ctx: ServiceContext, input: ExemptionInput): Promise<{ id: number }> {
  requireManager(rotationAccess(ctx.actor));
  const e = await computeEligibility(ctx.db, input.year);
  const t = e.teachers.find((x) => x.teacher_id === input.teacherId);
  if (!t || t.status === 'not_due') throw invalid('teacherId', '该教师本学年不在应交流名单中，无需登记免于交流');
  if (t.exemptionId !== null) throw new AppError('CONFLICT', { userMessage: '该教师本学年已登记免于交流' });
  return inTransaction(ctx, async (tx) => {
    const id = await repo.insertExemption(tx.db, {
      school_year: input.year,
      teacher_id: input.teacherId,
      reason: input.reason,
      note: input.note,
      recorded_by_name: ctx.actor.displayName,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'rotation.exemption.add',
      entityType: 'rotation_exemption',
      entityId: id,
      schoolId: t.school_id,
      summary: `登记 ${t.name} ${input.year} 学年免于交流：${ROTATION_EXEMPTION_REASONS[input.reason]}${input.note ? `（${input.note}）` : ''}`,
      after: input,
    });
    return { id };
  });
}

/** Removes an exemption (district managers). */
export async function removeExemption(ctx: ServiceContext, id: number): Promise<void> {
  requireManager(rotationAccess(ctx.actor));
  const row = await repo.findExemption(ctx.db, id);
  if (!row) throw notFound('免于交流登记');
  await inTransaction(ctx, async (tx) => {
    await repo.deleteExemption(tx.db, id);
    await recordAudit(tx.db, tx.actor, {
      action: 'rotation.exemption.remove',
      entityType: 'rotation_exemption',
      entityId: id,
      summary: `撤销教师 ${row.teacher_id} ${row.school_year} 学年的免于交流登记`,
      before: { reason: row.reason, note: row.note },
    });
  });
}

/** Read check for district-wide pages. */
export function assertDistrictReader(ctx: ServiceContext): void {
  requireDistrictReader(rotationAccess(ctx.actor));
}
