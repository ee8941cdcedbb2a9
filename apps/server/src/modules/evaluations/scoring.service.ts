/**
 * Scoring that survives a flaky network: each check point is saved on its own (idempotent upsert
 * carrying the client's base revision) or in a batch sync. A write whose base revision is stale is
 * never applied: the single upsert answers 409 with the server's current value, the batch reports the
 * conflict per item, so the client shows both values instead of silently overwriting. Retrying a write
 * that already landed (same value) answers "unchanged".
 */
import type { ScoreRecord, ScoreUpsert, ScoreUpsertResult, Sheet, SyncRequest, SyncResult } from '@zhiping/contracts';
import { aggregateScores, listCheckpoints, type CheckpointScore, type RubricNode, type ScoreInput } from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext, type TxContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { resolveComputedValues } from './computed-values.ts';
import { loadEvaluation, type LoadedEvaluation } from './evaluation-access.ts';
import * as evaluations from './evaluation.repository.ts';
import {
  assertValidScore,
  checkpointOf,
  pointsOf,
  requireEditable,
  resolveSheet,
  scoreProblems,
  toScoreRecord,
  valueKey,
  type SheetRef,
} from './score-sheet.ts';
import * as repo from './scoring.repository.ts';

/** One item to write. */
interface WriteItem {
  code: string;
  input: ScoreInput | null;
  note: string;
  baseRevision: number;
}

type Outcome = { status: 'saved' | 'unchanged'; score: ScoreRecord | null } | { status: 'conflict'; current: ScoreRecord | null };

/** Applies one item against the locked current row (mutating `current` on success). */
async function applyItem(
  tx: TxContext,
  evaluationId: number,
  sheet: SheetRef,
  node: RubricNode,
  item: WriteItem,
  current: Map<string, repo.ScoreRow>,
): Promise<Outcome> {
  const existing = current.get(item.code);
  const note = item.note.trim();
  if (existing && valueKey(existing.input, existing.note) === valueKey(item.input, note))
    return { status: 'unchanged', score: toScoreRecord(existing) };
  if (!existing && item.input === null && item.baseRevision === 0) return { status: 'unchanged', score: null };
  if ((existing?.revision ?? 0) !== item.baseRevision) return { status: 'conflict', current: existing ? toScoreRecord(existing) : null };
  const write = {
    input: item.input,
    points: pointsOf(node, item.input, note),
    note,
    by: { id: tx.actor.userId, name: tx.actor.displayName },
    at: tx.clock.now(),
  };
  const isWritten = existing
    ? await repo.updateScore(tx.db, evaluationId, sheet.inspectorId, item.code, existing.revision, write)
    : await repo.insertScore(tx.db, evaluationId, sheet.inspectorId, item.code, write);
  const [fresh] = (await repo.lockSheetScores(tx.db, evaluationId, sheet.inspectorId, [item.code])).values();
  if (!isWritten) {
    // Another device wrote first between our read and our write.
    if (fresh && valueKey(fresh.input, fresh.note) === valueKey(item.input, note))
      return { status: 'unchanged', score: toScoreRecord(fresh) };
    return { status: 'conflict', current: fresh ? toScoreRecord(fresh) : null };
  }
  current.set(item.code, fresh!);
  return { status: 'saved', score: toScoreRecord(fresh!) };
}

const sheetLabel = (sheet: SheetRef) => (sheet.kind === 'self' ? '自评' : '现场评分');

/** Saves one check point's score; CONFLICT (409, details.current) when the base revision is stale. */
export async function saveScore(
  ctx: ServiceContext,
  id: number,
  sheetParam: string,
  code: string,
  body: ScoreUpsert,
): Promise<ScoreUpsertResult> {
  const ev = await loadEvaluation(ctx, id);
  const sheet = resolveSheet(ev, sheetParam);
  requireEditable(sheet, ev);
  const node = checkpointOf(ev.template, code);
  assertValidScore(node, body.input, body.note);
  const outcome = await inTransaction(ctx, async (tx) => {
    const current = await repo.lockSheetScores(tx.db, id, sheet.inspectorId, [code]);
    const o = await applyItem(tx, id, sheet, node, { code, input: body.input, note: body.note, baseRevision: body.baseRevision }, current);
    if (o.status === 'saved')
      await recordAudit(tx.db, tx.actor, {
        action: `evaluation.score.${sheet.kind}`,
        entityType: 'evaluation',
        entityId: id,
        schoolId: ev.row.school_id,
        summary: `${ev.row.school_name}${sheetLabel(sheet)}：${code} ${node.title}`,
        after: { code, input: body.input, note: body.note, revision: o.score?.revision },
      });
    return o;
  });
  if (outcome.status === 'conflict')
    throw new AppError('CONFLICT', {
      userMessage: `要点 ${code} 已在其他设备上修改，请核对后再保存`,
      details: { current: outcome.current },
    });
  return { status: outcome.status, score: outcome.score };
}

