/**
 * Pickers of the account pages. They search the minimal option lists of /users (school names for a
 * school-scoped grant, masked teacher records for linking), which the security and system admins may
 * read without any access to base data.
 */
import type { CSSProperties } from 'react';
import { RemoteSelect } from '../../components/remote-select.tsx';
import { fetchSchoolOptions, fetchTeacherOptions } from './users-api.ts';

interface PickerProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  style?: CSSProperties;
}

async function schoolOptions(search: string, signal: AbortSignal) {
  const items = await fetchSchoolOptions(search, signal);
  return items.map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` }));
}

async function teacherOptions(search: string, signal: AbortSignal) {
  const items = await fetchTeacherOptions(search, signal);
  return items.map((t) => ({ value: t.id, label: `${t.name} · ${t.schoolName ?? '未在岗'} · ${t.idNumberMasked}` }));
}

/** The school of a 学校管理员 or 教师 grant. */
export function GrantSchoolSelect(props: PickerProps) {
  return (
    <RemoteSelect
      {...props}
      fetchOptions={schoolOptions}
      allowClear={false}
      placeholder="搜索学校名称或标识码"
      notFoundText="没有匹配的学校"
    />
  );
}

/** The teacher record an account belongs to. */
export function TeacherOptionSelect(props: PickerProps) {
  return <RemoteSelect {...props} fetchOptions={teacherOptions} placeholder="搜索教师姓名" notFoundText="没有匹配的教师档案" />;
}
