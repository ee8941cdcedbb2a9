import { buildIdNumber, templateOf } from '@zhiping/domain';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildSchool } from '../../../test/factories.ts';
import { buildXlsx, multipart, readXlsx, uploadAndValidate } from '../../../test/xlsx.ts';

let t: TestApp;
let admin: TestClient;
const SCHOOL = '3501000001';
const TEACHER_HEADERS = templateOf('teachers').columns.map((c) => c.header);
const ID_A = buildIdNumber('500104', '19850612', 371);
const ID_B = buildIdNumber('500104', '19900301', 402);
const BAD_CHECKSUM = ID_B.slice(0, 17) + (ID_B[17] === '1' ? '2' : '1');

/** A teacher row in template column order. */
function teacherRow(id: string, change: Partial<Record<string, unknown>> = {}): unknown[] {
  const base: Record<string, unknown> = {
    身份证号: id,
    姓名: '王芳',
    性别: null,
    出生日期: null,
    学校标识码: SCHOOL,
    岗位类别: '专任教师',
    是否专任教师: '是',
    任教学段: '小学',
    任教学科: '语文',
    最高学历: '本科',
    专业技术职务: '二级教师',
    教师资格证: '小学',
    编制情况: '在编',
    调入本校日期: '2015-09-01',
    骨干教师级别: null,
    骨干认定日期: null,
    骨干有效期至: null,
    ...change,
  };
  return TEACHER_HEADERS.map((h) => base[h] ?? null);
}

beforeAll(async () => {
  t = await createTestApp();
  await buildSchool(t.database, t.districtId, { code: SCHOOL });
  admin = await signInAs(t, [{ role: 'district_admin' }]);
});
afterAll(async () => {
  await t?.close();
});

