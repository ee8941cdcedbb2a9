import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildXlsx, columnName } from './xlsx-writer.ts';

describe('buildXlsx', () => {
  it('names columns like Excel', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('writes a file Excel readers open, with text, numbers and blanks where they were', async () => {
    const bytes = buildXlsx(
      '排名/全区',
      ['学校', '值', '说明'],
      [
        ['清溪实验学校 <A&B>', 7.43, null],
        ['翠湖小学', 3.6, '未达标\u0001'],
      ],
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('排名 全区');
    expect(sheet.getRow(1).values).toEqual([undefined, '学校', '值', '说明']);
    expect(sheet.getCell('A2').value).toBe('清溪实验学校 <A&B>');
    expect(sheet.getCell('B2').value).toBe(7.43);
    expect(sheet.getCell('C2').value).toBeNull();
    expect(sheet.getCell('C3').value).toBe('未达标');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
  });
});
