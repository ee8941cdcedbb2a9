import { describe, expect, it } from 'vitest';
import { buildIdNumber } from '../people/id-number.ts';
import { backboneValidUntil, validateTeacherRow } from './validate-teachers.ts';

const TODAY = '2026-11-22';
const ID = buildIdNumber('500104', '19850612', 371); // odd sequence: male
const GOOD = {
  idNumber: ID,
  name: '张伟',
  gender: '男',
  birthDate: '1985-06-12',
  schoolCode: '3500000001',
  post: '专任教师',
  isFullTime: '是',
  teachingStage: '小学',
  subject: '数学',
  education: '本科',
  title: '一级教师',
  certificate: '小学',
  staffing: '在编',
  joinedSchoolOn: '2010/9/1',
  backboneLevel: '区级',
  backboneIssuedOn: '2024-09-10',
  backboneValidUntil: null,
};
const validate = (change: Record<string, unknown>) => validateTeacherRow({ ...GOOD, ...change } as never, { today: TODAY });

describe('validateTeacherRow', () => {
  it('turns a good row into a TeacherImportRow', () => {
    expect(validate({})).toEqual({
      ok: true,
      row: {
        idNumber: ID,
        name: '张伟',
        gender: 'male',
        birthDate: '1985-06-12',
        schoolCode: '3500000001',
        post: 'teacher',
        isFullTime: true,
        teachingStage: 'primary',
        subject: '数学',
        education: 'bachelor',
        title: 'level1',
        certificate: 'primary',
        staffing: 'established',
        joinedSchoolOn: '2010-09-01',
        backboneLevel: 'district',
        backboneIssuedOn: '2024-09-10',
        backboneValidUntil: null,
      },
    });
  });

  it('takes gender and birth date from the ID number when left blank, and normalizes a lower-case x', () => {
    const r = validate({ idNumber: '11010519491231002x', gender: null, birthDate: '' });
    expect(r.ok && [r.row.idNumber, r.row.gender, r.row.birthDate]).toEqual(['11010519491231002X', 'female', '1949-12-31']);
  });

  it('defaults title, certificate and staffing', () => {
    const r = validate({ title: null, certificate: null, staffing: null });
    expect(r.ok && [r.row.title, r.row.certificate, r.row.staffing]).toEqual(['none', 'none', 'established']);
  });

  it.each([
    [{ idNumber: ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0') }, '身份证号', '身份证号校验位错误'],
    [{ idNumber: '5001041985' }, '身份证号', '身份证号应为18位，前17位为数字，末位为数字或X'],
    [{ idNumber: 500104198506123710 }, '身份证号', '身份证号须以文本格式填写（数字格式会丢失末位数字）'],
    [{ idNumber: buildIdNumber('500104', '20300101', 1) }, '身份证号', '身份证号中的出生日期不是有效日期'],
    [{ gender: '女' }, '性别', '性别与身份证号不一致（身份证号为男）'],
    [{ birthDate: '1985-06-13' }, '出生日期', '出生日期与身份证号不一致（身份证号为 1985-06-12）'],
    [{ name: '' }, '姓名', '姓名不能为空'],
    [{ education: '大专' }, '最高学历', '最高学历“大专”不是有效值，可选：高中及以下、中专、专科、本科、硕士研究生、博士研究生'],
    [{ schoolCode: '35000000' }, '学校标识码', '学校标识码应为10位数字'],
    [{ isFullTime: '否' }, '是否专任教师', '岗位类别为专任教师时“是否专任教师”应为“是”'],
    [{ subject: null }, '任教学科', '专任教师须填写任教学科'],
    [{ subject: '编程' }, '任教学科', '任教学科“编程”不是有效值，可选：语文、数学、英语、物理、化学、生物、道德与法治、思想政治等'],
    [{ teachingStage: null }, '任教学段', '专任教师须填写任教学段'],
    [{ joinedSchoolOn: '2027-01-01' }, '调入本校日期', '调入本校日期不能晚于今天'],
    [{ joinedSchoolOn: '1980-01-01' }, '调入本校日期', '调入本校日期不能早于出生日期'],
    [{ backboneIssuedOn: null }, '骨干认定日期', '填写骨干教师级别时须填写骨干认定日期'],
    [{ backboneLevel: null }, '骨干教师级别', '填写骨干认定日期时须填写骨干教师级别'],
    [{ backboneValidUntil: '2020-01-01' }, '骨干有效期至', '骨干有效期至不能早于骨干认定日期'],
  ])('reports %o at %s', (change, column, message) => {
    expect(validate(change)).toEqual({ ok: false, errors: [{ column, message }] });
  });

  it('does not require stage and subject of staff who are not full-time teachers', () => {
    const r = validate({ post: '行政人员', isFullTime: '否', teachingStage: null, subject: null });
    expect(r.ok && [r.row.post, r.row.isFullTime, r.row.subject]).toEqual(['admin', false, null]);
  });
});

describe('backboneValidUntil', () => {
  it.each([
    ['2024-09-10', null, '2027-09-10'],
    ['2024-02-29', undefined, '2027-02-28'],
    ['2024-09-10', '2026-06-30', '2026-06-30'],
  ])('issued %s, given %s → %s', (issued, given, expected) => {
    expect(backboneValidUntil(issued, given)).toBe(expected);
  });
});
