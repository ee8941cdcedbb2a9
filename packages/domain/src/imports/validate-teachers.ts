/** Validates one row of the 教师 template; the ID number is checked and is the source of gender and birth date. */
import type { BackboneLevel, Certificate, Education, Gender, Post, Staffing, Title } from '../codes/enums.ts';
import { GENDER } from '../codes/enums.ts';
import type { Stage } from '../codes/stages.ts';
import { checkIdNumber, describeIdProblem } from '../people/id-number.ts';
import { RowReader, type RawRow, type RowResult } from './row-reader.ts';
import type { TeacherImportRow } from './rows.ts';
import { IMPORT_TEMPLATES } from './templates.ts';

/** Context of teacher validation. */
export interface TeacherValidationOptions {
  /** Today, 'YYYY-MM-DD' (ID birth dates and dates of joining may not lie after it). */
  today: string;
}

/** Years a backbone-teacher recognition holds when the file gives no end date. */
export const BACKBONE_TERM_YEARS = 3;

/** The end of a backbone recognition: the given date, else issued + 3 years (29 February → 28 February). */
export function backboneValidUntil(issuedOn: string, given: string | null | undefined): string {
  if (given) return given;
  const md = issuedOn.slice(5) === '02-29' ? '02-28' : issuedOn.slice(5);
  return `${Number(issuedOn.slice(0, 4)) + BACKBONE_TERM_YEARS}-${md}`;
}

/** Turns the cells of a 教师 row into a TeacherImportRow or its problems. */
export function validateTeacherRow(raw: RawRow, options: TeacherValidationOptions): RowResult<TeacherImportRow> {
  const r = new RowReader(IMPORT_TEMPLATES.teachers, raw);
  const idCell = raw.idNumber;
  const idText = r.text('idNumber');
  let id: ReturnType<typeof checkIdNumber> | null = null;
  if (typeof idCell === 'number') {
    r.fail('idNumber', '身份证号须以文本格式填写（数字格式会丢失末位数字）');
  } else if (idText !== null) {
    id = checkIdNumber(idText, options.today);
    if (!id.ok) r.fail('idNumber', describeIdProblem(id.problem));
  }
  const name = r.text('name');
  const gender = r.code<Gender>('gender');
  const birthDate = r.date('birthDate');
  const schoolCode = r.text('schoolCode');
  const post = r.code<Post>('post');
  const isFullTime = r.boolean('isFullTime');
  const teachingStage = r.code<Stage>('teachingStage');
  const subject = r.code('subject');
  const education = r.code<Education>('education');
  const title = r.code<Title>('title') ?? 'none';
  const certificate = r.code<Certificate>('certificate') ?? 'none';
  const staffing = r.code<Staffing>('staffing') ?? 'established';
  const joinedSchoolOn = r.date('joinedSchoolOn');
  const backboneLevel = r.code<BackboneLevel>('backboneLevel');
  const backboneIssuedOn = r.date('backboneIssuedOn');
  const backboneValidUntil = r.date('backboneValidUntil');

  if (name !== null && name.length < 2) r.fail('name', '姓名至少2个字');
  if (id?.ok) {
    if (gender !== null && gender !== id.gender) r.fail('gender', `性别与身份证号不一致（身份证号为${GENDER.labels[id.gender]}）`);
    if (birthDate !== null && birthDate !== id.birthDate) r.fail('birthDate', `出生日期与身份证号不一致（身份证号为 ${id.birthDate}）`);
  }
  if (post === 'teacher' && isFullTime === false) r.fail('isFullTime', '岗位类别为专任教师时“是否专任教师”应为“是”');
  if (isFullTime) {
    if (teachingStage === null && !r.hasIssue('teachingStage')) r.fail('teachingStage', '专任教师须填写任教学段');
    if (subject === null && !r.hasIssue('subject')) r.fail('subject', '专任教师须填写任教学科');
  }
  if (joinedSchoolOn !== null) {
    if (joinedSchoolOn > options.today) r.fail('joinedSchoolOn', '调入本校日期不能晚于今天');
    else if (id?.ok && joinedSchoolOn <= id.birthDate) r.fail('joinedSchoolOn', '调入本校日期不能早于出生日期');
  }
  if (backboneLevel !== null && backboneIssuedOn === null && !r.hasIssue('backboneIssuedOn')) {
    r.fail('backboneIssuedOn', '填写骨干教师级别时须填写骨干认定日期');
  }
  if (backboneLevel === null && (backboneIssuedOn !== null || backboneValidUntil !== null) && !r.hasIssue('backboneLevel')) {
    r.fail('backboneLevel', '填写骨干认定日期时须填写骨干教师级别');
  }
  if (backboneIssuedOn !== null && backboneIssuedOn > options.today) r.fail('backboneIssuedOn', '骨干认定日期不能晚于今天');
  if (backboneIssuedOn !== null && backboneValidUntil !== null && backboneValidUntil < backboneIssuedOn) {
    r.fail('backboneValidUntil', '骨干有效期至不能早于骨干认定日期');
  }

  return r.result(() => {
    const checked = id as Extract<ReturnType<typeof checkIdNumber>, { ok: true }>;
    return {
      idNumber: checked.normalized,
      name: name!,
      gender: checked.gender,
      birthDate: checked.birthDate,
      schoolCode: schoolCode!,
      post: post!,
      isFullTime: isFullTime!,
      teachingStage,
      subject,
      education: education!,
      title,
      certificate,
      staffing,
      joinedSchoolOn,
      backboneLevel,
      backboneIssuedOn,
      backboneValidUntil,
    };
  });
}
