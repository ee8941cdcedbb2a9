/**
 * The import templates: for each kind, the ordered columns with their Chinese header, the row field
 * they fill, whether they are required, their type, and the allowed values that become the template's
 * drop-down lists. Templates, validators, exports and annotated reports all read these definitions.
 */
import type { ConditionImportRow, PopulationImportRow, SchoolImportRow, StudentStatImportRow, TeacherImportRow } from './rows.ts';
import {
  BACKBONE_LEVEL_DOMAIN,
  CERTIFICATE_DOMAIN,
  EDUCATION_DOMAIN,
  GENDER_DOMAIN,
  GRADE_DOMAIN,
  POPULATION_BASIS_DOMAIN,
  POST_DOMAIN,
  SCHOOL_TYPE_DOMAIN,
  SPONSOR_DOMAIN,
  STAFFING_DOMAIN,
  SUBJECT_DOMAIN,
  TEACHING_STAGE_DOMAIN,
  TITLE_DOMAIN,
  URBAN_RURAL_DOMAIN,
  type CodeDomain,
} from './code-domains.ts';

/** The record kinds that can be imported (the same list as IMPORT_KINDS in the contracts). */
export type TemplateKind = 'schools' | 'students' | 'conditions' | 'teachers' | 'population';

/** The validated row type of each kind. */
export interface ImportRowOfKind {
  schools: SchoolImportRow;
  students: StudentStatImportRow;
  conditions: ConditionImportRow;
  teachers: TeacherImportRow;
  population: PopulationImportRow;
}

export type ColumnType = 'text' | 'integer' | 'decimal' | 'date' | 'boolean' | 'code' | 'schoolYear';

/** One column of a template. */
export interface TemplateColumn<Key extends string = string> {
  /** The row field the column fills. */
  key: Key;
  /** Chinese header, matched exactly (after trimming) when a file is read. */
  header: string;
  type: ColumnType;
  /** Whether the header must be present and every row must fill the cell. */
  required: boolean;
  /** For 'code' columns: the allowed values. */
  codes?: CodeDomain;
  /** For numeric columns (and the school year): inclusive bounds. */
  min?: number;
  max?: number;
  /** For text columns: the longest accepted text. */
  maxLength?: number;
  /** For text columns: a shape the text must have, and the message when it has not. */
  pattern?: { regex: RegExp; message: string };
  /** Filling hint shown as the header's note in the template. */
  note?: string;
  /** Column width in the template (characters). */
  width?: number;
}

/** A template: its sheet, columns, and the columns forming the natural key of a row. */
export interface ImportTemplate<K extends TemplateKind = TemplateKind> {
  kind: K;
  /** Sheet name of the data sheet (the kind's Chinese name). */
  sheetName: string;
  columns: readonly TemplateColumn<keyof ImportRowOfKind[K] & string>[];
  /** Fields of the natural key (most specific last): two rows with the same key in one file are duplicates. */
  keyFields: readonly (keyof ImportRowOfKind[K] & string)[];
}

/** Any kind's template, seen through plain string keys (for code that handles every kind alike). */
export interface AnyImportTemplate {
  kind: TemplateKind;
  sheetName: string;
  columns: readonly TemplateColumn[];
  keyFields: readonly string[];
}

const SCHOOL_CODE = { regex: /^\d{10}$/, message: '学校标识码应为10位数字' };
const YEARS = { min: 1990, max: 2100 };
const COUNT = { type: 'integer' as const, min: 0, max: 10_000_000 };
const AREA = { type: 'decimal' as const, min: 0, max: 1e10 };

