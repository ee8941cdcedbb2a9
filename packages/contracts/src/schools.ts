import { z } from 'zod';
import { IsoDate, PageQuery, SchoolYear, pageOf } from './common.ts';

export const SchoolListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  typeCode: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  stage: z.enum(['preschool', 'primary', 'junior', 'senior', 'vocational', 'special']).optional(),
  streetId: z.coerce.number().int().positive().optional(),
  sponsor: z.enum(['public', 'private']).optional(),
  includeClosed: z.enum(['true', 'false']).default('false'),
  /** Year whose enrolment is shown in the list; defaults to the latest year with data. */
  year: SchoolYear.optional(),
});
export type SchoolListQuery = z.infer<typeof SchoolListQuery>;

export const SchoolSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  sponsor: z.enum(['public', 'private']),
  isInclusive: z.boolean(),
  urbanRuralCode: z.string(),
  streetId: z.number().int().nullable(),
  streetName: z.string().nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  students: z.number().int().nullable(),
  classes: z.number().int().nullable(),
  teachers: z.number().int(),
});
export type SchoolSummary = z.infer<typeof SchoolSummary>;
export const SchoolPage = pageOf(SchoolSummary);

export const SchoolVersion = z.object({
  validFrom: z.string(),
  validTo: z.string().nullable(),
  name: z.string(),
  typeCode: z.string(),
  sponsor: z.enum(['public', 'private']),
  isInclusive: z.boolean(),
  urbanRuralCode: z.string(),
  streetId: z.number().int().nullable(),
  streetName: z.string().nullable(),
  address: z.string(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
});
export type SchoolVersion = z.infer<typeof SchoolVersion>;

export const SchoolDetail = SchoolSummary.extend({
  address: z.string(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  districtName: z.string(),
  history: z.array(SchoolVersion),
  years: z.array(z.number().int()),
});
export type SchoolDetail = z.infer<typeof SchoolDetail>;

/** Fields a user may set on a school, without defaults (so a partial update never resets a field). */
const SchoolFields = z.object({
  code: z.string().regex(/^\d{10}$/, '学校标识码应为10位数字'),
  name: z.string().trim().min(2, '学校名称至少2个字').max(100),
  typeCode: z.string().regex(/^\d{3}$/, '办学类型代码应为3位数字'),
  sponsor: z.enum(['public', 'private']),
  isInclusive: z.boolean(),
  urbanRuralCode: z.string().regex(/^\d{3}$/, '城乡分类代码应为3位数字'),
  streetId: z.number().int().positive().nullable(),
  address: z.string().trim().max(200),
  longitude: z.number().min(-180).max(180).nullable(),
  latitude: z.number().min(-90).max(90).nullable(),
  openedOn: IsoDate.nullable(),
});

/** A new school; a change to any field later opens a new dated version. */
export const SchoolInput = SchoolFields.extend({
  isInclusive: SchoolFields.shape.isInclusive.default(false),
  address: SchoolFields.shape.address.default(''),
  longitude: SchoolFields.shape.longitude.default(null),
  latitude: SchoolFields.shape.latitude.default(null),
  openedOn: SchoolFields.shape.openedOn.default(null),
});
export type SchoolInput = z.infer<typeof SchoolInput>;

export const SchoolUpdate = SchoolFields.omit({ code: true }).partial().extend({
  /** Date from which the change holds (default today); earlier figures keep the old values. */
  effectiveFrom: IsoDate.optional(),
  closedOn: IsoDate.nullable().optional(),
});
export type SchoolUpdate = z.infer<typeof SchoolUpdate>;

export const GradeStat = z.object({
  grade: z.string(),
  gradeLabel: z.string(),
  classes: z.number().int(),
  students: z.number().int(),
  girls: z.number().int(),
  newEntrants: z.number().int(),
  graduates: z.number().int(),
  transfersIn: z.number().int(),
  transfersOut: z.number().int(),
  migrantChildren: z.number().int(),
  disabledStudents: z.number().int(),
});
export type GradeStat = z.infer<typeof GradeStat>;

export const Conditions = z.object({
  schoolYear: z.number().int(),
  teachingArea: z.number(),
  gymArea: z.number(),
  sportsGroundArea: z.number(),
  equipmentValue: z.number(),
  multimediaRooms: z.number().int(),
  musicRooms: z.number().int(),
  artRooms: z.number().int(),
  books: z.number().int(),
  buildingArea: z.number().nullable(),
  landArea: z.number().nullable(),
});
export type Conditions = z.infer<typeof Conditions>;

export const SchoolYearData = z.object({
  schoolYear: z.number().int(),
  grades: z.array(GradeStat),
  conditions: Conditions.nullable(),
});
export type SchoolYearData = z.infer<typeof SchoolYearData>;

export const Street = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
export type Street = z.infer<typeof Street>;

export const DistrictInfo = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string().nullable(),
  streets: z.array(Street),
  years: z.array(z.number().int()),
});
export type DistrictInfo = z.infer<typeof DistrictInfo>;

/** Counts for the home page of district users (and a school admin's own school). */
export const DistrictOverview = z.object({
  year: z.number().int().nullable(),
  years: z.array(z.number().int()),
  schoolCount: z.number().int(),
  schoolsByType: z.array(z.object({ typeCode: z.string(), typeName: z.string(), count: z.number().int() })),
  schoolsBySponsor: z.array(z.object({ sponsor: z.enum(['public', 'private']), count: z.number().int() })),
  studentsByStage: z.array(z.object({ stage: z.string(), label: z.string(), students: z.number().int(), classes: z.number().int() })),
  teacherCount: z.number().int(),
  fullTimeTeacherCount: z.number().int(),
});
export type DistrictOverview = z.infer<typeof DistrictOverview>;
