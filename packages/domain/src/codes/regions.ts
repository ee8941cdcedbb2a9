/**
 * GB/T 2260 administrative division codes used by Zhiping's demo and tests (standards.md §7.4).
 * A deployment loads its own; codes change over time, so the database stores them with an effective date.
 */

/** Checks the shape of a county-level GB/T 2260 code: six digits, not ending in "00". */
export function isCountyRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && !code.endsWith('00');
}

/** Checks the shape of any GB/T 2260 code (province, city or county level). */
export function isRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && code !== '000000';
}

/** Known Chongqing district codes (verified or partly verified in standards.md §7.4). */
export const CHONGQING_DISTRICTS: Readonly<Record<string, string>> = {
  '500103': '渝中区',
  '500104': '大渡口区',
  '500105': '江北区',
  '500106': '沙坪坝区',
  '500107': '九龙坡区',
  '500108': '南岸区',
  '500112': '渝北区',
  '500113': '巴南区',
};
