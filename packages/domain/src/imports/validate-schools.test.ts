import { describe, expect, it } from 'vitest';
import { validateSchoolRow } from './validate-schools.ts';

const GOOD = {
  code: '3500000001',
  name: '示例区实验小学',
  typeCode: '211',
  sponsor: '公办',
  isInclusive: '否',
  urbanRuralCode: '111',
  streetName: '城关街道',
  address: '人民路1号',
  longitude: 106.55,
  latitude: 29.56,
};

describe('validateSchoolRow', () => {
  it('turns a good row into a SchoolImportRow', () => {
    expect(validateSchoolRow(GOOD)).toEqual({
      ok: true,
      row: {
        code: '3500000001',
        name: '示例区实验小学',
        typeCode: '211',
        sponsor: 'public',
        isInclusive: false,
        urbanRuralCode: '111',
        streetName: '城关街道',
        address: '人民路1号',
        longitude: 106.55,
        latitude: 29.56,
        openedOn: null,
      },
    });
  });

  it.each([
    ['211', '211'],
    ['小学', '211'],
    ['211 小学', '211'],
    ['312 九年一贯制学校', '312'],
  ])('accepts the type %s as code %s', (typeCode, expected) => {
    const r = validateSchoolRow({ ...GOOD, typeCode });
    expect(r.ok && r.row.typeCode).toBe(expected);
  });

  it.each([
    [{ typeCode: '999' }, '办学类型代码', '办学类型代码 999 不存在'],
    [{ typeCode: '211 初级中学' }, '办学类型代码', '办学类型代码 211 初级中学 不存在'],
    [{ code: '12345' }, '学校标识码', '学校标识码应为10位数字'],
    [{ name: '' }, '学校名称', '学校名称不能为空'],
    [{ sponsor: '国办' }, '举办者类型', '举办者类型“国办”不是有效值，可选：公办、民办'],
    [{ urbanRuralCode: '999' }, '城乡分类代码', '城乡分类代码 999 不存在'],
    [{ latitude: null }, '纬度', '经度和纬度须同时填写或同时留空'],
    [{ isInclusive: '是' }, '是否普惠', '只有幼儿园可以标记为普惠'],
  ])('reports %o at %s', (change, column, message) => {
    expect(validateSchoolRow({ ...GOOD, ...change })).toEqual({ ok: false, errors: [{ column, message }] });
  });

  it('defaults the optional columns when they are absent from the file', () => {
    const r = validateSchoolRow({
      code: '3500000002',
      name: '阳光幼儿园',
      typeCode: '幼儿园',
      sponsor: 'private',
      urbanRuralCode: '主城区',
    });
    expect(r).toEqual({
      ok: true,
      row: {
        code: '3500000002',
        name: '阳光幼儿园',
        typeCode: '111',
        sponsor: 'private',
        isInclusive: false,
        urbanRuralCode: '111',
        streetName: null,
        address: '',
        longitude: null,
        latitude: null,
        openedOn: null,
      },
    });
  });
});
