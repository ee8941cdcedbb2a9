import { describe, expect, it } from 'vitest';
import { cellText, parseBoolean, parseDate, parseDecimal, parseInteger, parseSchoolYear } from './cells.ts';

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.03.05', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    [' 2000-02-29 ', '2000-02-29'],
    [45356, '2024-03-05'], // Excel serial: 45292 is 2024-01-01
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
  ])('reads %s as %s', (cell, expected) => {
    expect(parseDate('出生日期', cell)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2023-02-29', '出生日期“2023-02-29”不是有效日期'],
    ['2024-13-01', '出生日期“2024-13-01”不是有效日期'],
    ['去年', '出生日期“去年”不是有效日期（应为 YYYY-MM-DD）'],
    ['2024-03', '出生日期“2024-03”不是有效日期（应为 YYYY-MM-DD）'],
    [45356.5, '出生日期“45356.5”不是有效日期（应为 YYYY-MM-DD）'],
  ])('rejects %s', (cell, message) => {
    expect(parseDate('出生日期', cell)).toEqual({ ok: false, message });
  });
});

describe('parseInteger and parseDecimal', () => {
  it.each([
    [12, 12],
    ['12', 12],
    [' 1,234 ', 1234],
    ['0', 0],
  ])('reads %s as the integer %s', (cell, expected) => {
    expect(parseInteger('班数', cell, { min: 0 })).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['1.5', '班数应为整数，不能是“1.5”'],
    ['十二', '班数应为整数，不能是“十二”'],
    [-1, '班数不能为负数'],
    [500, '班数不能大于 100'],
  ])('rejects %s', (cell, message) => {
    expect(parseInteger('班数', cell, { min: 0, max: 100 })).toEqual({ ok: false, message });
  });

  it('reads decimals and checks bounds', () => {
    expect(parseDecimal('经度', '106.55', { min: -180, max: 180 })).toEqual({ ok: true, value: 106.55 });
    expect(parseDecimal('经度', 200, { min: -180, max: 180 })).toEqual({ ok: false, message: '经度不能大于 180' });
    expect(parseDecimal('经度', '东经106', {})).toEqual({ ok: false, message: '经度应为数字，不能是“东经106”' });
  });
});

describe('parseBoolean', () => {
  it.each([
    ['是', true],
    ['否', false],
    [true, true],
    [0, false],
    ['TRUE', true],
  ])('reads %s as %s', (cell, expected) => {
    expect(parseBoolean('是否普惠', cell)).toEqual({ ok: true, value: expected });
  });

  it('rejects anything else with a message', () => {
    expect(parseBoolean('是否普惠', '对')).toEqual({ ok: false, message: '是否普惠应填“是”或“否”，不能是“对”' });
  });
});

describe('parseSchoolYear', () => {
  const bounds = { min: 1990, max: 2100 };
  it.each([
    [2025, 2025],
    ['2025', 2025],
    ['2025-2026', 2025],
    ['2025—2026学年', 2025],
    ['2025学年', 2025],
  ])('reads %s as %s', (cell, expected) => {
    expect(parseSchoolYear('学年', cell, bounds)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2025-2027', '学年“2025-2027”无效，应为四位起始年份，如 2025（即 2025-2026 学年）'],
    ['25', '学年“25”无效，应为四位起始年份，如 2025（即 2025-2026 学年）'],
    [1980, '学年应在 1990–2100 之间'],
  ])('rejects %s', (cell, message) => {
    expect(parseSchoolYear('学年', cell, bounds)).toEqual({ ok: false, message });
  });
});

describe('cellText', () => {
  it('writes large integers without an exponent and dates as YYYY-MM-DD', () => {
    expect(cellText(3301020001)).toBe('3301020001');
    expect(cellText(new Date(Date.UTC(2020, 0, 2)))).toBe('2020-01-02');
    expect(cellText(null)).toBe('');
  });
});
