/** Picks several 专任教师 by name (searched on the server within the user's scope). */
import type { Page, TeacherSummary } from '@zhiping/contracts';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api-client.ts';

export function TeacherPicker(props: { value?: number[]; onChange?: (v: number[]) => void; schoolId?: number | null }) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [isLoading, setLoading] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<Page<TeacherSummary>>(
          '/teachers',
          { q: search || undefined, post: 'teacher', schoolId: props.schoolId ?? undefined, pageSize: 30 },
          controller.signal,
        )
        .then((p) => setOptions(p.items.map((t) => ({ value: t.id, label: `${t.name}（${t.schoolName ?? '—'}，${t.idNumberMasked}）` }))))
        .catch(() => {})
        .finally(() => setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search, props.schoolId]);
  return (
    <Select
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={isLoading}
      options={options}
      value={props.value ?? []}
      onChange={(v) => props.onChange?.(v)}
      placeholder="输入姓名搜索教师，可多选"
      notFoundContent={isLoading ? '搜索中…' : '没有匹配的专任教师'}
      style={{ width: '100%' }}
      aria-label="选择教师"
    />
  );
}
