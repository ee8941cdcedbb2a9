/**
 * Evidence files of assessment items. Decision: the files are stored in the database (bytea in
 * assessment_evidence), not under <dataDir>/evidence: the upload and its audit row commit together,
 * backups and restores carry them with everything else on both engines, and no second store needs
 * permissions, cleaning or its own backup. Files are small (scans, PDFs; at most 20 MB each).
 */
import { createHash } from 'node:crypto';
import type { AssessmentKind, EvidenceFile } from '@zhiping/contracts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { requireDistrictReader, requireDistrictWriter } from '../indicators/indicator.policy.ts';
import * as repo from './assessment.repository.ts';
import { findItem } from './assessment.service.ts';

/** Largest evidence file accepted. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

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

/** An uploaded file. */
export interface EvidenceUpload {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Stores an evidence file for an item (district base:write, audited). */
export async function addEvidence(
  ctx: ServiceContext,
  kind: AssessmentKind,
  year: number,
  itemNo: string,
  file: EvidenceUpload,
): Promise<EvidenceFile> {
  requireDistrictWriter(ctx.actor, '督导评估佐证材料');
  const item = findItem(kind, itemNo);
  if (file.content.length === 0) throw new AppError('VALIDATION_FAILED', { userMessage: '文件为空' });
  if (file.content.length > EVIDENCE_MAX_BYTES)
    throw new AppError('LIMIT_EXCEEDED', { userMessage: `佐证材料不能超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB` });
  const fileName = cleanFileName(file.fileName);
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const id = await inTransaction(ctx, async (tx) => {
    const newId = await repo.insertEvidence(tx.db, {
      kind,
      school_year: year,
      item_key: item.key,
      file_name: fileName,
      content_type: file.contentType || 'application/octet-stream',
      size_bytes: file.content.length,
      sha256,
      content: file.content,
      uploaded_by: ctx.actor.userId,
      uploaded_by_name: ctx.actor.displayName,
    });
    await recordAudit(tx.db, ctx.actor, {
      action: 'assessment.evidence.add',
      entityType: 'assessment_evidence',
      entityId: newId,
      summary: `上传${year}学年评估条目“${item.name}”的佐证材料《${fileName}》`,
      after: { itemKey: item.key, year, fileName, size: file.content.length, sha256 },
    });
    return newId;
  });
  const row = (await repo.findEvidenceList(ctx.db, kind, year)).find((e) => e.id === id)!;
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by_name,
    uploadedAt: row.uploaded_at.toISOString(),
  };
}

/** One evidence file with its content (district readers). */
export async function getEvidence(ctx: ServiceContext, kind: AssessmentKind, year: number, itemNo: string, fileId: number) {
  requireDistrictReader(ctx.actor);
  const item = findItem(kind, itemNo);
  const row = await repo.findEvidence(ctx.db, kind, year, item.key, fileId);
  if (!row) throw notFound('佐证材料');
  return { fileName: row.file_name, contentType: row.content_type, content: row.content };
}

/** Removes an evidence file (district base:write, audited). */
export async function removeEvidence(
  ctx: ServiceContext,
  kind: AssessmentKind,
  year: number,
  itemNo: string,
  fileId: number,
): Promise<{ ok: true }> {
  requireDistrictWriter(ctx.actor, '督导评估佐证材料');
  const item = findItem(kind, itemNo);
  const row = await repo.findEvidence(ctx.db, kind, year, item.key, fileId);
  if (!row) throw notFound('佐证材料');
  await inTransaction(ctx, async (tx) => {
    await repo.deleteEvidence(tx.db, fileId);
    await recordAudit(tx.db, ctx.actor, {
      action: 'assessment.evidence.remove',
      entityType: 'assessment_evidence',
      entityId: fileId,
      summary: `删除${year}学年评估条目“${item.name}”的佐证材料《${row.file_name}》`,
      before: { itemKey: item.key, year, fileName: row.file_name, size: row.size_bytes, sha256: row.sha256 },
    });
  });
  return { ok: true };
}
