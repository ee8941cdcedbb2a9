/**
 * Evidence of an evaluation's check points: the school uploads during its self-evaluation, the team
 * during the on-site phase; everyone who sees the evaluation may read them; an uploader removes their
 * own file while the phase is open.
 */
import type { EvaluationEvidence } from '@zhiping/contracts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { loadEvaluation, type LoadedEvaluation } from './evaluation-access.ts';
import { deleteEvidenceFile, findEvidenceOf, listEvidence, storeEvidence, type UploadedFile } from './evidence-store.ts';
import { checkpointOf } from './score-sheet.ts';

function requireUploader(ev: LoadedEvaluation): void {
  const state = ev.row.state;
  const isSchool = ev.capacities.includes('school_admin') && state === 'self_assessment';
  const isTeam = ev.capacities.includes('inspector') && state === 'on_site';
  if (!isSchool && !isTeam)
    throw new AppError('INVALID_STATE', { userMessage: '只有学校在自评阶段、评估组在现场评估阶段可以上传佐证材料' });
}

/** Uploads a file for a check point (or the evaluation as a whole when code is null). */
export async function addEvaluationEvidence(
  ctx: ServiceContext,
  id: number,
  code: string | null,
  file: UploadedFile,
): Promise<EvaluationEvidence> {
  const ev = await loadEvaluation(ctx, id);
  requireUploader(ev);
  const node = code ? checkpointOf(ev.template, code) : null;
  return inTransaction(ctx, async (tx) => {
    const stored = await storeEvidence(tx, { evaluationId: id, code }, file);
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.evidence.add',
      entityType: 'evaluation_evidence',
      entityId: stored.id,
      schoolId: ev.row.school_id,
      summary: `${ev.row.school_name}上传佐证材料《${stored.fileName}》${node ? `（${code} ${node.title}）` : ''}`,
      after: { evaluationId: id, code, fileName: stored.fileName, size: stored.size, sha256: stored.sha256 },
    });
    return stored;
  });
}

/** The files of an evaluation (optionally one check point). */
export async function listEvaluationEvidence(ctx: ServiceContext, id: number, code?: string): Promise<EvaluationEvidence[]> {
  await loadEvaluation(ctx, id);
  return listEvidence(ctx, { evaluationId: id, code });
}

/** One file with its content. */
export async function getEvaluationEvidence(ctx: ServiceContext, id: number, fileId: number) {
  await loadEvaluation(ctx, id);
  const f = await findEvidenceOf(ctx, { evaluationId: id }, fileId);
  if (!f) throw notFound('佐证材料');
  return { fileName: f.file_name, contentType: f.content_type, content: f.content };
}

/** Removes one's own file while the phase it belongs to is open. */
export async function removeEvaluationEvidence(ctx: ServiceContext, id: number, fileId: number): Promise<{ ok: true }> {
  const ev = await loadEvaluation(ctx, id);
  requireUploader(ev);
  const f = await findEvidenceOf(ctx, { evaluationId: id }, fileId);
  if (!f) throw notFound('佐证材料');
  if (f.uploaded_by !== ctx.actor.userId) throw new AppError('FORBIDDEN', { userMessage: '只能删除自己上传的佐证材料' });
  await inTransaction(ctx, async (tx) => {
    await deleteEvidenceFile(tx, fileId);
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.evidence.remove',
      entityType: 'evaluation_evidence',
      entityId: fileId,
      schoolId: ev.row.school_id,
      summary: `${ev.row.school_name}删除佐证材料《${f.file_name}》`,
      before: { evaluationId: id, code: f.code, fileName: f.file_name, sha256: f.sha256 },
    });
  });
  return { ok: true };
}
