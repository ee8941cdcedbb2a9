/**
 * 公民身份号码 (GB 11643-1999) validation and masking (standards.md §7.5).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Why an ID number was rejected. */
export type IdNumberProblem = 'format' | 'region' | 'birth_date' | 'checksum';

/** The result of checking an ID number. */
export type IdNumberCheck =
  { ok: true; normalized: string; birthDate: string; gender: 'male' | 'female' } | { ok: false; problem: IdNumberProblem };

/** Computes the GB 11643 check character of the first 17 digits. */
export function computeIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True when y-m-d is a real calendar date. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** Gregorian leap-year rule. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Checks an 18-character ID number: shape, region prefix, real birth date (not in the future relative
 * to `today`, not before 1900) and checksum. A lower-case x is accepted and normalized to X.
 */
export function checkIdNumber(input: string, today: string): IdNumberCheck {
  const s = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, problem: 'format' };
  if (s.startsWith('00') || !/^[1-9]/.test(s)) return { ok: false, problem: 'region' };
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (y < 1900 || !isRealDate(y, m, d) || birthDate > today) return { ok: false, problem: 'birth_date' };
  if (computeIdCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, problem: 'checksum' };
  return { ok: true, normalized: s, birthDate, gender: Number(s[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Chinese message for an ID-number problem, for import reports and forms. */
export function describeIdProblem(problem: IdNumberProblem): string {
  switch (problem) {
    case 'format':
      return '身份证号应为18位，前17位为数字，末位为数字或X';
    case 'region':
      return '身份证号的地址码无效';
    case 'birth_date':
      return '身份证号中的出生日期不是有效日期';
    case 'checksum':
      return '身份证号校验位错误';
  }
}

/** Masks an ID number for display: first 6 and last 4 characters kept, e.g. 500104********123X. */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** Masks a mobile phone number: 138****5678. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** Builds a valid synthetic ID number from region, birth date (YYYYMMDD) and a 3-digit sequence. */
export function buildIdNumber(region: string, birthYmd: string, sequence: number): string {
  const first17 = region + birthYmd + String(sequence).padStart(3, '0');
  return first17 + computeIdCheckChar(first17);
}
