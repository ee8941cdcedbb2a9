import { describe, expect, it } from 'vitest';
import { buildIdNumber, checkIdNumber, computeIdCheckChar, maskIdNumber, maskPhone } from './id-number.ts';

const TODAY = '2026-11-22';

describe('GB 11643 ID numbers', () => {
  it('computes the standard sample check character X', () => {
    expect(computeIdCheckChar('11010519491231002')).toBe('X');
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });

  it('accepts a lower-case x and normalizes it', () => {
    const r = checkIdNumber('11010519491231002x', TODAY);
    expect(r.ok && r.normalized).toBe('11010519491231002X');
  });

  it.each([
    ['11010519491231002', 'format'],
    ['1101051949123100XX', 'format'],
    ['01010519491231002X', 'region'],
    ['11010519490230002X', 'birth_date'],
    ['110105190002290021', 'birth_date'],
    ['110105209912310021', 'birth_date'],
    ['110105194912310021', 'checksum'],
  ] as const)('rejects %s as %s', (id, problem) => {
    expect(checkIdNumber(id, TODAY)).toEqual({ ok: false, problem });
  });

  it('accepts 29 February of a leap year (2000 is leap, 1900 is not)', () => {
    expect(checkIdNumber(buildIdNumber('500104', '20000229', 12), TODAY).ok).toBe(true);
    expect(checkIdNumber(buildIdNumber('500104', '19000229', 12), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('reads gender from the odd/even sequence digit', () => {
    const male = checkIdNumber(buildIdNumber('500104', '19850612', 371), TODAY);
    expect(male.ok && male.gender).toBe('male');
  });

  it('masks the middle of an ID number and of a phone number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
