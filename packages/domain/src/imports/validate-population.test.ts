import { describe, expect, it } from 'vitest';
import { validatePopulationRow } from './validate-population.ts';

const GOOD = { year: 2025, regionCode: '500199', age: 6, count: 5230, basis: '常住' };

describe('validatePopulationRow', () => {
  it('turns a good row into a PopulationImportRow', () => {
    expect(validatePopulationRow(GOOD)).toEqual({
      ok: true,
      row: { year: 2025, regionCode: '500199', age: 6, count: 5230, basis: 'resident', source: '' },
    });
  });

  it.each([
    [{ basis: '暂住' }, '口径', '口径“暂住”不是有效值，可选：户籍、常住'],
    [{ age: 121 }, '年龄', '年龄不能大于 120'],
    [{ regionCode: '50019' }, '区划代码', '区划代码应为6位数字'],
    [{ regionCode: '000000' }, '区划代码', '区划代码 000000 无效'],
    [{ count: '很多' }, '人口数', '人口数应为整数，不能是“很多”'],
  ])('reports %o at %s', (change, column, message) => {
    expect(validatePopulationRow({ ...GOOD, ...change })).toEqual({ ok: false, errors: [{ column, message }] });
  });
});
