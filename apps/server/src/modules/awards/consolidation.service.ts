/**
 * Consolidation and ranking of a round (pure rules in packages/domain/src/awards): every accepted
 * application's submitted sheets are averaged (one highest and one lowest dropped from the configured
 * reviewer count on), ranked with the documented tie-breaks and graded by the quotas; the dropped
 * sheets are marked so the ranking page shows them. At the final list, ethics restrictions in force are
 * checked again for every member and a blocked application is excluded with the reason.
 */
import type { AwardRanking } from '@zhiping/contracts';
import {
  AWARD_GRADE_LABELS,
  CITY_RESULT_LABELS,
  consolidateApplication,
  rankApplications,
  roundScore,
  type AwardGrade,
  type CityResult,
  type RankInput,
} from '@zhiping/domain';
import type { ServiceContext, TxContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findActiveRestrictions, restrictionMessage } from '../ethics/restrictions.ts';
import * as repo from './award.repository.ts';
import type { LoadedCall } from './call.service.ts';

/** Consolidates and ranks a round in the caller's transaction; returns a note for the log. */
export async function consolidateCall(tx: TxContext, call: LoadedCall): Promise<string> {
  const apps = await tx.db
    .selectFrom('award_application')
    .select(['id', 'submitted_at', 'excluded_reason'])
    .where('call_id', '=', call.row.id)
    .where('status', '=', 'accepted')
    .execute();
  const sheets = await repo.findAssignments(
    tx.db,
    apps.map((a) => a.id),
  );
  const inputs: RankInput[] = [];
  const dropped: { applicationId: number; expertId: number }[] = [];
  for (const a of apps) {
    const mine = sheets.filter((s) => s.application_id === a.id);
    const outcome = consolidateApplication(
      mine.map((s) => s.expert_id),
      mine.filter((s) => s.is_submitted).map((s) => ({ reviewerId: s.expert_id, total: Number(s.total) })),
      call.rules.trimFromReviewers,
    );
    if (!outcome.ok) throw new AppError('INVALID_STATE', { userMessage: `申报 #${a.id}：${outcome.message}` });
    for (const id of [outcome.droppedHighId, outcome.droppedLowId]) if (id !== null) dropped.push({ applicationId: a.id, expertId: id });
    const kept = mine.filter((s) => outcome.keptReviewerIds.includes(s.expert_id));
    const criterionMeans = call.rubric.map(
      (c) => kept.reduce((sum, s) => sum + Number((s.points as Record<string, number>)[c.code] ?? 0), 0) / Math.max(kept.length, 1),
    );
    inputs.push({
      id: a.id,
      score: outcome.score,
      rawMean: outcome.rawMean,
      criterionMeans,
      submittedAt: a.submitted_at?.toISOString() ?? '',
      excludedReason: a.excluded_reason,
    });
  }
  const ranked = rankApplications(inputs, call.rules);
  await repo.setDroppedSheets(
    tx.db,
    apps.map((a) => a.id),
    dropped,
  );
  await repo.setResults(
    tx.db,
    ranked.map((r) => {
      const input = inputs.find((i) => i.id === r.id)!;
      return { id: r.id, score: input.score, rawMean: input.rawMean, rank: r.rank, isTie: r.isTie, grade: r.grade };
    }),
  );
  return `汇总 ${apps.length} 项，${ranked.filter((r) => r.grade).length} 项拟获奖`;
}

