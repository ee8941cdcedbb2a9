/**
 * Applications (申报): a school administrator prepares an application for a teacher of the school with
 * team members (from any school), prefilled from the teacher records the district holds (减负: nothing
 * is asked of the teacher), uploads attachments and submits while the round accepts applications; every
 * member is checked against ethics restrictions on submission. The 教师科 passes or returns it (with a
 * reason) in the formal check. Teachers see the applications they are a member of, read-only.
 */
import { createHash } from 'node:crypto';
import type {
  AwardApplicationDetail,
  AwardApplicationInput,
  AwardApplicationSummary,
  AwardTeacherOption,
  EvaluationEvidence,
  Page,
  TeacherAwards,
} from '@zhiping/contracts';
import type { AwardApplicationListQuery, AwardCheckDecision, AwardTeacherOptionQuery } from '@zhiping/contracts';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { findActiveRestrictions, restrictionMessage } from '../ethics/restrictions.ts';
import type { UploadedFile } from '../evaluations/evidence-store.ts';
import { toApplicationSummary } from './award.mapper.ts';
import { awardAccess, canApplyFor, requireManager } from './award.policy.ts';
import * as repo from './award.repository.ts';
import { loadCall } from './call.service.ts';

/** Largest attachment accepted. */
export const AWARD_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

async function summaries(ctx: ServiceContext, rows: repo.ApplicationRow[]): Promise<AwardApplicationSummary[]> {
  const members = await repo.findMembers(
    ctx.db,
    rows.map((r) => r.id),
  );
  const isDistrict = awardAccess(ctx.actor).isDistrictReader;
  return rows.map((r) => toApplicationSummary(r, members.get(r.id) ?? [], isDistrict));
}

