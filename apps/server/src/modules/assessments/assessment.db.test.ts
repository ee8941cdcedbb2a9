/**
 * The county self-assessments on the demo district: the full 优质均衡 assessment with every failing
 * item and why; manual items with notes and evidence files; 社会认可度; the overall verdict moving
 * between incomplete, not met and met; what-if plans; xlsx and docx exports; who may read and write.
 */
import { inflateRawSync } from 'node:zlib';
import type { Assessment, AssessmentItem, EvidenceFile, WhatIf } from '@zhiping/contracts';
import { BALANCED_ASSESSMENT_ITEMS, PRESCHOOL_ASSESSMENT_ITEMS, generateDemoDistrict } from '@zhiping/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '../../../test/app.ts';
import { multipart } from '../../../test/xlsx.ts';
import { clientAs, createDemoApp, schoolIdOf } from '../indicators/indicator-test-support.ts';

const demo = generateDemoDistrict();
let t: TestApp;
let admin: TestClient;
let staff: TestClient;

beforeAll(async () => {
  t = await createDemoApp();
  admin = await clientAs(t, [{ role: 'district_admin' }]);
  staff = await clientAs(t, [{ role: 'inspector' }]);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const get = async (kind: string) => {
  const res = await staff.get(`/api/v1/assessments/${kind}?year=2025`);
  expect(res.statusCode).toBe(200);
  return res.json() as Assessment;
};
const item = (a: Assessment, no: string) => a.items.find((i) => i.itemNo === no)!;

/** The entries of a zip file (a docx) by name, from its central directory. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0; n -= 1) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : data);
    p += 46 + nameLen + extra;
  }
  return out;
}

describe('the 优质均衡 assessment', () => {
  it('decides every item, lists each failing one with why, and gives the verdict', async () => {
    const a = await get('balanced');
    expect(a.items).toHaveLength(BALANCED_ASSESSMENT_ITEMS.length);
    expect(a.verdict).toBe('not_met');
    const resource = item(a, 'resource.1');
    expect(resource.status).toBe('not_met');
    const failingGaps = demo.deliberateGaps.filter((g) => g.description.includes('学校不合格'));
    for (const g of failingGaps) expect(resource.details.some((d) => d.includes(g.schoolName))).toBe(true);
    expect(a.failing.map((f) => f.itemNo)).toContain('resource.1');
    expect(a.failing.find((f) => f.itemNo === 'government.3')!.reason).toContain('石门观音学校');
    expect(item(a, 'government.1')).toMatchObject({ status: 'no_data', basis: 'none', compute: 'manual' });
    expect(item(a, 'social.1').status).toBe('no_data');
    expect(a.stages.map((s) => s.stage)).toEqual(['primary', 'junior']);
    expect(a.stages[0]!.cvs).toHaveLength(7);
    expect(a.stages[0]!.schools.find((s) => s.verdict.status === 'fail')).toBeDefined();
    expect(a.summary).toContain('项未达标');
  });

  it('records manual items with notes and evidence files, audited', async () => {
    const put = await admin.put('/api/v1/assessments/balanced/2025/items/government.1', {
      met: true,
      note: '区政府印发《示例区义务教育学校布局规划（2021—2030）》',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json() as AssessmentItem).toMatchObject({ status: 'met', basis: 'manual', record: { met: true } });
    // Met without a note or evidence cannot be accepted.
    const bare = (await admin.put('/api/v1/assessments/balanced/2025/items/government.2', { met: true })).json() as AssessmentItem;
    expect(bare.status).toBe('no_data');
    expect(bare.reason).toContain('缺少佐证材料');
    const file = Buffer.from('%PDF-1.4 编制标准统一文件');
    const up = await admin.inject({
      method: 'POST',
      url: '/api/v1/assessments/balanced/2025/items/government.2/evidence',
      ...multipart('编制文件.pdf', file),
    });
    expect(up.statusCode).toBe(200);
    const ev = up.json() as EvidenceFile;
    expect(ev).toMatchObject({ fileName: '编制文件.pdf', size: file.length });
    const withFile = item(await get('balanced'), 'government.2');
    expect(withFile).toMatchObject({ status: 'met', basis: 'manual' });
    expect(withFile.evidence.map((e) => e.id)).toEqual([ev.id]);
    const down = await staff.get(`/api/v1/assessments/balanced/2025/items/government.2/evidence/${ev.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(file)).toBe(true);
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('编制文件.pdf'));
    expect((await admin.delete(`/api/v1/assessments/balanced/2025/items/government.2/evidence/${ev.id}`)).statusCode).toBe(200);
    expect(item(await get('balanced'), 'government.2').status).toBe('no_data');
    const actions = (
      await t.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'assessment.%').orderBy('id').execute()
    ).map((x) => x.action);
    expect(actions).toEqual(['assessment.item.record', 'assessment.item.record', 'assessment.evidence.add', 'assessment.evidence.remove']);
  });

  it('decides items without base data from the manual entry, and computed items from the data', async () => {
    // 教师平均工资 has no base data in Zhiping (5年360学时 is computed from the training ledger since it exists).
    await admin.put('/api/v1/assessments/balanced/2025/items/government.8', {
      met: false,
      note: '2025年教师平均工资为公务员的 96.3%（人社局数据）',
    });
    await admin.put('/api/v1/assessments/balanced/2025/items/government.4', { met: false, note: '人工判定不应覆盖计算结果' });
    const a = await get('balanced');
    expect(item(a, 'government.8')).toMatchObject({ status: 'not_met', basis: 'manual' });
    expect(a.failing.find((f) => f.itemNo === 'government.8')!.reason).toContain('96.3%');
    expect(item(a, 'government.4')).toMatchObject({ basis: 'computed', status: 'met' });
  });

  it('takes 社会认可度 from the entered survey (≥85 %)', async () => {
    const res = await admin.put('/api/v1/assessments/balanced/2025/survey', {
      rate: 84.5,
      respondents: 3200,
      surveyedOn: '2025-11-10',
      organisation: '第三方调查机构',
    });
    expect(res.statusCode).toBe(200);
    expect(item(await get('balanced'), 'social.1').status).toBe('not_met');
    await admin.put('/api/v1/assessments/balanced/2025/survey', { rate: 91.2, respondents: 3200 });
    const a = await get('balanced');
    expect(item(a, 'social.1').status).toBe('met');
    expect(a.survey).toMatchObject({ rate: 91.2, respondents: 3200 });
    expect((await admin.put('/api/v1/assessments/balanced/2025/survey', { rate: 120 })).statusCode).toBe(400);
  });

  it('validates item numbers and refuses writers without district base:write', async () => {
    expect((await admin.put('/api/v1/assessments/balanced/2025/items/government.99', { met: true, note: 'x' })).statusCode).toBe(400);
    expect((await staff.put('/api/v1/assessments/balanced/2025/items/government.1', { met: true, note: 'x' })).statusCode).toBe(403);
    const school = await schoolIdOf(t.database, demo.schools[0]!.code);
    const schoolAdmin = await clientAs(t, [{ role: 'school_admin', schoolId: school }]);
    expect((await schoolAdmin.get('/api/v1/assessments/balanced?year=2025')).statusCode).toBe(403);
    expect((await schoolAdmin.put('/api/v1/assessments/balanced/2025/items/government.1', { met: true, note: 'x' })).statusCode).toBe(403);
    expect((await admin.get('/api/v1/assessments/college')).statusCode).toBe(400);
  });
});

describe('the 学前普及普惠 assessment', () => {
  it('reaches met when every item is met, and lists the item that fails once one does', async () => {
    let a = await get('preschool');
    expect(a.items).toHaveLength(PRESCHOOL_ASSESSMENT_ITEMS.length);
    expect(item(a, 'coverage.2')).toMatchObject({ status: 'met', basis: 'computed' });
    expect(a.verdict).not.toBe('met');
    // Give every preschool teacher a certificate, decide every manual item and enter the survey.
    await t.database.db.updateTable('teacher').set({ certificate: 'preschool' }).where('teaching_stage', '=', 'preschool').execute();
    for (const i of a.items.filter((x) => x.compute === 'manual')) {
      expect(
        (await admin.put(`/api/v1/assessments/preschool/2025/items/${i.itemNo}`, { met: true, note: `${i.name}：材料齐全` })).statusCode,
      ).toBe(200);
    }
    await admin.put('/api/v1/assessments/preschool/2025/survey', { rate: 93, respondents: 1500 });
    a = await get('preschool');
    expect(a.failing).toEqual([]);
    expect(a.verdict).toBe('met');
    await admin.put('/api/v1/assessments/preschool/2025/items/government.6', { met: false, note: '个别民办园超标收费，已责令整改' });
    a = await get('preschool');
    expect(a.verdict).toBe('not_met');
    expect(a.failing).toEqual([{ itemNo: 'government.6', name: '收费合理', reason: expect.stringContaining('超标收费'), details: [] }]);
  });
});

describe('what-if and exports', () => {
  it('plans the smallest additions for each failing school and a district plan that brings every CV within its limit', async () => {
    const body = (await staff.get('/api/v1/assessments/balanced/what-if?year=2025')).json() as WhatIf;
    const primary = body.stages.find((s) => s.stage === 'primary')!;
    const gap = demo.deliberateGaps.find((g) => g.description.includes('两项不达标'))!;
    const plan = primary.failingSchools.find((s) => s.schoolName === gap.schoolName)!;
    expect(plan.additions.length).toBeGreaterThan(0);
    expect(plan.passesAfter).toBe(true);
    expect(primary.failingSchools.every((s) => s.passesAfter)).toBe(true);
    expect(primary.failingTotals.length).toBeGreaterThan(0);
    expect(primary.cvAfterFailing).toHaveLength(7);
    expect(primary.district.reached).toBe(true);
    expect(primary.district.cvAfter.every((v) => v.status === 'met')).toBe(true);
  });

  it('exports the assessment as xlsx tables that parse back', async () => {
    const res = await staff.get('/api/v1/assessments/balanced/2025/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '总表',
      '资源配置（小学）',
      '资源配置（初中）',
      '资源配置',
      '政府保障',
      '教育（保教）质量',
      '社会认可度',
      '一票否决',
    ]);
    const summary = book.getWorksheet('总表')!;
    expect(summary.getCell('B3').value).toBe('未达标');
    const resource = book.getWorksheet('资源配置（小学）')!;
    const names: unknown[] = [];
    resource.eachRow((r) => names.push(r.getCell(2).value));
    const a = await get('balanced');
    for (const s of a.stages[0]!.schools) expect(names).toContain(s.schoolName);
    const gov = book.getWorksheet('政府保障')!;
    expect(gov.rowCount).toBe(16);
    expect(gov.getRow(2).getCell(2).value).toBe(item(a, 'government.1').name);
    expect(
      await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'export.assessment.balanced').execute(),
    ).toHaveLength(1);
  });

  it('exports a Word summary: a valid docx carrying the verdict and the failing items', async () => {
    const res = await staff.get('/api/v1/assessments/preschool/2025/export.docx');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const files = unzip(res.rawPayload);
    expect([...files.keys()]).toContain('[Content_Types].xml');
    const xml = files.get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('县域学前教育普及普惠督导评估（自评）');
    expect(xml).toContain('未达标');
    expect(xml).toContain('收费合理');
  });
});
