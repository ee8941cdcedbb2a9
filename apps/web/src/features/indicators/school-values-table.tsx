/** A school's values beside the district's, each linking to its drill-down. */
import type { IndicatorValue } from '@zhiping/contracts';
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { thresholdText, valueText } from './indicator-format.ts';
import { StatusTag, type Status } from './indicator-status.tsx';
import { fractionText } from './indicator-values-table.tsx';
import { drillDownPath } from './ranking-table.tsx';

export function SchoolValuesTable(props: { values: IndicatorValue[]; district: IndicatorValue[]; schoolId: number; year: number }) {
  const districtOf = (v: IndicatorValue) =>
    props.district.find((d) => d.code === v.code && d.stage === v.stage) ??
    props.district.find((d) => d.code === v.code && d.stage === null);
  const columns: ColumnsType<IndicatorValue> = [
    {
      title: '指标',
      dataIndex: 'name',
      render: (name: string, v) => <Link to={drillDownPath(v.code, props.schoolId, v.stage, props.year)}>{name}</Link>,
    },
    { title: '本校', key: 'value', align: 'right', width: 110, render: (_x, v) => <strong>{valueText(v)}</strong> },
    { title: '分子 / 分母', key: 'fraction', align: 'right', render: (_x, v) => fractionText(v) },
    { title: '全区', key: 'district', align: 'right', width: 110, render: (_x, v) => valueText(districtOf(v) ?? { display: null }) },
    { title: '标准', key: 'threshold', width: 110, render: (_x, v) => (v.threshold ? thresholdText(v.code, v.threshold) : '—') },
    { title: '状态', dataIndex: 'status', width: 110, render: (s: Status) => <StatusTag status={s} /> },
    { title: '说明', key: 'note', render: (_x, v) => [v.reason, ...v.warnings].filter(Boolean).join('；') || '—' },
  ];
  return (
    <Table<IndicatorValue>
      size="small"
      rowKey={(v) => `${v.code}|${v.stage ?? ''}`}
      columns={columns}
      dataSource={props.values}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
