import { z } from 'zod';
import { IsoDate, PageQuery, pageOf } from './common.ts';

export const TeacherListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  schoolId: z.coerce.number().int().positive().optional(),
  post: z.string().optional(),
  subject: z.string().optional(),
  teachingStage: z.string().optional(),
  backbone: z.enum(['any', 'county_or_above']).optional(),
});
export type TeacherListQuery = z.infer<typeof TeacherListQuery>;

export const TeacherSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  idNumberMasked: z.string(),
  birthDate: z.string(),
  schoolId: z.number().int().nullable(),
  schoolName: z.string().nullable(),
  post: z.string(),
  isFullTime: z.boolean(),
  teachingStage: z.string().nullable(),
  subject: z.string().nullable(),
  education: z.string(),
  title: z.string(),
  certificate: z.string(),
  staffing: z.string(),
  joinedSchoolOn: z.string().nullable(),
  backboneLevel: z.string().nullable(),
});
export type TeacherSummary = z.infer<typeof TeacherSummary>;
export const TeacherPage = pageOf(TeacherSummary);

export const Recognition = z.object({
  id: z.number().int(),
  level: z.string(),
  subject: z.string().nullable(),
  issuer: z.string(),
  issuedOn: z.string(),
  validUntil: z.string().nullable(),
});
export type Recognition = z.infer<typeof Recognition>;

export const Assignment = z.object({
  id: z.number().int(),
  schoolId: z.number().int(),
  schoolName: z.string(),
  homeSchoolId: z.number().int().nullable(),
  homeSchoolName: z.string().nullable(),
  kind: z.enum(['full', 'partial']),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  reason: z.string(),
});
export type Assignment = z.infer<typeof Assignment>;

export const TeacherDetail = TeacherSummary.extend({
  phoneMasked: z.string().nullable(),
  recognitions: z.array(Recognition),
  assignments: z.array(Assignment),
});
export type TeacherDetail = z.infer<typeof TeacherDetail>;

/** Fields of a teacher record, without defaults (so a partial update never resets a field). */
const TeacherFields = z.object({
  idNumber: z.string().trim().min(1, '请输入身份证号'),
  name: z.string().trim().min(2, '姓名至少2个字').max(50),
  phone: z
    .string()
    .regex(/^1\d{10}$/, '手机号应为11位数字')
    .nullable(),
  schoolId: z.number().int().positive(),
  post: z.string().min(1),
  isFullTime: z.boolean(),
  teachingStage: z.string().nullable(),
  subject: z.string().nullable(),
  education: z.string().min(1),
  title: z.string(),
  certificate: z.string(),
  staffing: z.string(),
  joinedSchoolOn: IsoDate.nullable(),
});

/** A new teacher record; gender and birth date are read from the ID number. */
export const TeacherInput = TeacherFields.extend({
  phone: TeacherFields.shape.phone.default(null),
  teachingStage: TeacherFields.shape.teachingStage.default(null),
  subject: TeacherFields.shape.subject.default(null),
  title: TeacherFields.shape.title.default('none'),
  certificate: TeacherFields.shape.certificate.default('none'),
  staffing: TeacherFields.shape.staffing.default('established'),
  joinedSchoolOn: TeacherFields.shape.joinedSchoolOn.default(null),
});
export type TeacherInput = z.infer<typeof TeacherInput>;

export const TeacherUpdate = TeacherFields.omit({ idNumber: true, schoolId: true }).partial();
export type TeacherUpdate = z.infer<typeof TeacherUpdate>;

export const TransferRequest = z.object({
  toSchoolId: z.number().int().positive(),
  kind: z.enum(['full', 'partial']),
  effectiveFrom: IsoDate,
  reason: z.string().trim().min(2, '请填写调动原因').max(200),
});
export type TransferRequest = z.infer<typeof TransferRequest>;

export const RecognitionInput = z.object({
  level: z.enum(['school', 'district', 'city', 'province', 'national']),
  subject: z.string().nullable().default(null),
  issuer: z.string().trim().max(100).default(''),
  issuedOn: IsoDate,
  validUntil: IsoDate.nullable().default(null),
});
export type RecognitionInput = z.infer<typeof RecognitionInput>;

/** The unmasked sensitive fields of one teacher; every read of this is audited. */
export const TeacherSensitive = z.object({ idNumber: z.string(), phone: z.string().nullable() });
