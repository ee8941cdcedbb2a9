/** The expanded row of an assessment item: why, the values that decided it, the manual record and the evidence. */
import type { AssessmentItem, AssessmentKind, IndicatorValue } from '@zhiping/contracts';
import { Descriptions, Table, Typography } from 'antd';
import { formatDateTime } from '../../lib/format.ts';
import { stageName, thresholdText, valueText } from '../indicators/indicator-format.ts';
import { StatusTag } from '../indicators/indicator-status.tsx';
import { EvidenceList } from './evidence-list.tsx';

const whereOf = (v: IndicatorValue) => `${v.schoolName ?? '全区'}${v.stage ? `（${stageName(v.stage)}）` : ''}`;

export function ItemDetail(props: { kind: AssessmentKind; year: number; item: AssessmentItem; canEdit: boolean; onChanged: () => void }) {
  const { item } = props;
  const items = [
    { key: 'standard', label: '标准', children: item.standard, span: 'filled' as const },
    {
      key: 'source',
      label: '依据',
      children: `${item.source.document}${item.source.article ? ` ${item.source.article}` : ''}`,
      span: 'filled' as const,
    },
    { key: 'reason', label: '判定说明', children: item.reason || '—', span: 'filled' as const },
    ...(item.record
      ? [
          {
            key: 'record',
            label: '人工判定',
            span: 'filled' as const,
            children: `${item.record.met ? '达标' : '未达标'}（${item.record.updatedBy}，${formatDateTime(item.record.updatedAt)}）${item.record.note ? `：${item.record.note}` : ''}`,
          },
        ]
      : []),
    {
      key: 'evidence',
      label: '佐证材料',
      span: 'filled' as const,
      children: <EvidenceList kind={props.kind} year={props.year} item={item} canEdit={props.canEdit} onChanged={props.onChanged} />,
    },
  ];
  return (
    <div style={{ maxWidth: 1100 }}>
      <Descriptions bordered size="small" column={1} items={items} />
      {item.details.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            明细（{item.details.length} 条）
          </Typography.Title>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {item.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      )}
      {item.values.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            判定所依据的指标值（未达标在前；共 {item.valueCount} 个
            {item.valueCount > item.values.length ? `，显示前 ${item.values.length} 个` : ''}）
          </Typography.Title>
          <Table<IndicatorValue>
            size="small"
            rowKey={(v) => `${v.code}|${v.schoolId ?? ''}|${v.stage ?? ''}`}
            dataSource={item.values}
            pagination={item.values.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: '对象', key: 'where', render: (_x, v) => whereOf(v) },
              { title: '指标', dataIndex: 'name' },
              { title: '值', key: 'value', align: 'right', render: (_x, v) => valueText(v) },
              { title: '标准', key: 'threshold', render: (_x, v) => thresholdText(v.code, v.threshold) },
              { title: '状态', dataIndex: 'status', render: (s: IndicatorValue['status']) => <StatusTag status={s} /> },
            ]}
          />
        </>
      )}
    </div>
  );
}