/** A page of the applications the caller may see. */
export async function listApplications(
  ctx: ServiceContext,
  query: z.infer<typeof AwardApplicationListQuery>,
): Promise<Page<AwardApplicationSummary>> {
  const access = awardAccess(ctx.actor);
  const visible = repo.applicationVisibleTo(access);
  const f = {
    callId: query.callId,
    status: query.status,
    schoolId: query.schoolId,
    q: query.q,
    isAwarded: query.awarded === 'true' ? true : undefined,
  };
  const [total, rows] = await Promise.all([
    repo.countApplications(ctx.db, visible, f),
    repo.findApplications(ctx.db, visible, f, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize }),
  ]);
  return { items: await summaries(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

async function loadApplication(ctx: ServiceContext, id: number) {
  const access = awardAccess(ctx.actor);
  const [row] = await repo.findApplications(ctx.db, repo.applicationVisibleTo(access), { ids: [id] });
  if (!row) throw notFound('申报');
  return { access, row };
}

/** One application with attachments and what the caller may do. */
export async function getApplication(ctx: ServiceContext, id: number): Promise<AwardApplicationDetail> {
  const { access, row } = await loadApplication(ctx, id);
  const [[summary], files] = await Promise.all([summaries(ctx, [row]), repo.findAttachments(ctx.db, id)]);
  const isEditable = row.call_state === 'open' && ['draft', 'returned'].includes(row.status);
  return {
    ...summary!,
    summary: row.summary,
    attachments: files.map((f) => ({
      id: f.id,
      code: null,
      fileName: f.file_name,
      contentType: f.content_type,
      size: f.size_bytes,
      sha256: f.sha256,
      uploadedBy: f.uploaded_by_name,
      uploadedAt: f.uploaded_at.toISOString(),
    })),
    canEdit: isEditable && canApplyFor(access, row.school_id),
    canCheck: access.isManager && row.status === 'submitted' && row.call_state === 'formal_check',
  };
}

/** The lead and members as stored: each with their current school; refuses inactive or school-less teachers. */
async function resolveMembers(ctx: ServiceContext, input: AwardApplicationInput) {
  const ids = [input.leadTeacherId, ...input.memberTeacherIds.filter((t) => t !== input.leadTeacherId)];
  if (new Set(ids).size !== ids.length) throw invalid('memberTeacherIds', '团队成员有重复');
  const teachers = await repo.findTeachers(ctx.db, ids);
  return ids.map((id) => {
    const t = teachers.find((x) => x.id === id);
    if (!t || !t.is_active || t.school_id === null) throw invalid('memberTeacherIds', '所选教师不存在或不在职');
    return { teacherId: id, schoolId: t.school_id, name: t.name };
  });
}

/** Creates a draft application (school administrator of the lead's school, while the round is open). */
export async function createApplication(ctx: ServiceContext, input: AwardApplicationInput): Promise<AwardApplicationDetail> {
  const call = await loadCall(ctx, input.callId);
  if (call.state !== 'open') throw new AppError('INVALID_STATE', { userMessage: '该评审批次当前不接受申报' });
  const members = await resolveMembers(ctx, input);
  const schoolId = members[0]!.schoolId;
  if (!canApplyFor(call.access, schoolId)) throw new AppError('FORBIDDEN', { userMessage: '只能由成果主持人所在学校的管理员申报' });
  const taken = await ctx.db
    .selectFrom('award_application')
    .select('id')
    .where('call_id', '=', input.callId)
    .where('lead_teacher_id', '=', input.leadTeacherId)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', { userMessage: `${members[0]!.name} 在本批次已主持一项申报（#${taken.id}）` });
  const id = await inTransaction(ctx, async (tx) => {
    const { id } = await tx.db
      .insertInto('award_application')
      .values({
        call_id: input.callId,
        lead_teacher_id: input.leadTeacherId,
        school_id: schoolId,
        title: input.title,
        field: input.field,
        stage: input.stage,
        subject: input.subject,
        summary: input.summary,
        score: null,
        raw_mean: null,
        rank: null,
        grade: null,
        excluded_reason: null,
        city_result: null,
        created_by: tx.actor.userId,
        created_by_name: tx.actor.displayName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.replaceMembers(tx.db, id, members);
    await recordAudit(tx.db, tx.actor, {
      action: 'award.application.create',
      entityType: 'award_application',
      entityId: id,
      schoolId,
      summary: `填写成果奖申报《${input.title}》（主持人 ${members[0]!.name}，成员 ${members.length - 1} 人）`,
      after: input,
    });
    return id;
  });
  return getApplication(ctx, id);
}

/** Edits a draft or returned application. */
export async function updateApplication(ctx: ServiceContext, id: number, input: AwardApplicationInput): Promise<AwardApplicationDetail> {
  const { access, row } = await loadApplication(ctx, id);
  if (!canApplyFor(access, row.school_id)) throw new AppError('FORBIDDEN', { userMessage: '只有申报学校的管理员可以修改' });
  if (row.call_state !== 'open' || !['draft', 'returned'].includes(row.status))
    throw new AppError('INVALID_STATE', { userMessage: '只有草稿或被退回的申报可以修改' });
  if (input.callId !== row.call_id || input.leadTeacherId !== row.lead_teacher_id)
    throw invalid('leadTeacherId', '不能更换评审批次或成果主持人，请撤回后重新申报');
  const members = await resolveMembers(ctx, input);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('award_application')
      .set({
        title: input.title,
        field: input.field,
        stage: input.stage,
        subject: input.subject,
        summary: input.summary,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', id)
      .execute();
    await repo.replaceMembers(tx.db, id, members);
    await recordAudit(tx.db, tx.actor, {
      action: 'award.application.update',
      entityType: 'award_application',
      entityId: id,
      schoolId: row.school_id,
      summary: `修改成果奖申报《${input.title}》`,
      before: { title: row.title, summary: row.summary },
      after: input,
    });
  });
  return getApplication(ctx, id);
}

/** Submits (school) or withdraws an application; submission checks every member against ethics restrictions. */
export async function submitApplication(ctx: ServiceContext, id: number, action: 'submit' | 'withdraw'): Promise<AwardApplicationDetail> {
  const { access, row } = await loadApplication(ctx, id);
  if (!canApplyFor(access, row.school_id)) throw new AppError('FORBIDDEN', { userMessage: '只有申报学校的管理员可以提交或撤回' });
  if (row.call_state !== 'open') throw new AppError('INVALID_STATE', { userMessage: '该评审批次已截止申报' });
  const from = action === 'submit' ? ['draft', 'returned'] : ['draft', 'submitted', 'returned'];
  if (!from.includes(row.status))
    throw new AppError('INVALID_STATE', { userMessage: `当前状态不能${action === 'submit' ? '提交' : '撤回'}` });
  if (action === 'submit') {
    const members = (await repo.findMembers(ctx.db, [id])).get(id) ?? [];
    const restrictions = await findActiveRestrictions(
      ctx.db,
      members.map((m) => m.teacherId),
      ctx.clock.today(),
    );
    for (const m of members) {
      const block = (restrictions.get(m.teacherId) ?? []).find((r) => r.purposes.includes('award'));
      if (block) throw new AppError('INVALID_STATE', { userMessage: `${m.name}：${restrictionMessage(block, 'award')}` });
    }
    const files = await repo.findAttachments(ctx.db, id);
    if (files.length === 0) throw new AppError('INVALID_STATE', { userMessage: '请先上传成果材料（成果报告等附件）再提交' });
  }
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('award_application')
      .set(
        action === 'submit'
          ? { status: 'submitted', submitted_at: tx.clock.now(), check_note: '', updated_at: tx.clock.now() }
          : { status: 'withdrawn', updated_at: tx.clock.now() },
      )
      .where('id', '=', id)
      .execute();
    await recordAudit(tx.db, tx.actor, {
      action: `award.application.${action}`,
      entityType: 'award_application',
      entityId: id,
      schoolId: row.school_id,
      summary: `${action === 'submit' ? '提交' : '撤回'}成果奖申报《${row.title}》`,
      before: { status: row.status },
      after: { status: action === 'submit' ? 'submitted' : 'withdrawn' },
    });
  });
  return getApplication(ctx, id);
}

/** The formal check (教师科): pass, or return with a reason. */
export async function checkApplication(
  ctx: ServiceContext,
  id: number,
  decision: z.infer<typeof AwardCheckDecision>,
): Promise<AwardApplicationDetail> {
  const { access, row } = await loadApplication(ctx, id);
  requireManager(access, '形式审查');
  if (row.status !== 'submitted') throw new AppError('INVALID_STATE', { userMessage: '只有已提交的申报可以审查' });
  if (!['open', 'formal_check'].includes(row.call_state))
    throw new AppError('INVALID_STATE', { userMessage: '该批次不在申报或形式审查阶段' });
  const status = decision.decision === 'pass' ? 'accepted' : 'returned';
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('award_application')
      .set({ status, check_note: decision.note, checked_by_name: tx.actor.displayName, checked_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx.db, tx.actor, {
      action: `award.application.${decision.decision}`,
      entityType: 'award_application',
      entityId: id,
      schoolId: row.school_id,
      summary: `形式审查${decision.decision === 'pass' ? '通过' : `退回（${decision.note}）`}：《${row.title}》`,
      before: { status: row.status },
      after: { status, note: decision.note },
    });
  });
  return getApplication(ctx, id);
}

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = [...base]
    .map((ch) => (ch.charCodeAt(0) < 32 || '"<>|:*?'.includes(ch) ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 150);
  return cleaned || 'file';
}

/** Uploads an attachment to an editable application. */
export async function addAttachment(ctx: ServiceContext, id: number, file: UploadedFile): Promise<EvaluationEvidence> {
  const { access, row } = await loadApplication(ctx, id);
  if (!canApplyFor(access, row.school_id)) throw new AppError('FORBIDDEN', { userMessage: '只有申报学校的管理员可以上传材料' });
  if (row.call_state !== 'open' || !['draft', 'returned'].includes(row.status))
    throw new AppError('INVALID_STATE', { userMessage: '只有草稿或被退回的申报可以上传材料' });
  if (file.content.length === 0) throw new AppError('VALIDATION_FAILED', { userMessage: '文件为空' });
  if (file.content.length > AWARD_ATTACHMENT_MAX_BYTES) throw new AppError('LIMIT_EXCEEDED', { userMessage: '附件不能超过 20 MB' });
  return inTransaction(ctx, async (tx) => {
    const r = await tx.db
      .insertInto('award_attachment')
      .values({
        application_id: id,
        file_name: cleanFileName(file.fileName),
        content_type: file.contentType || 'application/octet-stream',
        size_bytes: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        content: file.content,
        uploaded_by: tx.actor.userId,
        uploaded_by_name: tx.actor.displayName,
      })
      .returning(['id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_by_name', 'uploaded_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx.db, tx.actor, {
      action: 'award.attachment.add',
      entityType: 'award_attachment',
      entityId: r.id,
      schoolId: row.school_id,
      summary: `上传成果奖申报材料《${r.file_name}》`,
      after: { applicationId: id, fileName: r.file_name, size: r.size_bytes, sha256: r.sha256 },
    });
    return {
      id: r.id,
      code: null,
      fileName: r.file_name,
      contentType: r.content_type,
      size: r.size_bytes,
      sha256: r.sha256,
      uploadedBy: r.uploaded_by_name,
      uploadedAt: r.uploaded_at.toISOString(),
    };
  });
}

/** One attachment of a visible application. */
export async function getAttachment(ctx: ServiceContext, id: number, fileId: number) {
  await loadApplication(ctx, id);
  const f = await repo.findAttachment(ctx.db, id, fileId);
  if (!f) throw notFound('申报材料');
  return { fileName: f.file_name, contentType: f.content_type, buffer: f.content };
}

/** Teachers for the lead / member pickers: a school administrator's own school for the lead, anyone active for members. */
export async function teacherOptions(ctx: ServiceContext, query: z.infer<typeof AwardTeacherOptionQuery>): Promise<AwardTeacherOption[]> {
  const access = awardAccess(ctx.actor);
  if (!access.isDistrictReader && access.adminSchoolIds.length === 0) throw new AppError('FORBIDDEN');
  const rows = await repo.searchTeachers(ctx.db, query.q, query.schoolId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    schoolId: r.school_id,
    schoolName: r.school_name ?? '',
    subject: r.subject,
    teachingStage: r.teaching_stage,
  }));
}

