/** Several open schools picked by name or 学校标识码, searched on the server as the user types. */
import type { Page, SchoolSummary } from '@zhiping/contracts';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/api-error.ts';

interface Option {
  value: number;
  label: string;
}

export function SchoolMultiSelect({
  value = [],
  onChange,
  knownLabels,
  placeholder = '搜索学校名称或标识码',
  id,
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** Labels of already chosen schools (editing), so they show before any search. */
  knownLabels?: ReadonlyMap<number, string>;
  placeholder?: string;
  id?: string;
}) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [labels, setLabels] = useState<Map<number, string>>(() => new Map(knownLabels));
  const [isLoading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<Page<SchoolSummary>>('/schools', { q: search.trim() || undefined, pageSize: 20 }, controller.signal)
        .then((page) => {
          setOptions(page.items.map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` })));
          setLoadError(null);
        })
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setLoadError(errorMessage(e));
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

  const chosen = value.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: labels.get(v) ?? `学校 ${v}` }));
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(ids) => {
        const next = new Map(labels);
        for (const o of options) if (ids.includes(o.value)) next.set(o.value, o.label);
        setLabels(next);
        onChange?.(ids);
      }}
      options={[...chosen, ...options]}
      loading={isLoading}
      placeholder={placeholder}
      notFoundContent={isLoading ? '搜索中…' : (loadError ?? '没有匹配的学校')}
      style={{ width: '100%' }}
    />
  );
}
