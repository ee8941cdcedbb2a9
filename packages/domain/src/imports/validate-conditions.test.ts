import { describe, expect, it } from 'vitest';
import { validateConditionRow } from './validate-conditions.ts';

const GOOD = {
  schoolYear: '2025',
  schoolCode: '3500000001',
  teachingArea: '5200.5',
  gymArea: 0,
  sportsGroundArea: 8000,
  equipmentValue: 1_250_000,
  multimediaRooms: 24,
  musicRooms: 2,
  artRooms: 2,
  books: 45_000,
};

describe('validateConditionRow', () => {
  it('turns a good row into a ConditionImportRow', () => {
    expect(validateConditionRow(GOOD)).toEqual({
      ok: true,
      row: {
        schoolYear: 2025,
        schoolCode: '3500000001',
        teachingArea: 5200.5,
        gymArea: 0,
        sportsGroundArea: 8000,
        equipmentValue: 1_250_000,
        multimediaRooms: 24,
        musicRooms: 2,
        artRooms: 2,
        books: 45_000,
        buildingArea: null,
        landArea: null,
      },
    });
  });

  it.each([
    [{ gymArea: null }, '体育馆面积', '体育馆面积不能为空'],
    [{ books: 12.5 }, '图书册数', '图书册数应为整数，不能是“12.5”'],
    [{ musicRooms: -1 }, '音乐教室数', '音乐教室数不能为负数'],
    [{ buildingArea: 5000 }, '教学及辅助用房面积', '教学及辅助用房面积不能大于校舍建筑面积'],
  ])('reports %o at %s', (change, column, message) => {
    expect(validateConditionRow({ ...GOOD, ...change })).toEqual({ ok: false, errors: [{ column, message }] });
  });
});
