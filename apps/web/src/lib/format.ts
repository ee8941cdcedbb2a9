/** Formatting helpers for numbers and dates in the Chinese UI. */
import dayjs from 'dayjs';

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** 12,345 or "—" for missing values. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : integer.format(n);
}

/** Up to two decimals, or "—". */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : decimal.format(n);
}

/** YYYY-MM-DD, or "—". */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

/** YYYY-MM-DD HH:mm:ss in local time, or "—". */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '—';
}

/** "2025–2026学年" for the school year starting in 2025. */
export function schoolYearLabel(year: number): string {
  return `${year}–${year + 1}学年`;
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}