/** Applies a batch of offline edits; each item is saved, unchanged, a conflict (with the server's value) or invalid. */
export async function syncScores(ctx: ServiceContext, id: number, sheetParam: string, body: SyncRequest): Promise<SyncResult> {
  const ev = await loadEvaluation(ctx, id);
  const sheet = resolveSheet(ev, sheetParam);
  requireEditable(sheet, ev);
  const nodes = new Map(listCheckpoints(ev.template).map((n) => [n.code, n] as const));
  const seen = new Set<string>();
  return inTransaction(ctx, async (tx) => {
    const current = await repo.lockSheetScores(
      tx.db,
      id,
      sheet.inspectorId,
      body.items.map((i) => i.code),
    );
    const results: SyncResult['results'] = [];
    for (const item of body.items) {
      const node = nodes.get(item.code);
      const problems = !node
        ? [`模板中没有评估要点 ${item.code}`]
        : seen.has(item.code)
          ? ['同一要点在一次同步中出现多次']
          : scoreProblems(node, item.input, item.note);
      seen.add(item.code);
      if (problems.length > 0) {
        const existing = current.get(item.code);
        results.push({
          code: item.code,
          status: 'invalid',
          score: existing ? toScoreRecord(existing) : null,
          message: problems.join('；'),
        });
        continue;
      }
      const o = await applyItem(tx, id, sheet, node!, item, current);
      results.push(
        o.status === 'conflict'
          ? { code: item.code, status: 'conflict', score: o.current, message: '该要点已在其他设备上修改' }
          : { code: item.code, status: o.status, score: o.score, message: null },
      );
    }
    const saved = results.filter((r) => r.status === 'saved');
    if (saved.length > 0)
      await recordAudit(tx.db, tx.actor, {
        action: `evaluation.score.sync`,
        entityType: 'evaluation',
        entityId: id,
        schoolId: ev.row.school_id,
        summary: `${ev.row.school_name}${sheetLabel(sheet)}同步 ${saved.length} 个要点`,
        after: { sheet: sheet.kind, codes: saved.map((r) => r.code) },
      });
    return { results, saved: saved.length, conflicts: results.filter((r) => r.status === 'conflict').length };
  });
}

/** The sheet as a domain score list (cleared rows left out), with evidence counts. */
export function toCheckpointScores(
  rows: Pick<repo.ScoreRow, 'code' | 'input' | 'note'>[],
  evidence: Record<string, number>,
): CheckpointScore[] {
  return rows
    .filter((r) => r.input !== null)
    .map((r) => ({
      code: r.code,
      input: r.input as ScoreInput,
      ...(r.note ? { note: r.note } : {}),
      evidenceCount: evidence[r.code] ?? 0,
    }));
}

/** One sheet with computed values, evidence counts and how complete it is. */
export async function getSheet(ctx: ServiceContext, id: number, sheetParam: string): Promise<Sheet> {
  const ev = await loadEvaluation(ctx, id);
  const sheet = resolveSheet(ev, sheetParam);
  const [rows, evidence, computed] = await Promise.all([
    repo.findSheetScores(ctx.db, id, sheet.inspectorId),
    repo.countEvidence(ctx.db, id),
    resolveComputedValues(ctx.db, ev.template, ev.row.school_id, ev.row.period_start),
  ]);
  const result = aggregateScores(ev.template, toCheckpointScores(rows, evidence));
  const total = listCheckpoints(ev.template).length;
  return {
    evaluationId: id,
    kind: sheet.kind,
    inspectorId: sheet.inspectorId,
    isEditable: sheet.isEditable,
    submittedAt: sheet.submittedAt?.toISOString() ?? null,
    scores: rows.map(toScoreRecord),
    computed,
    evidenceCounts: evidence,
    summary: {
      scored: total - result.missing.length,
      total,
      completeness: result.completeness,
      totalPoints: result.total,
      missing: result.missing,
      evidenceMissing: result.evidenceMissing,
    },
  };
}

