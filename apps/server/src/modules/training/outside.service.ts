/**
 * Outside trainings (校外培训申报): a teacher submits a training taken elsewhere with its certificate;
 * the school administrator (or 教师科) approves it — only then are its hours credited to the ledger —
 * or sends it back with a reason. A teacher sees only their own submissions.
 */
import { createHash } from 'node:crypto';
import type {
  OutsideReviewRequest,
  OutsideTraining,
  OutsideTrainingInput,
  OutsideTrainingPage,
  TrainingEvidence,
} from '@zhiping/contracts';
import type { OutsideTrainingQuery } from '@zhiping/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { EVIDENCE_MAX_BYTES, type UploadedFile } from '../evaluations/evidence-store.ts';
import * as repo from './outside.repository.ts';
import { canReviewOutside, readableTeachers, requireTrainingReader, trainingAccess, type TrainingAccess } from './training.policy.ts';
import { insertCredits } from './training.repository.ts';

const LEVEL_LABEL = { national: '国家级', city: '市级', district: '区级', school: '校本' } as const;

function toEvidence(r: repo.EvidenceMetaRow): TrainingEvidence {
  return {
    id: r.id,
    fileName: r.file_name,
    contentType: r.content_type,
    size: r.size_bytes,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by_name,
    uploadedAt: r.uploaded_at.toISOString(),
  };
}

function toOutside(r: repo.OutsideRow, evidence: repo.EvidenceMetaRow[], access: TrainingAccess): OutsideTraining {
  return {
    id: r.id,
    teacherId: r.teacher_id,
    teacherName: r.teacher_name,
    schoolId: r.school_id,
    schoolName: r.school_name,
    title: r.title,
    provider: r.provider,
    level: r.level,
    category: r.category as OutsideTraining['category'],
    isSeminar: r.is_seminar,
    hours: Number(r.hours),
    startedOn: r.started_on,
    endedOn: r.ended_on,
    note: r.note,
    status: r.status,
    reviewNote: r.review_note,
    reviewedBy: r.reviewed_by_name,
    reviewedAt: r.reviewed_at ? r.reviewed_at.toISOString() : null,
    submittedAt: r.created_at.toISOString(),
    evidence: evidence.filter((e) => e.outside_id === r.id).map(toEvidence),
    canReview: r.status === 'pending' && canReviewOutside(access, r.school_id),
    canUpload: r.status === 'pending' && access.ownTeacherId === r.teacher_id,
  };
}

/** A page of submissions within reach (`mine`: only the caller's own). */
export async function listOutside(ctx: ServiceContext, query: z.infer<typeof OutsideTrainingQuery>): Promise<OutsideTrainingPage> {
  const access = trainingAccess(ctx.actor);
  requireTrainingReader(access);
  const isMine = query.mine === 'true';
  if (isMine && access.ownTeacherId === null) throw new AppError('FORBIDDEN', { userMessage: '当前账号未关联教师档案' });
  const reach = isMine ? { kind: 'self' as const, teacherId: access.ownTeacherId! } : readableTeachers(access);
  const { total, rows } = await repo.findOutsidePage(
    ctx.db,
    reach,
    { status: query.status, schoolId: query.schoolId },
    {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    },
  );
  const evidence = await repo.findEvidenceMeta(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toOutside(r, evidence, access)), total, page: query.page, pageSize: query.pageSize };
}

async function loadOutside(ctx: ServiceContext, id: number) {
  const access = trainingAccess(ctx.actor);
  requireTrainingReader(access);
  const { rows } = await repo.findOutsidePage(ctx.db, readableTeachers(access), { ids: [id] }, { offset: 0, limit: 1 });
  if (!rows[0]) throw notFound('校外培训申报');
  return { access, row: rows[0] };
}

/** One submission. */
export async function getOutside(ctx: ServiceContext, id: number): Promise<OutsideTraining> {
  const { access, row } = await loadOutside(ctx, id);
  return toOutside(row, await repo.findEvidenceMeta(ctx.db, [id]), access);
}

/** A teacher submits their own outside training (pending until approved). */
export async function submitOutside(ctx: ServiceContext, input: OutsideTrainingInput): Promise<OutsideTraining> {
  const access = trainingAccess(ctx.actor);
  if (access.ownTeacherId === null) throw new AppError('FORBIDDEN', { userMessage: '只有关联了教师档案的教师账号可以申报校外培训' });
  if (input.endedOn > ctx.clock.today()) throw invalid('endedOn', '结束日期不能晚于今天：培训结束后再申报');
  const teacherId = access.ownTeacherId;
  const id = await inTransaction(ctx, async (tx) => {
    const newId = await repo.insertOutside(tx.db, {
      teacher_id: teacherId,
      title: input.title,
      provider: input.provider,
      level: input.level,
      category: input.category,
      is_seminar: input.isSeminar,
      hours: input.hours,
      started_on: input.startedOn,
      ended_on: input.endedOn,
      note: input.note,
      submitted_by_name: tx.actor.displayName,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'training.outside.submit',
      entityType: 'training_outside',
      entityId: newId,
      summary: `申报校外培训“${input.title}”（${LEVEL_LABEL[input.level]}，${input.hours} 学时）`,
      after: input,
    });
    return newId;
  });
  return getOutside(ctx, id);
}