describe('import templates', () => {
  it('serves each kind with the issue’s Chinese headers and drop-down lists from the code lists', async () => {
    const expected: Record<string, string[]> = {
      schools: ['学校标识码', '学校名称', '办学类型代码', '举办者类型', '是否普惠', '城乡分类代码', '所在街镇', '地址', '经度', '纬度'],
      students: [
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
      ],
      conditions: [
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
      ],
      teachers: [
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
      ],
      population: ['年份', '区划代码', '年龄', '人口数', '口径'],
    };
    for (const [kind, headers] of Object.entries(expected)) {
      const res = await admin.get(`/api/v1/imports/templates/${kind}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const { rows, workbook } = await readXlsx(res.rawPayload);
      expect(rows[0]!.slice(0, headers.length)).toEqual(headers);
      expect(workbook.getWorksheet('代码表')?.state).toBe('hidden');
    }
    const { workbook } = await readXlsx((await admin.get('/api/v1/imports/templates/students')).rawPayload);
    const grades = workbook.getWorksheet('代码表')!.getColumn(1).values.slice(2);
    expect(grades).toEqual([
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
    const validation = (
      workbook.getWorksheet('学年学生') as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }
    ).dataValidations.find('C2');
    expect(validation).toMatchObject({ type: 'list', formulae: ["'代码表'!$A$2:$A$20"] });
  });
});

describe('upload checks', () => {
  it('answers 400 with a Chinese message for a file that is not xlsx, a corrupt one, or a missing file field', async () => {
    const cases = [
      multipart('a.xlsx', Buffer.from('not a spreadsheet')),
      multipart('b.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300, 1)])),
    ];
    for (const body of cases) {
      const res = await admin.inject({ method: 'POST', url: '/api/v1/imports/teachers', ...body });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: '无法读取文件，请上传 .xlsx 格式的 Excel 文件' });
    }
    const wrongField = await admin.inject({
      method: 'POST',
      url: '/api/v1/imports/teachers',
      ...multipart('c.xlsx', await buildXlsx(['x'], []), 'upload'),
    });
    expect(wrongField.statusCode).toBe(400);
    const json = await admin.post('/api/v1/imports/teachers', { file: 'x' });
    expect(json.statusCode).toBe(400);
  });

  it('answers 400 listing the missing required headers', async () => {
    const file = await buildXlsx(['身份证号', '姓名', '性别'], [[ID_A, '王芳', '女']]);
    const res = await admin.inject({ method: 'POST', url: '/api/v1/imports/teachers', ...multipart('t.xlsx', file) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('缺少必需的列：学校标识码、岗位类别、是否专任教师、最高学历。请使用“教师”导入模板');
    expect(res.json().error.details).toEqual({ missingHeaders: ['学校标识码', '岗位类别', '是否专任教师', '最高学历'] });
  });
});

describe('dry run', () => {
  it('reports every error by row and column, writes nothing, and refuses the commit', async () => {
    const file = await buildXlsx(TEACHER_HEADERS, [
      teacherRow(ID_A),
      teacherRow(BAD_CHECKSUM),
      teacherRow(ID_A, { 姓名: '王芳芳' }),
      teacherRow(ID_B, { 学校标识码: '3599999999' }),
      teacherRow(buildIdNumber('500104', '19870101', 12), { 最高学历: '大专', 性别: '男' }),
    ]);
    const job = await uploadAndValidate(admin, 'teachers', file);
    expect(job).toMatchObject({ status: 'invalid', totalRows: 5, errorCount: 5 });
    expect(job.errors).toEqual([
      { row: 3, column: '身份证号', message: '身份证号校验位错误' },
      { row: 4, column: '身份证号', message: '与第 2 行重复（身份证号）' },
      { row: 5, column: '学校标识码', message: '学校标识码 3599999999 不存在' },
      { row: 6, column: '最高学历', message: '最高学历“大专”不是有效值，可选：高中及以下、中专、专科、本科、硕士研究生、博士研究生' },
      { row: 6, column: '性别', message: '性别与身份证号不一致（身份证号为女）' },
    ]);
    expect((await t.database.db.selectFrom('teacher').select('id').execute()).length).toBe(0);
    const commit = await admin.post(`/api/v1/imports/${job.id}/commit`);
    expect(commit.statusCode).toBe(409);
    expect(commit.json().error.message).toBe('文件存在错误，不能提交；请下载错误报告，修改后重新上传');
  });

  it('checks statistics rows: girls above students and an unknown grade', async () => {
    const headers = templateOf('students').columns.map((c) => c.header);
    const file = await buildXlsx(headers, [
      [2025, SCHOOL, '一年级', 4, 160, 170, 160, 0, 0, 0, 0, 0],
      [2025, SCHOOL, '十年级', 4, 160, 70, 160, 0, 0, 0, 0, 0],
    ]);
    const job = await uploadAndValidate(admin, 'students', file);
    expect(job.errors).toEqual([
      { row: 2, column: '女生数', message: '女生数不能大于在校生数' },
      { row: 3, column: '年级', message: '年级“十年级”不是有效年级' },
    ]);
  });

  it('offers the annotated report: the original rows, a 错误说明 column and red bad cells', async () => {
    const file = await buildXlsx(TEACHER_HEADERS, [teacherRow(ID_A), teacherRow(BAD_CHECKSUM, { 姓名: '' })]);
    const job = await uploadAndValidate(admin, 'teachers', file, '教师名单.xlsx');
    const res = await admin.get(`/api/v1/imports/${job.id}/report`);
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('教师名单-错误报告.xlsx');
    const { rows, workbook } = await readXlsx(res.rawPayload);
    const errorColumn = TEACHER_HEADERS.length;
    expect(rows[0]![errorColumn]).toBe('错误说明');
    expect(rows[1]![0]).toBe(ID_A);
    expect(rows[1]![errorColumn] ?? null).toBeNull();
    expect(rows[2]![0]).toBe(BAD_CHECKSUM);
    expect(rows[2]![errorColumn]).toBe('身份证号：身份证号校验位错误；姓名：姓名不能为空');
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getCell('A3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(
      sheet.getCell('A2').fill?.type === 'pattern' && (sheet.getCell('A2').fill as ExcelJS.FillPattern).fgColor?.argb === 'FFFFC7CE',
    ).toBe(false);
  });

  it('finds the header row below a title row and ignores blank rows and extra columns', async () => {
    const workbookRows = [['2025 年教师名单'], [...TEACHER_HEADERS, '备注'], teacherRow(ID_A), [], teacherRow(ID_B)];
    const file = await buildXlsx(workbookRows[0] as string[], workbookRows.slice(1));
    const job = await uploadAndValidate(admin, 'teachers', file);
    expect(job).toMatchObject({ status: 'validated', totalRows: 2, errorCount: 0, errors: [] });
  });
});
