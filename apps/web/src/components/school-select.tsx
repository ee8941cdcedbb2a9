/** A school picker that searches the schools list on the server as the user types. */
import type { Page, SchoolSummary } from '@zhiping/contracts';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../lib/api-client.ts';
import { errorMessage } from '../lib/api-error.ts';

export interface SchoolSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  /** Shown for the current value before any search (e.g. the school name of a record). */
  initialLabel?: string | null;
  id?: string;
}

export function SchoolSelect({
  value,
  onChange,
  placeholder = '搜索学校名称或标识码',
  allowClear = true,
  style,
  initialLabel,
  id,
}: SchoolSelectProps) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [isLoading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<Page<SchoolSummary>>('/schools', { q: search || undefined, pageSize: 20, includeClosed: 'true' }, controller.signal)
        .then((page) => {
          setOptions(page.items.map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` })));
          setLoadError(null);
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          setOptions([]);
          setLoadError(errorMessage(e));
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search]);

  const withCurrent =
    value && initialLabel && !options.some((o) => o.value === value) ? [{ value, label: initialLabel }, ...options] : options;

  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={withCurrent}
      loading={isLoading}
      allowClear={allowClear}
      placeholder={placeholder}
      notFoundContent={isLoading ? '搜索中…' : (loadError ?? '没有匹配的学校')}
      style={{ minWidth: 220, ...style }}
    />
  );
}
