import { SPONSOR, SCHOOL_TYPES } from '@zhiping/domain';
import { Checkbox, Flex, Input, Select } from 'antd';
import { optionsOf, STAGE_OPTIONS } from '../../components/code-labels.ts';
import type { ListParams } from '../../lib/use-list-params.ts';
import { useStreets } from './use-streets.ts';

const TYPE_OPTIONS = SCHOOL_TYPES.map((t) => ({ value: t.code, label: `${t.code} ${t.name}` }));

/** The filter bar of the schools list; values live in the URL. */
export function SchoolFilters({ params }: { params: ListParams }) {
  const streets = useStreets();
  const { filters, setFilters } = params;
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label="搜索学校"
        placeholder="学校名称或标识码"
        allowClear
        defaultValue={filters.q}
        onSearch={(q) => setFilters({ q: q.trim() })}
        style={{ width: 220 }}
      />
      <Select
        aria-label="办学类型"
        placeholder="办学类型"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={filters.typeCode}
        onChange={(v?: string) => setFilters({ typeCode: v })}
        options={TYPE_OPTIONS}
        style={{ width: 200 }}
      />
      <Select
        aria-label="学段"
        placeholder="学段"
        allowClear
        value={filters.stage}
        onChange={(v?: string) => setFilters({ stage: v })}
        options={STAGE_OPTIONS}
        style={{ width: 110 }}
      />
      <Select
        aria-label="街镇"
        placeholder="街镇"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={filters.streetId ? Number(filters.streetId) : undefined}
        onChange={(v?: number) => setFilters({ streetId: v })}
        options={streets.map((s) => ({ value: s.id, label: s.name }))}
        style={{ width: 150 }}
      />
      <Select
        aria-label="举办者"
        placeholder="公办/民办"
        allowClear
        value={filters.sponsor}
        onChange={(v?: string) => setFilters({ sponsor: v })}
        options={optionsOf(SPONSOR)}
        style={{ width: 120 }}
      />
      <Checkbox
        checked={filters.includeClosed === 'true'}
        onChange={(e) => setFilters({ includeClosed: e.target.checked ? 'true' : null })}
      >
        含已撤销学校
      </Checkbox>
    </Flex>
  );
}
