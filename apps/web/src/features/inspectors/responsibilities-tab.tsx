/** Schools per responsible inspector, last and next visit, overdue flagged; the 督导室 assigns inspectors. */
import type { Responsibility } from '@zhiping/contracts';
import { App, Input, Select, Switch, Table, Tag, Flex } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDate, todayIso } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { ExportXlsxButton } from './export-xlsx-button.tsx';
import { inspectorsApi } from './inspectors-api.ts';

export function ResponsibilitiesTab({ canManage }: { canManage: boolean }) {
  const { message } = App.useApp();
  const lp = useListParams();
  const inspectors = useQuery('inspectors', (signal) => inspectorsApi.list(signal));
  const q = useQuery(`resp:${lp.key}`, (signal) =>
    inspectorsApi.responsibilities({ inspectorId: lp.filters.inspectorId, overdue: lp.filters.overdue }, signal),
  );
  const [search, setSearch] = useState('');
  const needle = search.trim();
  const shown = (q.data?.items ?? []).filter((r) => !needle || r.schoolName.includes(needle) || r.schoolCode.includes(needle));
  const options = (inspectors.data?.items ?? []).map((i) => ({ value: i.userId, label: `${i.name}（${i.responsibleSchools} 所）` }));
  const assign = async (r: Responsibility, inspectorId: number | null) => {
    try {
      await inspectorsApi.assign(r.schoolId, inspectorId, todayIso());
      message.success('已更新责任督学');
      q.reload();
      inspectors.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label="搜索学校"
          placeholder="学校名称或标识码"
          style={{ width: 220 }}
          onSearch={setSearch}
          onChange={(e) => !e.target.value && setSearch('')}
        />
        <Select
          allowClear
          placeholder="全部督学"
          style={{ width: 200 }}
          options={options}
          value={lp.filters.inspectorId ? Number(lp.filters.inspectorId) : undefined}
          onChange={(v) => lp.setFilters({ inspectorId: v })}
        />
        <span>
          只看逾期 <Switch checked={lp.filters.overdue === 'true'} onChange={(v) => lp.setFilters({ overdue: v ? 'true' : null })} />
        </span>
        {q.data && <span>督导周期：{q.data.intervalDays} 天</span>}
        {q.data && (
          <ExportXlsxButton<Responsibility>
            fileName="责任督学与责任学校.xlsx"
            sheetName="责任学校"
            fetchPage={() =>
              Promise.resolve({ items: q.data!.items, total: q.data!.items.length, page: 1, pageSize: q.data!.items.length })
            }
            columns={[
              { title: '学校标识码', value: (r) => r.schoolCode },
              { title: '学校', value: (r) => r.schoolName },
              { title: '街镇', value: (r) => r.streetName },
              { title: '责任督学', value: (r) => r.inspectorName ?? '未指定' },
              { title: '上次督导', value: (r) => r.lastVisit },
              { title: '下次应督导', value: (r) => r.nextDue },
              { title: '逾期天数', value: (r) => (r.isOverdue ? r.daysOverdue : null) },
              { title: '未销号整改', value: (r) => r.openRectifications },
            ]}
          />
        )}
      </Flex>
      <Table<Responsibility>
        size="small"
        rowKey="schoolId"
        loading={q.isLoading}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 所` }}
        columns={[
          { title: '学校', dataIndex: 'schoolName' },
          { title: '街镇', render: (_, r) => r.streetName ?? '—' },
          {
            title: '责任督学',
            render: (_, r) =>
              canManage ? (
                <Select
                  allowClear
                  size="small"
                  style={{ width: 180 }}
                  placeholder="未指定"
                  value={r.inspectorId ?? undefined}
                  options={options}
                  onChange={(v) => void assign(r, v ?? null)}
                />
              ) : (
                (r.inspectorName ?? <Tag color="orange">未指定</Tag>)
              ),
          },
          { title: '上次督导', render: (_, r) => formatDate(r.lastVisit) },
          { title: '下次应督导', render: (_, r) => (r.isOverdue ? <Tag color="red">逾期 {r.daysOverdue} 天</Tag> : formatDate(r.nextDue)) },
          {
            title: '未销号整改',
            render: (_, r) =>
              r.openRectifications > 0 ? <Link to={`/rectifications?schoolId=${r.schoolId}`}>{r.openRectifications}</Link> : 0,
          },
          {
            title: '',
            render: (_, r) => (
              <Flex gap={8}>
                <Link to={`/inspectors/visits/new?schoolId=${r.schoolId}`}>记录督导</Link>
                <Link to={`/inspectors/plate/${r.schoolId}`}>公示牌</Link>
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
