import { describe, expect, it } from 'vitest';
import { buildIdNumber } from '../people/id-number.ts';
import { formatImportRow } from './format-row.ts';
import type { RawRow } from './row-reader.ts';
import type { ConditionImportRow, PopulationImportRow, SchoolImportRow, StudentStatImportRow, TeacherImportRow } from './rows.ts';
import { IMPORT_TEMPLATES, type ImportRowOfKind, type TemplateKind } from './templates.ts';
import { DuplicateFinder, naturalKeyOf, validateImportRow } from './validate-row.ts';

const TODAY = '2026-11-22';

const teacher: TeacherImportRow = {
  idNumber: buildIdNumber('500104', '19850612', 372),
  name: '李娜',
  gender: 'female',
  birthDate: '1985-06-12',
  schoolCode: '3500000001',
  post: 'teacher',
  isFullTime: true,
  teachingStage: 'junior',
  subject: '英语',
  education: 'master',
  title: 'senior',
  certificate: 'junior',
  staffing: 'contract',
  joinedSchoolOn: '2012-09-01',
  backboneLevel: 'city',
  backboneIssuedOn: '2023-09-01',
  backboneValidUntil: '2026-08-31',
};
const SAMPLES: { [K in TemplateKind]: ImportRowOfKind[K] } = {
  schools: {
    code: '3500000001',
    name: '示例区第一中学',
    typeCode: '341',
    sponsor: 'public',
    isInclusive: false,
    urbanRuralCode: '121',
    streetName: '东城街道',
    address: '学府路8号',
    longitude: 106.5,
    latitude: 29.5,
    openedOn: '1998-09-01',
  } satisfies SchoolImportRow,
  students: {
    schoolYear: 2025,
    schoolCode: '3500000001',
    grade: 'J2',
    classes: 8,
    students: 360,
    girls: 170,
    newEntrants: 0,
    graduates: 0,
    transfersIn: 3,
    transfersOut: 2,
    migrantChildren: 41,
    disabledStudents: 2,
  } satisfies StudentStatImportRow,
  conditions: {
    schoolYear: 2025,
    schoolCode: '3500000001',
    teachingArea: 9800.25,
    gymArea: 1200,
    sportsGroundArea: 15000,
    equipmentValue: 3_600_000.5,
    multimediaRooms: 40,
    musicRooms: 3,
    artRooms: 3,
    books: 98_000,
    buildingArea: 21000,
    landArea: null,
  } satisfies ConditionImportRow,
  teachers: teacher,
  population: {
    year: 2025,
    regionCode: '500199',
    age: 12,
    count: 6021,
    basis: 'registered',
    source: '公安户籍',
  } satisfies PopulationImportRow,
};

/** What a reader would hand over for the cells an export writes. */
function asRaw(kind: TemplateKind, cells: unknown[]): RawRow {
  return Object.fromEntries(IMPORT_TEMPLATES[kind].columns.map((c, i) => [c.key, cells[i] ?? null])) as RawRow;
}

describe('validateImportRow and formatImportRow', () => {
  it.each(Object.keys(SAMPLES) as TemplateKind[])('round-trips a %s row: format → validate gives the same row', (kind) => {
    const row = SAMPLES[kind];
    const again = validateImportRow(kind, asRaw(kind, formatImportRow(kind, row)), { today: TODAY });
    expect(again).toEqual({ ok: true, row });
  });

  it('writes codes as their labels and the school-type code as the code', () => {
    expect(formatImportRow('teachers', teacher).slice(0, 7)).toEqual([
      teacher.idNumber,
      '李娜',
      '女',
      '1985-06-12',
      '3500000001',
      '专任教师',
      '是',
    ]);
    expect(formatImportRow('schools', SAMPLES.schools)[2]).toBe('341');
    expect(formatImportRow('students', SAMPLES.students)[2]).toBe('八年级');
  });
});

describe('DuplicateFinder', () => {
  it('reports a repeated ID number with the first row it appeared on', () => {
    const finder = new DuplicateFinder('teachers');
    expect(finder.check(teacher, 2)).toBeNull();
    expect(finder.check({ ...teacher, idNumber: buildIdNumber('500104', '19850612', 374) }, 3)).toBeNull();
    expect(finder.check({ ...teacher, name: '李娜娜' }, 12)).toEqual({ column: '身份证号', message: '与第 2 行重复（身份证号）' });
  });

  it('compares every field of a composite key', () => {
    const finder = new DuplicateFinder('students');
    expect(finder.check(SAMPLES.students, 2)).toBeNull();
    expect(finder.check({ ...SAMPLES.students, grade: 'J3' }, 3)).toBeNull();
    expect(finder.check({ ...SAMPLES.students, schoolYear: 2024 }, 4)).toBeNull();
    expect(finder.check({ ...SAMPLES.students, classes: 9 }, 5)).toEqual({
      column: '年级',
      message: '与第 2 行重复（学年、学校标识码、年级）',
    });
    expect(naturalKeyOf('population', SAMPLES.population)).toBe(['500199', 2025, 'registered', 12].join('\u0001'));
  });
});

describe('templates', () => {
  it('lists the required headers of the issue in order', () => {
    const headers = (kind: TemplateKind) => IMPORT_TEMPLATES[kind].columns.map((c) => c.header);
    expect(headers('schools').slice(0, 10)).toEqual([
      '学校标识码',
      '学校名称',
      '办学类型代码',
      '举办者类型',
      '是否普惠',
      '城乡分类代码',
      '所在街镇',
      '地址',
      '经度',
      '纬度',
    ]);
    expect(headers('students')).toEqual([
      '学年',
      '学校标识码',
      '年级',
      '班数',
      '在校生数',
      '女生数',
      '招生数',
      '毕业生数',
      '转入数',
      '转出数',
      '随迁子女数',
      '残疾学生数',
    ]);
    expect(headers('conditions').slice(0, 10)).toEqual([
      '学年',
      '学校标识码',
      '教学及辅助用房面积',
      '体育馆面积',
      '运动场地面积',
      '教学仪器设备值',
      '网络多媒体教室数',
      '音乐教室数',
      '美术教室数',
      '图书册数',
    ]);
    expect(headers('teachers').slice(0, 16)).toEqual([
      '身份证号',
      '姓名',
      '性别',
      '出生日期',
      '学校标识码',
      '岗位类别',
      '是否专任教师',
      '任教学段',
      '任教学科',
      '最高学历',
      '专业技术职务',
      '教师资格证',
      '编制情况',
      '调入本校日期',
      '骨干教师级别',
      '骨干认定日期',
    ]);
    expect(headers('population').slice(0, 5)).toEqual(['年份', '区划代码', '年龄', '人口数', '口径']);
  });

  it('offers the grade labels of the issue as the 年级 drop-down', () => {
    const grade = IMPORT_TEMPLATES.students.columns.find((c) => c.key === 'grade')!;
    expect(grade.codes!.options).toEqual([
      '托班',
      '小班',
      '中班',
      '大班',
      '一年级',
      '二年级',
      '三年级',
      '四年级',
      '五年级',
      '六年级',
      '七年级',
      '八年级',
      '九年级',
      '高一',
      '高二',
      '高三',
      '中职一年级',
      '中职二年级',
      '中职三年级',
    ]);
  });
});
