/** A school picker over the schools list (base:read users), searched on the server as the user types. */
import type { Page, SchoolSummary } from '@zhiping/contracts';
import type { CSSProperties } from 'react';
import { api } from '../lib/api-client.ts';
import { RemoteSelect, type RemoteOption } from './remote-select.tsx';

export interface SchoolSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  /** Shown for the current value before any search (e.g. the school name of a record). */
  initialLabel?: string | null;
  /** Offer closed schools too (default true: history and filters need them). */
  includeClosed?: boolean;
  id?: string;
}

async function fetchSchools(search: string, includeClosed: boolean, signal: AbortSignal): Promise<RemoteOption[]> {
  const page = await api.get<Page<SchoolSummary>>(
    '/schools',
    { q: search || undefined, pageSize: 20, includeClosed: includeClosed ? 'true' : undefined },
    signal,
  );
  return page.items.map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` }));
}

const fetchWithClosed = (search: string, signal: AbortSignal) => fetchSchools(search, true, signal);
const fetchOpenOnly = (search: string, signal: AbortSignal) => fetchSchools(search, false, signal);

export function SchoolSelect({ placeholder = '搜索学校名称或标识码', includeClosed = true, ...rest }: SchoolSelectProps) {
  return (
    <RemoteSelect
      {...rest}
      fetchOptions={includeClosed ? fetchWithClosed : fetchOpenOnly}
      placeholder={placeholder}
      notFoundText="没有匹配的学校"
    />
  );
}
