/**
 * Attachments of ethics cases: type and size limits with a content sniff (the declared type must match
 * the bytes), and storage encrypted with the field crypto (file name and content), so case material is
 * never readable from the database or a backup without the key.
 */
import { ETHICS_PUBLIC_LIMITS } from '@zhiping/contracts';
import type { TxContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { UploadedFile } from '../evaluations/evidence-store.ts';
import * as repo from './case.repository.ts';

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

/** Whether the bytes look like the declared type. */
function matchesType(contentType: string, b: Buffer): boolean {
  switch (contentType) {
    case 'image/jpeg':
      return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
    case 'image/png':
      return b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'application/pdf':
      return b.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'audio/mpeg':
      return b.subarray(0, 3).toString('latin1') === 'ID3' || (b.length > 2 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0);
    case 'video/mp4':
      return b.subarray(4, 8).toString('latin1') === 'ftyp';
    case 'text/plain':
      return !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b);
    default:
      return false;
  }
}

/** Checks a file against the channel's limits; throws a Chinese 400 otherwise. */
export function checkFile(file: UploadedFile): void {
  const types: readonly string[] = ETHICS_PUBLIC_LIMITS.contentTypes;
  const contentType = file.contentType.split(';')[0]!.trim().toLowerCase();
  if (!types.includes(contentType)) throw new AppError('VALIDATION_FAILED', { userMessage: '只接受 JPG、PNG、PDF、MP3、MP4 或 TXT 文件' });
  if (file.content.length === 0) throw new AppError('VALIDATION_FAILED', { userMessage: '文件为空' });
  if (file.content.length > ETHICS_PUBLIC_LIMITS.maxFileBytes)
    throw new AppError('LIMIT_EXCEEDED', { userMessage: `单个文件不能超过 ${ETHICS_PUBLIC_LIMITS.maxFileBytes / 1024 / 1024} MB` });
  if (!matchesType(contentType, file.content)) throw new AppError('VALIDATION_FAILED', { userMessage: '文件内容与类型不符' });
}

/** Stores a checked file for a case, encrypted; returns its id (the caller audits). */
export async function storeCaseFile(
  tx: TxContext,
  caseId: number,
  origin: 'reporter' | 'staff' | 'teacher',
  file: UploadedFile,
  uploadedByName: string,
): Promise<number> {
  checkFile(file);
  const limit = origin === 'reporter' ? ETHICS_PUBLIC_LIMITS.maxFiles * 4 : 50;
  if ((await repo.countAttachments(tx.db, caseId, origin)) >= limit)
    throw new AppError('LIMIT_EXCEEDED', { userMessage: `附件数量已达上限（${limit} 个）` });
  return repo.insertAttachment(tx.db, {
    case_id: caseId,
    message_id: null,
    origin,
    file_name_enc: tx.crypto.encrypt(cleanFileName(file.fileName)),
    content_type: file.contentType.split(';')[0]!.trim().toLowerCase(),
    size_bytes: file.content.length,
    content_enc: tx.crypto.encrypt(file.content.toString('base64')),
    uploaded_by_name: uploadedByName,
  });
}

/** Decrypts a stored file for download. */
export function openCaseFile(
  crypto: TxContext['crypto'],
  row: { file_name_enc: string; content_type: string; content_enc: string },
): { fileName: string; contentType: string; buffer: Buffer } {
  return {
    fileName: crypto.decrypt(row.file_name_enc),
    contentType: row.content_type,
    buffer: Buffer.from(crypto.decrypt(row.content_enc), 'base64'),
  };
}