/** Excludes applications with a member under an ethics restriction blocking awards; re-grades; returns how many. */
export async function applyFinalRestrictions(tx: TxContext, call: LoadedCall): Promise<number> {
  const apps = await tx.db
    .selectFrom('award_application')
    .select(['id', 'title'])
    .where('call_id', '=', call.row.id)
    .where('status', '=', 'accepted')
    .where('excluded_reason', 'is', null)
    .execute();
  const members = await repo.findMembers(
    tx.db,
    apps.map((a) => a.id),
  );
  const restrictions = await findActiveRestrictions(
    tx.db,
    [...members.values()].flat().map((m) => m.teacherId),
    tx.clock.today(),
  );
  let excluded = 0;
  for (const a of apps) {
    for (const m of members.get(a.id) ?? []) {
      const block = (restrictions.get(m.teacherId) ?? []).find((r) => r.purposes.includes('award'));
      if (!block) continue;
      await tx.db
        .updateTable('award_application')
        .set({ excluded_reason: `${m.name}：${restrictionMessage(block, 'award')}`, grade: null, rank: null })
        .where('id', '=', a.id)
        .execute();
      excluded += 1;
      break;
    }
  }
  if (excluded > 0) await regrade(tx, call);
  return excluded;
}

/** Re-ranks from stored scores after an exclusion (upheld objection or ethics restriction). */
export async function regrade(tx: TxContext, call: LoadedCall): Promise<void> {
  const rows = await tx.db
    .selectFrom('award_application')
    .select(['id', 'score', 'raw_mean', 'submitted_at', 'excluded_reason'])
    .where('call_id', '=', call.row.id)
    .where('status', '=', 'accepted')
    .where('score', 'is not', null)
    .execute();
  const sheets = await repo.findAssignments(
    tx.db,
    rows.map((r) => r.id),
  );
  const ranked = rankApplications(
    rows.map((r) => {
      const kept = sheets.filter((s) => s.application_id === r.id && s.is_submitted && !s.is_dropped);
      return {
        id: r.id,
        score: Number(r.score),
        rawMean: Number(r.raw_mean),
        criterionMeans: call.rubric.map(
          (c) => kept.reduce((sum, s) => sum + Number((s.points as Record<string, number>)[c.code] ?? 0), 0) / Math.max(kept.length, 1),
        ),
        submittedAt: r.submitted_at?.toISOString() ?? '',
        excludedReason: r.excluded_reason,
      };
    }),
    call.rules,
  );
  await repo.setResults(
    tx.db,
    ranked.map((r) => ({ id: r.id, rank: r.rank, isTie: r.isTie, grade: r.grade })),
  );
}

/** The ranking page: every accepted application with its sheets (dropped ones marked), for the 教师科 and district. */
export async function getRanking(ctx: ServiceContext, call: LoadedCall): Promise<AwardRanking> {
  if (!call.access.isDistrictReader) throw new AppError('FORBIDDEN', { userMessage: '评分汇总仅限区级查看' });
  const visible = repo.applicationVisibleTo(call.access);
  const rows = await repo.findApplications(ctx.db, visible, { callId: call.row.id, status: 'accepted' });
  const sheets = await repo.findAssignments(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    state: call.state,
    trimFromReviewers: call.rules.trimFromReviewers,
    submittedSheets: sheets.filter((s) => s.is_submitted).length,
    expectedSheets: sheets.length,
    rows: rows.map((r) => {
      const grade = r.grade && !r.excluded_reason ? (r.grade as AwardGrade) : null;
      const city = r.city_result as CityResult | null;
      return {
        applicationId: r.id,
        title: r.title,
        leadName: r.lead_name,
        schoolName: r.school_name,
        score: r.score === null ? null : roundScore(Number(r.score)),
        rawMean: r.raw_mean === null ? null : roundScore(Number(r.raw_mean)),
        rank: r.rank,
        isTie: r.is_tie,
        grade,
        gradeLabel: grade ? AWARD_GRADE_LABELS[grade] : null,
        excludedReason: r.excluded_reason,
        isRecommended: r.is_recommended,
        cityResult: city,
        cityResultLabel: city ? CITY_RESULT_LABELS[city] : null,
        sheets: sheets
          .filter((s) => s.application_id === r.id)
          .map((s) => ({
            expertName: s.name,
            total: s.is_submitted && s.total !== null ? Number(s.total) : null,
            isSubmitted: !!s.is_submitted,
            isDropped: !!s.is_dropped,
          })),
      };
    }),
  };
}
