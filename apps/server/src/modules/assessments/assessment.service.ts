/**
 * Use cases of the two county self-assessments (优质均衡, 学前普及普惠): the full assessment of a year,
 * manual decisions on items (met / not met with a note and evidence files), and the 社会认可度 survey
 * result. Reading needs base:read at district scope (the assessment names every school); writing needs
 * base:write at district scope; every write is audited in its transaction.
 */
import type { Assessment, AssessmentItem, AssessmentKind, ManualItemInput, SurveyInput } from '@zhiping/contracts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { requireDistrictReader, requireDistrictWriter } from '../indicators/indicator.policy.ts';
import { assertYearWithData, loadYear } from '../indicators/indicator.service.ts';
import { buildAssessment, itemsOf } from './assessment-build.ts';
import * as repo from './assessment.repository.ts';

/** The item definition of 'part.number' in a kind, or VALIDATION_FAILED. */
export function findItem(kind: AssessmentKind, itemNo: string) {
  const item = itemsOf(kind).find((i) => i.key === `${kind}.${itemNo}`);
  if (!item) throw invalid('itemNo', `评估条目 ${itemNo} 不存在`);
  return item;
}

/** Computes the assessment of a kind for a year (default the latest with data). */
export async function getAssessment(ctx: ServiceContext, kind: AssessmentKind, year: number | undefined): Promise<Assessment> {
  requireDistrictReader(ctx.actor);
  const { model } = await loadYear(ctx.db, year);
  const y = model.inputs.year;
  const [records, evidence, survey] = await Promise.all([
    repo.findRecords(ctx.db, kind, y),
    repo.findEvidenceList(ctx.db, kind, y),
    repo.findSurvey(ctx.db, kind, y),
  ]);
  return buildAssessment(kind, model, { records, evidence, survey });
}

/** Records a manual decision on an item and answers with the re-evaluated item. */
export async function recordItem(
  ctx: ServiceContext,
  kind: AssessmentKind,
  year: number,
  itemNo: string,
  input: ManualItemInput,
): Promise<AssessmentItem> {
  requireDistrictWriter(ctx.actor, '督导评估条目');
  const item = findItem(kind, itemNo);
  await assertYearWithData(ctx.db, year);
  const before = await repo.findRecord(ctx.db, kind, year, item.key);
  await inTransaction(ctx, async (tx) => {
    await repo.upsertRecord(tx.db, {
      kind,
      school_year: year,
      item_key: item.key,
      met: input.met,
      note: input.note,
      updated_by: ctx.actor.userId,
      updated_by_name: ctx.actor.displayName,
      updated_at: ctx.clock.now(),
    });
    await recordAudit(tx.db, ctx.actor, {
      action: 'assessment.item.record',
      entityType: 'assessment_item',
      entityId: `${item.key}@${year}`,
      summary: `${year}学年评估条目“${item.name}”人工判定为${input.met ? '达标' : '未达标'}`,
      before: before ? { met: before.met, note: before.note } : null,
      after: input,
    });
  });
  const assessment = await getAssessment(ctx, kind, year);
  return assessment.items.find((i) => i.key === item.key)!;
}

/** Records the 社会认可度 survey result of a kind and year. */
export async function recordSurvey(
  ctx: ServiceContext,
  kind: AssessmentKind,
  year: number,
  input: SurveyInput,
): Promise<NonNullable<Assessment['survey']>> {
  requireDistrictWriter(ctx.actor, '社会认可度调查结果');
  await assertYearWithData(ctx.db, year);
  const before = await repo.findSurvey(ctx.db, kind, year);
  await inTransaction(ctx, async (tx) => {
    await repo.upsertSurvey(tx.db, {
      kind,
      school_year: year,
      rate: input.rate,
      respondents: input.respondents,
      surveyed_on: input.surveyedOn,
      organisation: input.organisation,
      note: input.note,
      updated_by: ctx.actor.userId,
      updated_by_name: ctx.actor.displayName,
      updated_at: ctx.clock.now(),
    });
    await recordAudit(tx.db, ctx.actor, {
      action: 'assessment.survey.record',
      entityType: 'survey_result',
      entityId: `${kind}@${year}`,
      summary: `录入${year}学年${kind === 'balanced' ? '义务教育优质均衡' : '学前普及普惠'}社会认可度 ${input.rate}%`,
      before: before ? { rate: before.rate, respondents: before.respondents, surveyedOn: before.surveyed_on } : null,
      after: input,
    });
  });
  const s = await repo.findSurvey(ctx.db, kind, year);
  if (!s) throw notFound('调查结果');
  return {
    rate: s.rate,
    respondents: s.respondents,
    surveyedOn: s.surveyed_on,
    organisation: s.organisation,
    note: s.note,
    updatedBy: s.updated_by_name,
    updatedAt: s.updated_at.toISOString(),
  };
}
