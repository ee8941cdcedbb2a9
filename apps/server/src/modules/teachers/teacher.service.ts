/** Use cases of teacher records: list, detail, create, update, audited unmasking, transfers, recognitions. */
import type {
  Page,
  RecognitionInput,
  TeacherDetail,
  TeacherInput,
  TeacherListQuery,
  TeacherSummary,
  TeacherUpdate,
  TransferRequest,
} from '@zhiping/contracts';
import {
  CERTIFICATE,
  EDUCATION,
  POST,
  STAFFING,
  SUBJECTS,
  TEACHING_STAGE,
  TITLE,
  checkIdNumber,
  describeIdProblem,
  maskIdNumber,
  maskPhone,
} from '@zhiping/domain';
import { assertSchoolInScope, scopeFor } from '../../platform/access.ts';
import { diffFields, recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { assertNotRestricted } from '../ethics/restrictions.ts';
import { toAssignment, toRecognition, toTeacherDetail, toTeacherSummary } from './teacher.mapper.ts';
import * as repo from './teacher.repository.ts';

/** A page of teachers in the actor's scope (a teacher sees only their own record). */
export async function listTeachers(ctx: ServiceContext, query: TeacherListQuery): Promise<Page<TeacherSummary>> {
  const scope = scopeFor(ctx.actor, 'teachers:read');
  const { total, rows } = await repo.findTeacherPage(
    ctx.db,
    scope,
    {
      q: query.q,
      schoolId: query.schoolId,
      post: query.post,
      subject: query.subject,
      teachingStage: query.teachingStage,
      backbone: query.backbone,
      today: ctx.clock.today(),
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map(toTeacherSummary), total, page: query.page, pageSize: query.pageSize };
}

/** One teacher with recognitions and assignments; NOT_FOUND outside the actor's scope. */
export async function getTeacher(ctx: ServiceContext, id: number): Promise<TeacherDetail> {
  const row = await repo.findTeacher(ctx.db, scopeFor(ctx.actor, 'teachers:read'), id, ctx.clock.today());
  if (!row) throw notFound('教师');
  const [recognitions, assignments] = await Promise.all([repo.findRecognitions(ctx.db, id), repo.findAssignments(ctx.db, id)]);
  return toTeacherDetail(row, recognitions.map(toRecognition), assignments.map(toAssignment));
}

/** The unmasked ID number and phone; every call leaves an audit row. */
export async function getTeacherSensitive(ctx: ServiceContext, id: number): Promise<{ idNumber: string; phone: string | null }> {
  const scope = scopeFor(ctx.actor, 'teachers:unmask');
  const row = await repo.findTeacher(ctx.db, scope, id, ctx.clock.today());
  if (!row) throw notFound('教师');
  const result = { idNumber: ctx.crypto.decrypt(row.id_number_enc), phone: row.phone_enc ? ctx.crypto.decrypt(row.phone_enc) : null };
  await recordAudit(ctx.db, ctx.actor, {
    action: 'teacher.unmask',
    entityType: 'teacher',
    entityId: id,
    schoolId: row.school_id,
    summary: `查看教师 ${row.name} 的完整身份证号和手机号`,
  });
  return result;
}

type CodedFields = Pick<TeacherInput, 'post' | 'teachingStage' | 'subject' | 'education' | 'title' | 'certificate' | 'staffing'>;

/** Normalizes coded fields (label or code) to internal codes; throws VALIDATION_FAILED naming the field. */
function normalizeCodes(input: Partial<CodedFields>): Partial<CodedFields> {
  const out: Partial<CodedFields> = {};
  const pick = <K extends keyof CodedFields>(key: K, label: string, parse: (s: string) => string | undefined) => {
    const v = input[key];
    if (v === undefined) return;
    if (v === null) {
      (out as Record<string, unknown>)[key] = null;
      return;
    }
    const parsed = parse(v);
    if (!parsed) throw invalid(key, `${label}“${v}”不是有效值`);
    (out as Record<string, unknown>)[key] = parsed;
  };
  pick('post', '岗位类别', POST.parse);
  pick('teachingStage', '任教学段', TEACHING_STAGE.parse);
  pick('subject', '任教学科', (s) => ((SUBJECTS as readonly string[]).includes(s) ? s : undefined));
  pick('education', '最高学历', EDUCATION.parse);
  pick('title', '专业技术职务', TITLE.parse);
  pick('certificate', '教师资格证', CERTIFICATE.parse);
  pick('staffing', '编制情况', STAFFING.parse);
  return out;
}

/** Creates a teacher record at a school in the actor's scope; gender and birth date come from the ID number. */
export async function createTeacher(ctx: ServiceContext, input: TeacherInput): Promise<TeacherDetail> {
  const scope = scopeFor(ctx.actor, 'teachers:write');
  assertSchoolInScope(scope, input.schoolId);
  const id = checkIdNumber(input.idNumber, ctx.clock.today());
  if (!id.ok) throw invalid('idNumber', describeIdProblem(id.problem));
  const codes = normalizeCodes(input);
  const school = await repo.findOpenSchool(ctx.db, input.schoolId);
  if (!school || school.closed_on) throw invalid('schoolId', '学校不存在或已撤销');
  const hash = ctx.crypto.hash(id.normalized);
  if (await repo.findTeacherByIdHash(ctx.db, hash)) {
    throw new AppError('CONFLICT', {
      userMessage: '该身份证号的教师已登记，请在教师列表中查找或办理调动',
      issues: [{ path: 'idNumber', message: '身份证号已登记' }],
    });
  }
  const joined = input.joinedSchoolOn ?? ctx.clock.today();
  const newId = await inTransaction(ctx, async (tx) => {
    const teacherId = await repo.insertTeacher(tx.db, {
      id_number_hash: hash,
      id_number_enc: ctx.crypto.encrypt(id.normalized),
      id_number_masked: maskIdNumber(id.normalized),
      name: input.name,
      gender: id.gender,
      birth_date: id.birthDate,
      phone_enc: input.phone ? ctx.crypto.encrypt(input.phone) : null,
      phone_masked: input.phone ? maskPhone(input.phone) : null,
      school_id: input.schoolId,
      post: codes.post!,
      is_full_time: input.isFullTime,
      teaching_stage: codes.teachingStage ?? null,
      subject: codes.subject ?? null,
      education: codes.education!,
      title: codes.title ?? 'none',
      certificate: codes.certificate ?? 'none',
      staffing: codes.staffing ?? 'established',
      joined_school_on: input.joinedSchoolOn,
    });
    await repo.insertAssignment(tx.db, {
      teacher_id: teacherId,
      school_id: input.schoolId,
      home_school_id: null,
      kind: 'full',
      valid_from: joined,
      valid_to: null,
      reason: '新增教师',
    });
    await recordAudit(tx.db, ctx.actor, {
      action: 'teacher.create',
      entityType: 'teacher',
      entityId: teacherId,
      schoolId: input.schoolId,
      summary: `新增教师 ${input.name}（${maskIdNumber(id.normalized)}）`,
      after: { ...input, idNumber: maskIdNumber(id.normalized), phone: input.phone ? maskPhone(input.phone) : null },
    });
    return teacherId;
  });
  return getTeacher(ctx, newId);
}

/** Updates a teacher's own fields (not the school: that is a transfer). */
export async function updateTeacher(ctx: ServiceContext, id: number, input: TeacherUpdate): Promise<TeacherDetail> {
  const scope = scopeFor(ctx.actor, 'teachers:write');
  if (scope.kind === 'self') throw new AppError('FORBIDDEN');
  const row = await repo.findTeacher(ctx.db, scope, id, ctx.clock.today());
  if (!row) throw notFound('教师');
  const codes = normalizeCodes(input);
  const before = {
    name: row.name,
    post: row.post,
    is_full_time: row.is_full_time,
    teaching_stage: row.teaching_stage,
    subject: row.subject,
    education: row.education,
    title: row.title,
    certificate: row.certificate,
    staffing: row.staffing,
    joined_school_on: row.joined_school_on,
    phone: row.phone_masked,
  };
  const after = {
    name: input.name,
    post: codes.post,
    is_full_time: input.isFullTime,
    teaching_stage: codes.teachingStage,
    subject: codes.subject,
    education: codes.education,
    title: codes.title,
    certificate: codes.certificate,
    staffing: codes.staffing,
    joined_school_on: input.joinedSchoolOn,
    phone: input.phone === undefined ? undefined : input.phone ? maskPhone(input.phone) : null,
  };
  const diff = diffFields(before, after);
  if (Object.keys(diff.after).length === 0) return getTeacher(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const { phone: _phone, ...fields } = after;
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    await repo.updateTeacher(tx.db, id, {
      ...set,
      ...(input.phone !== undefined
        ? { phone_enc: input.phone ? ctx.crypto.encrypt(input.phone) : null, phone_masked: input.phone ? maskPhone(input.phone) : null }
        : {}),
      updated_at: ctx.clock.now(),
    });
    await recordAudit(tx.db, ctx.actor, {
      action: 'teacher.update',
      entityType: 'teacher',
      entityId: id,
      schoolId: row.school_id,
      summary: `修改教师 ${row.name} 的信息`,
      ...diff,
    });
  });
  return getTeacher(ctx, id);
}

/**
 * Moves a teacher to another school from a date (district users). History is kept: the open assignment
 * closes and a new one opens. A partial move (交流轮岗) keeps 编制 at the home school.
 */
export async function transferTeacher(ctx: ServiceContext, id: number, input: TransferRequest): Promise<TeacherDetail> {
  const scope = scopeFor(ctx.actor, 'teachers:write');
  if (scope.kind !== 'district') throw new AppError('FORBIDDEN', { userMessage: '教师调动须由区级用户办理' });
  const row = await repo.findTeacher(ctx.db, scope, id, ctx.clock.today());
  if (!row) throw notFound('教师');
  if (row.school_id === input.toSchoolId) throw invalid('toSchoolId', '调入学校与当前学校相同');
  const target = await repo.findOpenSchool(ctx.db, input.toSchoolId);
  if (!target || target.closed_on) throw invalid('toSchoolId', '调入学校不存在或已撤销');
  const open = await repo.findOpenAssignment(ctx.db, id);
  if (open && input.effectiveFrom <= open.valid_from) throw invalid('effectiveFrom', `调动日期须晚于当前任职开始日期 ${open.valid_from}`);
  await inTransaction(ctx, async (tx) => {
    await repo.closeOpenAssignments(tx.db, id, input.effectiveFrom);
    const home = input.kind === 'partial' ? (open?.home_school_id ?? row.school_id) : null;
    await repo.insertAssignment(tx.db, {
      teacher_id: id,
      school_id: input.toSchoolId,
      home_school_id: home,
      kind: input.kind,
      valid_from: input.effectiveFrom,
      valid_to: null,
      reason: input.reason,
    });
    await repo.updateTeacher(tx.db, id, {
      school_id: input.toSchoolId,
      joined_school_on: input.effectiveFrom,
      updated_at: ctx.clock.now(),
    });
    await recordAudit(tx.db, ctx.actor, {
      action: 'teacher.transfer',
      entityType: 'teacher',
      entityId: id,
      schoolId: input.toSchoolId,
      summary: `教师 ${row.name} 自 ${input.effectiveFrom} 由 ${row.school_name ?? '无'} ${input.kind === 'partial' ? '交流至' : '调入'} ${target.name}`,
      before: { school_id: row.school_id },
      after: { school_id: input.toSchoolId, kind: input.kind, reason: input.reason },
    });
  });
  return getTeacher(ctx, id);
}

/** Adds a backbone-teacher recognition (dated record). */
export async function addRecognition(ctx: ServiceContext, id: number, input: RecognitionInput): Promise<TeacherDetail> {
  const scope = scopeFor(ctx.actor, 'teachers:write');
  if (scope.kind === 'self') throw new AppError('FORBIDDEN');
  const row = await repo.findTeacher(ctx.db, scope, id, ctx.clock.today());
  if (!row) throw notFound('教师');
  if (input.validUntil && input.validUntil < input.issuedOn) throw invalid('validUntil', '有效期至不能早于认定日期');
  if (scope.kind === 'schools' && input.level !== 'school') {
    throw new AppError('FORBIDDEN', { userMessage: '区级及以上骨干教师须由区级用户录入' });
  }
  // 师德 处分期 or disqualification period on the recognition date blocks it (asked through the ethics service).
  await assertNotRestricted(ctx.db, id, 'backbone_recognition', input.issuedOn);
  await inTransaction(ctx, async (tx) => {
    const added = await repo.insertRecognition(tx.db, {
      teacher_id: id,
      level: input.level,
      subject: input.subject,
      issuer: input.issuer,
      issued_on: input.issuedOn,
      valid_until: input.validUntil,
    });
    if (!added) throw new AppError('CONFLICT', { userMessage: '同一级别、同一认定日期的记录已存在' });
    await recordAudit(tx.db, ctx.actor, {
      action: 'teacher.recognition.add',
      entityType: 'teacher',
      entityId: id,
      schoolId: row.school_id,
      summary: `登记教师 ${row.name} 的骨干认定`,
      after: input,
    });
  });
  return getTeacher(ctx, id);
}