/** A teacher's own applications and results (the teacher themself, their school, or district roles). */
export async function teacherAwards(ctx: ServiceContext, teacherId: number): Promise<TeacherAwards> {
  const access = awardAccess(ctx.actor);
  if (!access.isDistrictReader && access.teacherId !== teacherId) {
    const [t] = await repo.findTeachers(ctx.db, [teacherId]);
    if (!t || t.school_id === null || !access.adminSchoolIds.includes(t.school_id)) throw notFound('教师');
  }
  const rows = await repo.findApplications(ctx.db, repo.applicationVisibleTo(access), {
    teacherId,
    statuses: ['submitted', 'returned', 'accepted'],
  });
  const items = await summaries(ctx, rows);
  return {
    teacherId,
    items: items.map((s) => ({
      id: s.id,
      callTitle: s.callTitle,
      callYear: s.callYear,
      title: s.title,
      statusLabel: s.statusLabel,
      gradeLabel: s.gradeLabel,
      cityResultLabel: s.cityResultLabel,
      isResultPublic: s.isResultPublic,
      rank: s.rank,
      isLead: s.leadTeacherId === teacherId,
    })),
  };
}

/** The applications of a round the caller may see, as a workbook (filters as the list). */
export async function applicationsXlsx(
  ctx: ServiceContext,
  query: z.infer<typeof AwardApplicationListQuery>,
): Promise<{ fileName: string; buffer: Buffer }> {
  const access = awardAccess(ctx.actor);
  const rows = await repo.findApplications(ctx.db, repo.applicationVisibleTo(access), {
    callId: query.callId,
    status: query.status,
    schoolId: query.schoolId,
    q: query.q,
  });
  const items = await summaries(ctx, rows);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('申报');
  sheet.addRow([
    '编号',
    '批次',
    '成果名称',
    '主持人',
    '团队成员',
    '学校',
    '类别',
    '学段',
    '学科',
    '状态',
    '提交时间',
    '审查意见',
    '得分',
    '名次',
    '等次',
    '市级结果',
  ]).font = {
    bold: true,
  };
  for (const a of items)
    sheet.addRow([
      a.id,
      a.callTitle,
      a.title,
      a.leadName,
      a.members
        .filter((m) => !m.isLead)
        .map((m) => `${m.name}（${m.schoolName}）`)
        .join('、'),
      a.schoolName,
      a.field,
      a.stage,
      a.subject,
      a.statusLabel,
      a.submittedAt ? a.submittedAt.slice(0, 10) : '',
      a.checkNote,
      a.score ?? '',
      a.rank ?? '',
      a.gradeLabel ?? a.excludedReason ?? '',
      a.cityResultLabel ?? '',
    ]);
  sheet.columns.forEach((c, i) => (c.width = [8, 28, 36, 10, 30, 24, 10, 8, 8, 14, 12, 24, 8, 6, 10, 12][i] ?? 12));
  return { fileName: '成果奖申报.xlsx', buffer: Buffer.from(await book.xlsx.writeBuffer()) };
}
