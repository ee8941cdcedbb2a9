/**
 * The validated row of each import kind. Imports parse xlsx rows into these; the demo generator builds
 * them directly; one bulk writer per kind stores them. Column headers of the templates are in
 * templates.ts (the import helper owns the parsing and validation).
 */
import type { BackboneLevel, Certificate, Education, Gender, PopulationBasis, Post, Sponsor, Staffing, Title } from '../codes/enums.ts';
import type { Stage } from '../codes/stages.ts';

/** 学校 row. */
export interface SchoolImportRow {
  code: string;
  name: string;
  typeCode: string;
  sponsor: Sponsor;
  isInclusive: boolean;
  urbanRuralCode: string;
  /** Street (街镇) by name; created under the district when new. */
  streetName: string | null;
  address: string;
  longitude: number | null;
  latitude: number | null;
  /** 开办日期; the first version of a new school starts here (else today). Absent or null leaves it unchanged. */
  openedOn?: string | null;
}

/** 学年学生 row: one school, one year, one grade. */
export interface StudentStatImportRow {
  schoolYear: number;
  schoolCode: string;
  /** Internal grade code (findGradeByLabel maps 一年级 → P1). */
  grade: string;
  classes: number;
  students: number;
  girls: number;
  newEntrants: number;
  graduates: number;
  transfersIn: number;
  transfersOut: number;
  migrantChildren: number;
  disabledStudents: number;
}

/** 办学条件 row: one school, one year. */
export interface ConditionImportRow {
  schoolYear: number;
  schoolCode: string;
  teachingArea: number;
  gymArea: number;
  sportsGroundArea: number;
  equipmentValue: number;
  multimediaRooms: number;
  musicRooms: number;
  artRooms: number;
  books: number;
  buildingArea: number | null;
  landArea: number | null;
}

/** 教师 row. The ID number is the natural key. */
export interface TeacherImportRow {
  idNumber: string;
  name: string;
  gender: Gender;
  birthDate: string;
  schoolCode: string;
  post: Post;
  isFullTime: boolean;
  teachingStage: Stage | null;
  subject: string | null;
  education: Education;
  title: Title;
  certificate: Certificate;
  staffing: Staffing;
  joinedSchoolOn: string | null;
  backboneLevel: BackboneLevel | null;
  backboneIssuedOn: string | null;
  /** End of the backbone recognition; when absent or null, three years after it was issued. */
  backboneValidUntil?: string | null;
}

/** 人口 row: one region, year, single year of age and 口径. */
export interface PopulationImportRow {
  year: number;
  regionCode: string;
  age: number;
  count: number;
  basis: PopulationBasis;
  source: string;
}
