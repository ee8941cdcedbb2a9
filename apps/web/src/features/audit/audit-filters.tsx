import { DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { ListParams } from '../../lib/use-list-params.ts';
import { AUDIT_ACTION_OPTIONS } from './audit-actions.ts';

const ENTITY_TYPES = [
  { value: 'user', label: '账号（user）' },
  { value: 'school', label: '学校（school）' },
  { value: 'teacher', label: '教师（teacher）' },
  { value: 'import_job', label: '导入任务（import_job）' },
  { value: 'school_group', label: '集团/学区（school_group）' },
  { value: 'audit_log', label: '审计日志（audit_log）' },
  { value: 'system', label: '系统（system）' },
];

/** 操作人 / 操作 / 对象类型 / time range filters, kept in the URL. */
export function AuditFilters({ params }: { params: ListParams }) {
  const { filters, setFilters } = params;
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label="操作人"
        placeholder="操作人用户名"
        allowClear
        defaultValue={filters.actor}
        onSearch={(v) => setFilters({ actor: v.trim() })}
        style={{ width: 180 }}
      />
      <Select
        aria-label="操作"
        placeholder="操作"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={filters.action}
        onChange={(v?: string) => setFilters({ action: v })}
        options={AUDIT_ACTION_OPTIONS}
        style={{ width: 260 }}
      />
      <Select
        aria-label="对象类型"
        placeholder="对象类型"
        allowClear
        value={filters.entityType}
        onChange={(v?: string) => setFilters({ entityType: v })}
        options={ENTITY_TYPES}
        style={{ width: 170 }}
      />
      <DatePicker.RangePicker
        aria-label="时间范围"
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        onChange={(range) =>
          setFilters({
            from: range?.[0] ? range[0].startOf('day').toISOString() : null,
            to: range?.[1] ? range[1].endOf('day').toISOString() : null,
          })
        }
      />
    </Flex>
  );
}
