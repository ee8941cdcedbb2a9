import { DatePicker, Flex, Input } from 'antd';
import dayjs from 'dayjs';
import type { ListParams } from '../../lib/use-list-params.ts';

/** 操作人 / 操作 / 对象类型 / time range filters, kept in the URL. */
export function AuditFilters({ params }: { params: ListParams }) {
  const { filters, setFilters } = params;
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label="操作人"
        placeholder="操作人（用户名）"
        allowClear
        defaultValue={filters.actor}
        onSearch={(v) => setFilters({ actor: v.trim() })}
        style={{ width: 180 }}
      />
      <Input.Search
        aria-label="操作"
        placeholder="操作，如 teacher.unmask"
        allowClear
        defaultValue={filters.action}
        onSearch={(v) => setFilters({ action: v.trim() })}
        style={{ width: 210 }}
      />
      <Input.Search
        aria-label="对象类型"
        placeholder="对象类型，如 teacher"
        allowClear
        defaultValue={filters.entityType}
        onSearch={(v) => setFilters({ entityType: v.trim() })}
        style={{ width: 190 }}
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
