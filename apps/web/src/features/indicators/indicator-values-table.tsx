/** Every district value under the filters: value, numerator/denominator, threshold with its document, status. */
import type { IndicatorValue } from '@zhiping/contracts';
import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { indicatorPath, stageName, thresholdSource, thresholdText, valueText } from './indicator-format.ts';
import { STATUS_META, StatusTag, type Status } from './indicator-status.tsx';

/** Numerator / denominator as counted, e.g. '183,535.47 / 29,779'. */
export function fractionText(v: Pick<IndicatorValue, 'numerator' | 'denominator'>): string {
  if (v.numerator === null && v.denominator === null) return '—';
  if (v.denominator === null) return formatNumber(v.numerator);
  return `${formatNumber(v.numerator)} / ${formatNumber(v.denominator)}`;
}

export function IndicatorValuesTable({ items, year }: { items: IndicatorValue[]; year?: number }) {
  const columns: ColumnsType<IndicatorValue> = [
    {
      title: '指标',
      dataIndex: 'name',
      render: (name: string, v) => <Link to={indicatorPath(v.code, v.stage, year)}>{name}</Link>,
    },
    { title: '学段', dataIndex: 'stage', width: 90, render: stageName },
    { title: '值', dataIndex: 'display', width: 110, align: 'right', render: (_d, v) => <strong>{valueText(v)}</strong> },
    { title: '分子 / 分母', key: 'fraction', width: 200, align: 'right', render: (_v, v) => fractionText(v) },
    {
      title: '标准及依据',
      key: 'threshold',
      render: (_v, v) =>
        v.threshold ? (
          <Tooltip title={thresholdSource(v.threshold)}>
            <Typography.Text style={{ maxWidth: 320 }} ellipsis>
              {thresholdText(v.code, v.threshold)} · {v.threshold.document}
            </Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{v.reason ?? '无适用标准'}</Typography.Text>
        ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      filters: (Object.keys(STATUS_META) as Status[]).map((s) => ({ text: STATUS_META[s].label, value: s })),
      onFilter: (value, v) => v.status === value,
      render: (s: Status) => <StatusTag status={s} />,
    },
  ];
  return (
    <Table<IndicatorValue>
      size="small"
      rowKey={(v) => `${v.code}|${v.stage ?? ''}`}
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
