/** Evaluation rows → contract shapes. */
import { EVALUATION_STATE_LABELS, type EvaluationRow, type EvaluationStateKey } from '@zhiping/contracts';
import type { EvaluationRowData, TeamRow } from './evaluation.repository.ts';

/** A list row; the result columns only when the caller may see the result. */
export function toEvaluationRow(r: EvaluationRowData, team: TeamRow[], isResultVisible: boolean): EvaluationRow {
  const state = r.state as EvaluationStateKey;
  const hasResult = isResultVisible && r.total !== null;
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    schoolId: r.school_id,
    schoolCode: r.school_code,
    schoolName: r.school_name,
    streetName: r.street_name,
    state,
    stateLabel: EVALUATION_STATE_LABELS[state] ?? r.state,
    version: r.version,
    visitDate: r.visit_date,
    team: team.map((t) => ({
      userId: t.inspector_id,
      name: t.name,
      isLead: t.is_lead,
      sheetSubmittedAt: t.sheet_submitted_at?.toISOString() ?? null,
    })),
    total: hasResult ? Number(r.total) : null,
    band: hasResult ? r.band : null,
    verdictLabel: hasResult ? r.verdict_label : null,
    publishedAt: r.published_at?.toISOString() ?? null,
  };
}