/**
 * Fills the computed check points a sheet left empty with the values the server computes, then throws
 * VALIDATION_FAILED listing what is still missing (and, for the self-evaluation, evidence required).
 */
export async function completeSheet(tx: TxContext, ev: LoadedEvaluation, inspectorId: number | null): Promise<void> {
  const rows = await repo.findSheetScores(tx.db, ev.row.id, inspectorId);
  const byCode = new Map(rows.map((r) => [r.code, r] as const));
  const isComputedMissing = listCheckpoints(ev.template).some((n) => n.method?.kind === 'computed' && !(byCode.get(n.code)?.input ?? null));
  const computed = isComputedMissing ? await resolveComputedValues(tx.db, ev.template, ev.row.school_id, ev.row.period_start) : [];
  for (const c of computed) {
    const existing = byCode.get(c.code);
    if (c.value === null || (existing && existing.input !== null)) continue;
    const write = {
      input: { kind: 'computed', value: c.value },
      points: c.points,
      note: '',
      by: { id: null, name: '系统计算' },
      at: tx.clock.now(),
    };
    if (existing) await repo.updateScore(tx.db, ev.row.id, inspectorId, c.code, existing.revision, write);
    else await repo.insertScore(tx.db, ev.row.id, inspectorId, c.code, write);
  }
  const evidence = await repo.countEvidence(tx.db, ev.row.id);
  assertComplete(ev, await repo.findSheetScores(tx.db, ev.row.id, inspectorId), evidence, inspectorId === null);
}

/** Throws VALIDATION_FAILED listing unscored check points (and, for the self-evaluation, missing evidence). */
function assertComplete(ev: LoadedEvaluation, rows: repo.ScoreRow[], evidence: Record<string, number>, isSelf: boolean): void {
  const result = aggregateScores(ev.template, toCheckpointScores(rows, evidence));
  const problems = [
    ...result.missing.map((code) => ({ path: code, message: `要点 ${code} 尚未评分` })),
    ...(isSelf ? result.evidenceMissing.map((code) => ({ path: code, message: `要点 ${code} 须上传佐证材料` })) : []),
  ];
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', {
      userMessage: `${ev.row.school_name}还有 ${problems.length} 处未完成：${problems
        .slice(0, 5)
        .map((p) => p.message)
        .join('；')}${problems.length > 5 ? '……' : ''}`,
      issues: problems,
    });
}

/** completeSheet for the self-evaluations of many evaluations, reading their sheets and evidence in bulk. */
export async function completeSelfSheets(tx: TxContext, evs: LoadedEvaluation[]): Promise<void> {
  const ids = evs.map((e) => e.row.id);
  const [rows, evidence] = await Promise.all([repo.findSelfScores(tx.db, ids), repo.countEvidenceOf(tx.db, ids)]);
  const rowsOf = new Map<number, repo.ScoreRow[]>();
  for (const r of rows) {
    const list = rowsOf.get(r.evaluation_id);
    if (list) list.push(r);
    else rowsOf.set(r.evaluation_id, [r]);
  }
  for (const ev of evs) {
    const own = rowsOf.get(ev.row.id) ?? [];
    const byCode = new Map(own.map((r) => [r.code, r] as const));
    const isComputedMissing = listCheckpoints(ev.template).some(
      (n) => n.method?.kind === 'computed' && !(byCode.get(n.code)?.input ?? null),
    );
    if (isComputedMissing) await completeSheet(tx, ev, null);
    else assertComplete(ev, own, evidence.get(ev.row.id) ?? {}, true);
  }
}

/** The calling inspector submits their independent sheet (on site; computed points filled in; must be complete). */
export async function submitMySheet(ctx: ServiceContext, id: number): Promise<Sheet> {
  const ev = await loadEvaluation(ctx, id);
  const sheet = resolveSheet(ev, 'mine');
  requireEditable(sheet, ev);
  await inTransaction(ctx, async (tx) => {
    await completeSheet(tx, ev, sheet.inspectorId);
    await evaluations.markSheetSubmitted(tx.db, id, sheet.inspectorId!, tx.clock.now());
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.sheet.submit',
      entityType: 'evaluation',
      entityId: id,
      schoolId: ev.row.school_id,
      summary: `${ev.row.school_name}：督学 ${tx.actor.displayName} 提交现场评分表`,
    });
  });
  return getSheet(ctx, id, 'mine');
}
