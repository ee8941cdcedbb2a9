/** Query parameter values; undefined, null and '' are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Builds "?a=1&b=x" from the defined values, or '' when there are none. */
export function toQueryString(params: QueryParams | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