const SCHOOLS: ImportTemplate<'schools'> = {
  kind: 'schools',
  sheetName: '学校',
  keyFields: ['code'],
  columns: [
    { key: 'code', header: '学校标识码', type: 'text', required: true, pattern: SCHOOL_CODE, note: '10位学校标识码', width: 14 },
    { key: 'name', header: '学校名称', type: 'text', required: true, maxLength: 100, width: 28 },
    {
      key: 'typeCode',
      header: '办学类型代码',
      type: 'code',
      required: true,
      codes: SCHOOL_TYPE_DOMAIN,
      note: 'JY/T 1001 办学类型代码，可填代码或名称',
      width: 22,
    },
    { key: 'sponsor', header: '举办者类型', type: 'code', required: true, codes: SPONSOR_DOMAIN },
    { key: 'isInclusive', header: '是否普惠', type: 'boolean', required: false, note: '幼儿园填写：是/否；空白视为“否”' },
    { key: 'urbanRuralCode', header: '城乡分类代码', type: 'code', required: true, codes: URBAN_RURAL_DOMAIN, width: 16 },
    {
      key: 'streetName',
      header: '所在街镇',
      type: 'text',
      required: false,
      maxLength: 50,
      note: '街道或镇的名称；新名称会自动建立',
      width: 14,
    },
    { key: 'address', header: '地址', type: 'text', required: false, maxLength: 200, width: 30 },
    { key: 'longitude', header: '经度', type: 'decimal', required: false, min: -180, max: 180 },
    { key: 'latitude', header: '纬度', type: 'decimal', required: false, min: -90, max: 90 },
    { key: 'openedOn', header: '开办日期', type: 'date', required: false, note: '选填，YYYY-MM-DD', width: 12 },
  ],
};

const STUDENTS: ImportTemplate<'students'> = {
  kind: 'students',
  sheetName: '学年学生',
  keyFields: ['schoolYear', 'schoolCode', 'grade'],
  columns: [
    { key: 'schoolYear', header: '学年', type: 'schoolYear', required: true, ...YEARS, note: '起始年份，如 2025 表示 2025-2026 学年' },
    { key: 'schoolCode', header: '学校标识码', type: 'text', required: true, pattern: SCHOOL_CODE, width: 14 },
    { key: 'grade', header: '年级', type: 'code', required: true, codes: GRADE_DOMAIN },
    { key: 'classes', header: '班数', required: true, ...COUNT },
    { key: 'students', header: '在校生数', required: true, ...COUNT },
    { key: 'girls', header: '女生数', required: true, ...COUNT },
    { key: 'newEntrants', header: '招生数', required: false, ...COUNT },
    { key: 'graduates', header: '毕业生数', required: false, ...COUNT },
    { key: 'transfersIn', header: '转入数', required: false, ...COUNT },
    { key: 'transfersOut', header: '转出数', required: false, ...COUNT },
    { key: 'migrantChildren', header: '随迁子女数', required: false, ...COUNT },
    { key: 'disabledStudents', header: '残疾学生数', required: false, ...COUNT },
  ],
};

const CONDITIONS: ImportTemplate<'conditions'> = {
  kind: 'conditions',
  sheetName: '办学条件',
  keyFields: ['schoolYear', 'schoolCode'],
  columns: [
    { key: 'schoolYear', header: '学年', type: 'schoolYear', required: true, ...YEARS, note: '起始年份，如 2025 表示 2025-2026 学年' },
    { key: 'schoolCode', header: '学校标识码', type: 'text', required: true, pattern: SCHOOL_CODE, width: 14 },
    { key: 'teachingArea', header: '教学及辅助用房面积', required: true, ...AREA, note: '平方米', width: 20 },
    { key: 'gymArea', header: '体育馆面积', required: true, ...AREA, note: '平方米；没有填 0' },
    { key: 'sportsGroundArea', header: '运动场地面积', required: true, ...AREA, note: '平方米', width: 14 },
    { key: 'equipmentValue', header: '教学仪器设备值', required: true, ...AREA, note: '元', width: 16 },
    { key: 'multimediaRooms', header: '网络多媒体教室数', required: true, ...COUNT, width: 18 },
    { key: 'musicRooms', header: '音乐教室数', required: true, ...COUNT },
    { key: 'artRooms', header: '美术教室数', required: true, ...COUNT },
    { key: 'books', header: '图书册数', required: true, ...COUNT },
    { key: 'buildingArea', header: '校舍建筑面积', required: false, ...AREA, note: '平方米（选填）', width: 14 },
    { key: 'landArea', header: '占地面积', required: false, ...AREA, note: '平方米（选填）' },
  ],
};

