/**
 * Evidence files (佐证材料) stored in the database like the assessments' evidence (bytea: the upload
 * and its audit row commit together and backups carry them). Shared by evaluations and rectification.
 */
import { createHash } from 'node:crypto';
import type { EvaluationEvidence } from '@zhiping/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { TxContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './evidence.repository.ts';

/** Largest evidence file accepted. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** An uploaded file. */
export interface UploadedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Keeps a file name printable and short (no path parts). */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = [...base]
    .map((ch) => (ch.charCodeAt(0) < 32 || '"<>|:*?'.includes(ch) ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 150);
  return cleaned || 'file';
}

/** Metadata of a stored file as the API shows it. */
export function toEvidence(r: repo.EvidenceMeta): EvaluationEvidence {
  return {
    id: r.id,
    code: r.code,
    fileName: r.file_name,
    contentType: r.content_type,
    size: r.size_bytes,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by_name,
    uploadedAt: r.uploaded_at.toISOString(),
  };
}

/** Stores a file for an evaluation check point or a rectification item (the caller audits). */
export async function storeEvidence(
  tx: TxContext,
  target: { evaluationId: number; code: string | null } | { rectificationId: number },
  file: UploadedFile,
): Promise<EvaluationEvidence> {
  if (file.content.length === 0) throw new AppError('VALIDATION_FAILED', { userMessage: '文件为空' });
  if (file.content.length > EVIDENCE_MAX_BYTES)
    throw new AppError('LIMIT_EXCEEDED', { userMessage: `佐证材料不能超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB` });
  const row = await repo.insertEvidence(tx.db, {
    evaluation_id: 'evaluationId' in target ? target.evaluationId : null,
    rectification_id: 'rectificationId' in target ? target.rectificationId : null,
    code: 'evaluationId' in target ? target.code : null,
    file_name: cleanFileName(file.fileName),
    content_type: file.contentType || 'application/octet-stream',
    size_bytes: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    uploaded_by: tx.actor.userId,
    uploaded_by_name: tx.actor.displayName,
  });
  return toEvidence(row);
}

/** The files of a target. */
export async function listEvidence(
  tx: { db: Kysely<DB> },
  target: { evaluationId: number; code?: string | undefined } | { rectificationId: number },
): Promise<EvaluationEvidence[]> {
  return (await repo.findEvidenceList(tx.db, target)).map(toEvidence);
}

/** One file with content if it belongs to the target, else undefined. */
export async function findEvidenceOf(
  tx: { db: Kysely<DB> },
  target: { evaluationId: number } | { rectificationId: number },
  fileId: number,
) {
  const f = await repo.findEvidenceFile(tx.db, fileId);
  if (!f) return undefined;
  const isOwn = 'evaluationId' in target ? f.evaluation_id === target.evaluationId : f.rectification_id === target.rectificationId;
  return isOwn ? f : undefined;
}

/** Deletes a file (the caller checks rights and audits). */
export async function deleteEvidenceFile(tx: TxContext, fileId: number): Promise<void> {
  await repo.deleteEvidence(tx.db, fileId);
}
