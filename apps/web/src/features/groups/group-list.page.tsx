/** 集团与学区: groups, 教共体, 学区 and pairings by kind, as they stood on a chosen date. */
import { PlusOutlined } from '@ant-design/icons';
import { GROUP_KIND_LABELS, GROUP_KINDS } from '@zhiping/contracts';
import { Button, Card, Checkbox, DatePicker, Flex, Input, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { todayIso } from '../../lib/format.ts';
import { canAtDistrict } from '../../lib/permissions.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { groupColumns } from './group-columns.tsx';
import { GroupFormModal } from './group-form-modal.tsx';
import { fetchGroups } from './groups-api.ts';

const KIND_TABS = [{ key: 'all', label: '全部' }, ...GROUP_KINDS.map((k) => ({ key: k, label: GROUP_KIND_LABELS[k] }))];

export default function GroupListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const params = useListParams();
  const [isCreating, setCreating] = useState(false);
  const { filters, setFilters } = params;
  const kind = GROUP_KINDS.find((k) => k === filters.kind);
  const asOf = filters.asOf ?? todayIso();
  const groups = useQuery(`groups?${params.key}`, (signal) =>
    fetchGroups({ ...filters, page: params.page, pageSize: params.pageSize }, signal),
  );
  const columns = useMemo(() => groupColumns(kind, asOf, filters.asOf), [kind, asOf, filters.asOf]);
  const canEdit = canAtDistrict(me, 'base:write');
  const kindLabel = kind ? GROUP_KIND_LABELS[kind] : '组织';

  return (
    <>
      <PageHeader
        title="集团与学区"
        subTitle="教育集团、教共体、学区和城乡结对帮扶；成员按加入、退出日期记录，可查看任一日期的组成"
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建组织
            </Button>
          )
        }
      />
      <Card>
        <Tabs activeKey={kind ?? 'all'} items={KIND_TABS} onChange={(k) => setFilters({ kind: k === 'all' ? null : k })} />
        <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
          <Input.Search
            aria-label="搜索组织"
            placeholder="组织名称"
            allowClear
            defaultValue={filters.q}
            onSearch={(q) => setFilters({ q: q.trim() })}
            style={{ width: 220 }}
          />
          <Typography.Text>查看日期</Typography.Text>
          <DatePicker
            aria-label="查看日期"
            allowClear
            value={filters.asOf ? dayjs(filters.asOf) : null}
            placeholder="今天"
            onChange={(d) => setFilters({ asOf: d ? d.format('YYYY-MM-DD') : null })}
          />
          <Checkbox
            checked={filters.includeDissolved === 'true'}
            onChange={(e) => setFilters({ includeDissolved: e.target.checked ? 'true' : null })}
          >
            含已撤销
          </Checkbox>
        </Flex>
        <PagedTable
          rowKey="id"
          columns={columns}
          data={groups.data}
          isLoading={groups.isLoading}
          error={groups.error}
          onRetry={groups.reload}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          empty={
            filters.q || filters.asOf
              ? `没有符合条件的${kindLabel}，请调整名称或日期`
              : canEdit
                ? `还没有${kindLabel}，请点击“新建组织”`
                : `还没有${kindLabel}，请联系区级管理员维护`
          }
        />
      </Card>
      <GroupFormModal
        open={isCreating}
        defaultKind={kind}
        onClose={() => setCreating(false)}
        onSaved={(g) => {
          setCreating(false);
          navigate(`/groups/${g.id}`);
        }}
      />
    </>
  );
}