const TEACHERS: ImportTemplate<'teachers'> = {
  kind: 'teachers',
  sheetName: '教师',
  keyFields: ['idNumber'],
  columns: [
    { key: 'idNumber', header: '身份证号', type: 'text', required: true, note: '18位，请以文本格式填写', width: 21 },
    { key: 'name', header: '姓名', type: 'text', required: true, maxLength: 50 },
    { key: 'gender', header: '性别', type: 'code', required: false, codes: GENDER_DOMAIN, note: '空白时按身份证号推定' },
    { key: 'birthDate', header: '出生日期', type: 'date', required: false, note: 'YYYY-MM-DD；空白时按身份证号推定', width: 12 },
    { key: 'schoolCode', header: '学校标识码', type: 'text', required: true, pattern: SCHOOL_CODE, width: 14 },
    { key: 'post', header: '岗位类别', type: 'code', required: true, codes: POST_DOMAIN, width: 14 },
    { key: 'isFullTime', header: '是否专任教师', type: 'boolean', required: true, width: 14 },
    { key: 'teachingStage', header: '任教学段', type: 'code', required: false, codes: TEACHING_STAGE_DOMAIN, note: '专任教师必填' },
    { key: 'subject', header: '任教学科', type: 'code', required: false, codes: SUBJECT_DOMAIN, note: '专任教师必填' },
    { key: 'education', header: '最高学历', type: 'code', required: true, codes: EDUCATION_DOMAIN, width: 12 },
    { key: 'title', header: '专业技术职务', type: 'code', required: false, codes: TITLE_DOMAIN, note: '空白视为“未评职称”', width: 14 },
    { key: 'certificate', header: '教师资格证', type: 'code', required: false, codes: CERTIFICATE_DOMAIN, note: '空白视为“无”', width: 12 },
    { key: 'staffing', header: '编制情况', type: 'code', required: false, codes: STAFFING_DOMAIN, note: '空白视为“在编”' },
    { key: 'joinedSchoolOn', header: '调入本校日期', type: 'date', required: false, width: 14 },
    { key: 'backboneLevel', header: '骨干教师级别', type: 'code', required: false, codes: BACKBONE_LEVEL_DOMAIN, width: 14 },
    { key: 'backboneIssuedOn', header: '骨干认定日期', type: 'date', required: false, note: '填写骨干教师级别时必填', width: 14 },
    { key: 'backboneValidUntil', header: '骨干有效期至', type: 'date', required: false, note: '选填；空白为认定日期后3年', width: 14 },
  ],
};

const POPULATION: ImportTemplate<'population'> = {
  kind: 'population',
  sheetName: '人口',
  keyFields: ['regionCode', 'year', 'basis', 'age'],
  columns: [
    { key: 'year', header: '年份', type: 'integer', required: true, ...YEARS },
    {
      key: 'regionCode',
      header: '区划代码',
      type: 'text',
      required: true,
      pattern: { regex: /^\d{6}$/, message: '区划代码应为6位数字' },
      note: 'GB/T 2260 六位代码',
    },
    { key: 'age', header: '年龄', type: 'integer', required: true, min: 0, max: 120, note: '周岁，0–120' },
    { key: 'count', header: '人口数', required: true, ...COUNT },
    { key: 'basis', header: '口径', type: 'code', required: true, codes: POPULATION_BASIS_DOMAIN },
    { key: 'source', header: '数据来源', type: 'text', required: false, maxLength: 100, width: 20 },
  ],
};

/** Every template by kind. */
export const IMPORT_TEMPLATES: { [K in TemplateKind]: ImportTemplate<K> } = {
  schools: SCHOOLS,
  students: STUDENTS,
  conditions: CONDITIONS,
  teachers: TEACHERS,
  population: POPULATION,
};

/** A kind's template through plain string keys. */
export function templateOf(kind: TemplateKind): AnyImportTemplate {
  return IMPORT_TEMPLATES[kind];
}

/** The header of a row field in a kind's template (for messages about that field). */
export function headerOf<K extends TemplateKind>(kind: K, key: keyof ImportRowOfKind[K] & string): string {
  const column = (IMPORT_TEMPLATES[kind].columns as readonly TemplateColumn[]).find((c) => c.key === key);
  if (!column) throw new Error(`no column ${key} in the ${kind} template`);
  return column.header;
}
