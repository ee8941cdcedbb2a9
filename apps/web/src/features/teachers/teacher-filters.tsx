import { POST, SUBJECTS } from '@zhiping/domain';
import { Flex, Input, Select } from 'antd';
import { optionsOf, STAGE_OPTIONS } from '../../components/code-labels.ts';
import { SchoolSelect } from '../../components/school-select.tsx';
import type { ListParams } from '../../lib/use-list-params.ts';

const SUBJECT_OPTIONS = SUBJECTS.map((s) => ({ value: s, label: s }));
const BACKBONE_OPTIONS = [
  { value: 'any', label: '骨干教师（任一级别）' },
  { value: 'county_or_above', label: '县级及以上骨干' },
];

/** The filter bar of the teachers list; values live in the URL. */
export function TeacherFilters({ params, withSchool }: { params: ListParams; withSchool: boolean }) {
  const { filters, setFilters } = params;
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label="搜索教师"
        placeholder="姓名"
        allowClear
        defaultValue={filters.q}
        onSearch={(q) => setFilters({ q: q.trim() })}
        style={{ width: 180 }}
      />
      {withSchool && (
        <SchoolSelect
          value={filters.schoolId ? Number(filters.schoolId) : null}
          onChange={(v) => setFilters({ schoolId: v })}
          placeholder="学校"
          style={{ width: 240 }}
        />
      )}
      <Select
        aria-label="岗位"
        placeholder="岗位"
        allowClear
        value={filters.post}
        onChange={(v?: string) => setFilters({ post: v })}
        options={optionsOf(POST)}
        style={{ width: 130 }}
      />
      <Select
        aria-label="学科"
        placeholder="任教学科"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={filters.subject}
        onChange={(v?: string) => setFilters({ subject: v })}
        options={SUBJECT_OPTIONS}
        style={{ width: 130 }}
      />
      <Select
        aria-label="任教学段"
        placeholder="任教学段"
        allowClear
        value={filters.teachingStage}
        onChange={(v?: string) => setFilters({ teachingStage: v })}
        options={STAGE_OPTIONS}
        style={{ width: 120 }}
      />
      <Select
        aria-label="骨干"
        placeholder="骨干教师"
        allowClear
        value={filters.backbone}
        onChange={(v?: string) => setFilters({ backbone: v })}
        options={BACKBONE_OPTIONS}
        style={{ width: 190 }}
      />
    </Flex>
  );
}
