/** Picks one or several teachers by name, searched on the server within the user's scope (专任教师 by default). */
import type { Page, TeacherSummary } from '@zhiping/contracts';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api-client.ts';

interface Option {
  value: number;
  label: string;
}

function useTeacherOptions(search: string, post: string | undefined) {
  const [options, setOptions] = useState<Option[]>([]);
  const [isLoading, setLoading] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<Page<TeacherSummary>>('/teachers', { q: search || undefined, post, pageSize: 30 }, controller.signal)
        .then((p) =>
          setOptions(
            p.items.map((t) => ({ value: t.id, label: `${t.name}（${t.schoolName ?? '—'}${t.subject ? `，${t.subject}` : ''}）` })),
          ),
        )
        .catch(() => {})
        .finally(() => setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search, post]);
  return { options, isLoading };
}

/** Single or multiple teacher select for forms (value: id or ids). */
export function TeacherSelect(props: {
  value?: number | number[] | null;
  onChange?: (v: number | number[] | null) => void;
  isMultiple?: boolean;
  /** 岗位 filter; 'any' searches every post (e.g. principals). */
  post?: string;
  id?: string;
  'aria-label'?: string;
}) {
  const [search, setSearch] = useState('');
  const { options, isLoading } = useTeacherOptions(search, props.post === 'any' ? undefined : (props.post ?? 'teacher'));
  return (
    <Select<number | number[]>
      id={props.id}
      mode={props.isMultiple ? 'multiple' : undefined}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setSearch}
      loading={isLoading}
      options={options}
      value={props.value ?? (props.isMultiple ? [] : undefined)}
      onChange={(v) => props.onChange?.(v ?? null)}
      placeholder={props.isMultiple ? '输入姓名搜索教师，可多选' : '输入姓名搜索教师'}
      notFoundContent={isLoading ? '搜索中…' : '没有匹配的教师'}
      style={{ width: '100%' }}
      aria-label={props['aria-label'] ?? '选择教师'}
    />
  );
}
