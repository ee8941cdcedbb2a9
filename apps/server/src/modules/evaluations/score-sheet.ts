/**
 * Score sheets of one evaluation: which sheet a path names ('self', 'mine' or an inspector's id), who
 * may read or edit it, how a submitted score is checked, and how two values compare (for idempotent
 * retries). Pure apart from the types of the loaded evaluation.
 */
import type { ScoreRecord, ScoreValue } from '@zhiping/contracts';
import { listCheckpoints, pointsForScore, validateScore, type RubricNode, type RubricTemplate } from '@zhiping/domain';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import type { LoadedEvaluation } from './evaluation-access.ts';
import { canSeeConsolidation } from './evaluation.policy.ts';
import type { ScoreRow } from './scoring.repository.ts';

/** A sheet of an evaluation: the school's self-evaluation or one inspector's. */
export interface SheetRef {
  kind: 'self' | 'inspector';
  /** null for the self-evaluation. */
  inspectorId: number | null;
  isEditable: boolean;
  submittedAt: Date | null;
}

/** Resolves the sheet a path names for the caller; NOT_FOUND when they may not read it. */
export function resolveSheet(ev: LoadedEvaluation, param: string): SheetRef {
  const state = ev.row.state;
  if (param === 'self') {
    return {
      kind: 'self',
      inspectorId: null,
      isEditable: ev.capacities.includes('school_admin') && state === 'self_assessment',
      submittedAt: null,
    };
  }
  const own = ev.access.userId;
  const inspectorId = param === 'mine' ? own : Number(param);
  const seat = ev.team.find((t) => t.inspector_id === inspectorId);
  if (inspectorId === null || !seat) throw notFound('评分表');
  const isOwn = inspectorId === own && ev.capacities.includes('inspector');
  if (!isOwn && !canSeeConsolidation(ev.access, ev.capacities, state)) throw notFound('评分表');
  return {
    kind: 'inspector',
    inspectorId,
    isEditable: isOwn && state === 'on_site' && seat.sheet_submitted_at === null,
    submittedAt: seat.sheet_submitted_at,
  };
}

/** Throws INVALID_STATE unless the sheet can be written now. */
export function requireEditable(sheet: SheetRef, ev: LoadedEvaluation): void {
  if (sheet.isEditable) return;
  if (sheet.kind === 'self' && !ev.capacities.includes('school_admin'))
    throw new AppError('FORBIDDEN', { userMessage: '只有本校管理员可以填写自评' });
  if (sheet.kind === 'inspector' && sheet.submittedAt) throw new AppError('INVALID_STATE', { userMessage: '评分表已提交，不能再修改' });
  throw new AppError('INVALID_STATE', { userMessage: `当前状态不能修改${sheet.kind === 'self' ? '自评' : '现场评分'}` });
}

/** The check point with a code, or NOT_FOUND. */
export function checkpointOf(template: RubricTemplate, code: string): RubricNode {
  const node = listCheckpoints(template).find((n) => n.code === code);
  if (!node) throw notFound(`评估要点 ${code}`);
  return node;
}

/** The problems of a submitted score (Chinese), empty when valid; clients never send computed values. */
export function scoreProblems(node: RubricNode, input: ScoreValue | null, note: string): string[] {
  if (input === null) return [];
  if (input.kind === 'computed') return ['系统计算值由服务器填写；如需调整，请填写分数并说明理由'];
  return validateScore(node, { code: node.code, input, note });
}

/** Points of a valid score (null for a cleared one). */
export function pointsOf(node: RubricNode, input: ScoreValue | null, note: string): number | null {
  return input === null ? null : pointsForScore(node, { code: node.code, input, note });
}

/** Throws VALIDATION_FAILED with the problems of a score. */
export function assertValidScore(node: RubricNode, input: ScoreValue | null, note: string): void {
  const problems = scoreProblems(node, input, note);
  if (problems.length > 0) throw invalid('input', problems.join('；'));
}

/** A canonical text of a score's value, so values read back from jsonb compare with submitted ones. */
export function valueKey(input: unknown, note: string): string {
  const i = input as ScoreValue | null;
  const v =
    i === null
      ? 'null'
      : i.kind === 'points'
        ? `p:${i.points}`
        : i.kind === 'level'
          ? `l:${i.label}`
          : i.kind === 'yes_no'
            ? `y:${i.yes}`
            : `c:${i.value}`;
  return `${v}|${note.trim()}`;
}

/** A stored row as the API shows it. */
export function toScoreRecord(r: ScoreRow): ScoreRecord {
  return {
    code: r.code,
    input: (r.input as ScoreValue | null) ?? null,
    note: r.note,
    points: r.points === null ? null : Number(r.points),
    revision: r.revision,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: r.updated_by_name,
  };
}
