/** Schools ranked on one indicator; each row drills down to the school's numerator, denominator and records. */
import type { IndicatorSchools } from '@zhiping/contracts';
import { SPONSOR } from '@zhiping/domain';
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { valueText } from './indicator-format.ts';
import { StatusTag, type Status } from './indicator-status.tsx';
import { fractionText } from './indicator-values-table.tsx';

type Ranked = IndicatorSchools['items'][number];

/** Path of a school's drill-down page. */
export function drillDownPath(code: string, schoolId: number, stage: string | null, year: number): string {
  const q = new URLSearchParams({ year: String(year) });
  if (stage) q.set('stage', stage);
  return `/indicators/${encodeURIComponent(code)}/schools/${schoolId}?${q.toString()}`;
}

export function RankingTable({ data }: { data: IndicatorSchools }) {
  const link = (s: Ranked) => drillDownPath(data.code, s.schoolId, data.stage, data.year);
  const columns: ColumnsType<Ranked> = [
    { title: '名次', dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
    { title: '学校', dataIndex: 'schoolName', render: (name: string, s) => <Link to={link(s)}>{name}</Link> },
    { title: '街镇', dataIndex: 'streetName', render: (v: string | null) => v ?? '—' },
    { title: '举办者', dataIndex: 'sponsor', width: 80, render: (v: Ranked['sponsor']) => SPONSOR.labels[v] },
    {
      title: '值',
      key: 'value',
      align: 'right',
      width: 110,
      render: (_v, s) => <strong>{valueText(s.value)}</strong>,
      sorter: (a, b) => (a.value.value ?? -Infinity) - (b.value.value ?? -Infinity),
    },
    { title: '分子 / 分母', key: 'fraction', align: 'right', render: (_v, s) => fractionText(s.value) },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_v, s) => <StatusTag status={s.value.status as Status} />,
      filters: [
        { text: '达标', value: 'met' },
        { text: '未达标', value: 'not_met' },
        { text: '无数据', value: 'no_data' },
      ],
      onFilter: (value, s) => s.value.status === value,
    },
    {
      title: '下钻',
      key: 'drill',
      width: 90,
      render: (_v, s) => <Link to={link(s)}>分子分母</Link>,
    },
  ];
  return (
    <Table<Ranked>
      size="small"
      rowKey="schoolId"
      columns={columns}
      dataSource={data.items}
      scroll={{ x: 'max-content' }}
      pagination={data.items.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 所` } : false}
      locale={{ emptyText: <EmptyState description="没有学校的值" /> }}
    />
  );
}
