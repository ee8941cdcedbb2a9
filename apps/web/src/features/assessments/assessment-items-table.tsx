/** Every item of an assessment with its status and reason; rows expand to the values and evidence behind them. */
import type { AssessmentItem, AssessmentKind } from '@zhiping/contracts';
import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { StatusTag, verdictStatus } from '../indicators/indicator-status.tsx';
import { ItemDetail } from './item-detail.tsx';

const BASIS_LABELS: Record<AssessmentItem['basis'], string> = { computed: '数据计算', manual: '人工判定', none: '未判定' };

/** True when a district writer may decide the item by hand (manual items, and computed ones without data). */
export function isManuallyDecidable(item: AssessmentItem): boolean {
  return item.compute === 'manual' || item.basis !== 'computed';
}

export function AssessmentItemsTable(props: {
  kind: AssessmentKind;
  year: number;
  items: AssessmentItem[];
  canEdit: boolean;
  onDecide: (item: AssessmentItem) => void;
  onChanged: () => void;
}) {
  const columns: ColumnsType<AssessmentItem> = [
    { title: '条目', key: 'no', width: 96, render: (_x, i) => `${i.partLabel} ${i.number}` },
    {
      title: '内容',
      key: 'name',
      width: 340,
      render: (_x, i) => (
        <>
          <div>{i.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.standard}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '判定方式',
      dataIndex: 'basis',
      width: 100,
      render: (b: AssessmentItem['basis'], i) => (
        <Tag color={b === 'manual' ? 'purple' : b === 'computed' ? 'blue' : undefined}>
          {BASIS_LABELS[b]}
          {i.evidence.length ? ` · ${i.evidence.length}附件` : ''}
        </Tag>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      render: (s: AssessmentItem['status']) => <StatusTag status={verdictStatus(s)} />,
      filters: [
        { text: '达标', value: 'met' },
        { text: '未达标', value: 'not_met' },
        { text: '无法判定', value: 'no_data' },
      ],
      onFilter: (value, i) => i.status === value,
    },
    {
      title: '原因',
      dataIndex: 'reason',
      render: (r: string) => (
        <Typography.Paragraph style={{ margin: 0, maxWidth: 240 }} ellipsis={{ rows: 2, tooltip: r }}>
          {r || '—'}
        </Typography.Paragraph>
      ),
    },
  ];
  if (props.canEdit) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 100,
      render: (_x, i) =>
        isManuallyDecidable(i) && (
          <Button type="link" size="small" onClick={() => props.onDecide(i)}>
            人工判定
          </Button>
        ),
    });
  }
  return (
    <Table<AssessmentItem>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={props.items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (i) => (
          <ItemDetail kind={props.kind} year={props.year} item={i} canEdit={props.canEdit} onChanged={props.onChanged} />
        ),
      }}
    />
  );
}