/** The teacher attaches a certificate or other evidence while the submission is pending. */
export async function addOutsideEvidence(ctx: ServiceContext, id: number, file: UploadedFile): Promise<TrainingEvidence> {
  const { access, row } = await loadOutside(ctx, id);
  if (access.ownTeacherId !== row.teacher_id) throw new AppError('FORBIDDEN', { userMessage: '只有申报教师本人可以上传证明材料' });
  if (row.status !== 'pending') throw new AppError('INVALID_STATE', { userMessage: '申报已审核，不能再上传材料' });
  if (file.content.length === 0) throw new AppError('VALIDATION_FAILED', { userMessage: '文件为空' });
  if (file.content.length > EVIDENCE_MAX_BYTES)
    throw new AppError('LIMIT_EXCEEDED', { userMessage: `证明材料不能超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB` });
  const base = file.fileName.split(/[\\/]/).pop() ?? 'file';
  const fileName =
    [...base]
      .map((ch) => (ch.charCodeAt(0) < 32 || '"<>|:*?'.includes(ch) ? '_' : ch))
      .join('')
      .trim()
      .slice(0, 150) || 'file';
  return inTransaction(ctx, async (tx) => {
    const stored = await repo.insertEvidence(tx.db, {
      outside_id: id,
      file_name: fileName,
      content_type: file.contentType || 'application/octet-stream',
      size_bytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      uploaded_by: tx.actor.userId,
      uploaded_by_name: tx.actor.displayName,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'training.outside.evidence',
      entityType: 'training_evidence',
      entityId: stored.id,
      schoolId: row.school_id,
      summary: `校外培训“${row.title}”上传证明材料《${stored.file_name}》`,
      after: { outsideId: id, fileName: stored.file_name, size: stored.size_bytes, sha256: stored.sha256 },
    });
    return toEvidence(stored);
  });
}

/** One evidence file of a visible submission. */
export async function getOutsideEvidence(ctx: ServiceContext, id: number, fileId: number) {
  await loadOutside(ctx, id);
  const f = await repo.findEvidenceFile(ctx.db, id, fileId);
  if (!f) throw notFound('证明材料');
  return { fileName: f.file_name, contentType: f.content_type, buffer: f.content };
}

/** Approves (credits the hours) or sends back a pending submission. */
export async function reviewOutside(ctx: ServiceContext, id: number, req: OutsideReviewRequest): Promise<OutsideTraining> {
  const { access, row } = await loadOutside(ctx, id);
  if (!canReviewOutside(access, row.school_id)) throw new AppError('FORBIDDEN', { userMessage: '校外培训由本校管理员或区教师科审核' });
  if (row.status !== 'pending') throw new AppError('INVALID_STATE', { userMessage: '该申报已审核' });
  await inTransaction(ctx, async (tx) => {
    let creditId: number | null = null;
    if (req.decision === 'approve') {
      const ids = await insertCredits(tx.db, [
        {
          teacher_id: row.teacher_id,
          source: 'outside',
          session_id: null,
          outside_id: id,
          import_id: null,
          title: row.title,
          provider: row.provider,
          level: row.level,
          category: row.category,
          is_seminar: row.is_seminar,
          hours: row.hours,
          completed_on: row.ended_on,
          evidence: `校外培训申报 #${id}${req.note ? `：${req.note}` : ''}`,
          created_by_name: tx.actor.displayName,
        },
      ]);
      creditId = ids[0] ?? null;
    }
    const isDone = await repo.reviewOutside(tx.db, id, {
      status: req.decision === 'approve' ? 'approved' : 'rejected',
      review_note: req.note,
      reviewed_by_name: tx.actor.displayName,
      credit_id: creditId ?? null,
    });
    if (!isDone) throw new AppError('CONFLICT', { userMessage: '该申报已被他人审核，请刷新' });
    await recordAudit(tx.db, tx.actor, {
      action: req.decision === 'approve' ? 'training.outside.approve' : 'training.outside.reject',
      entityType: 'training_outside',
      entityId: id,
      schoolId: row.school_id,
      summary: `${req.decision === 'approve' ? '认定' : '退回'}${row.teacher_name}的校外培训“${row.title}”（${Number(row.hours)} 学时）${req.note ? `：${req.note}` : ''}`,
      after: { decision: req.decision, note: req.note, creditId },
    });
  });
  return getOutside(ctx, id);
}
