import { z } from 'zod';

/** Shared limits, so the server and the web app agree. */
export const LIMITS = {
  pageSizeMax: 200,
  pageSizeDefault: 20,
  uploadBytesMax: 50 * 1024 * 1024,
  passwordMinLength: 10,
} as const;

/** 'YYYY-MM-DD'. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Paging query parameters. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of items with the total count. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A school year (学年) named by the calendar year it starts in, e.g. 2025 = 2025–2026 学年. */
export const SchoolYear = z.coerce.number().int().min(1990).max(2100);

/** Numeric id path parameter. */
export const IdParam = z.object({ id: z.coerce.number().int().positive() });
