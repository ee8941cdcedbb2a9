import type { SchoolVersion } from '@zhiping/contracts';
import { SPONSOR, URBAN_RURAL } from '@zhiping/domain';
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { labelOf, schoolTypeLabel } from '../../components/code-labels.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { formatDate } from '../../lib/format.ts';

const COLUMNS: ColumnsType<SchoolVersion> = [
  { title: '生效日期', dataIndex: 'validFrom', render: formatDate, width: 110 },
  { title: '失效日期', dataIndex: 'validTo', render: (v: string | null) => (v ? formatDate(v) : '至今'), width: 110 },
  { title: '学校名称', dataIndex: 'name' },
  { title: '办学类型', dataIndex: 'typeCode', render: schoolTypeLabel },
  { title: '举办者', dataIndex: 'sponsor', render: (v: string) => labelOf(SPONSOR, v) },
  { title: '普惠', dataIndex: 'isInclusive', render: (v: boolean) => (v ? '是' : '否') },
  { title: '城乡分类', dataIndex: 'urbanRuralCode', render: (v: string) => labelOf(URBAN_RURAL, v) },
  { title: '街镇', dataIndex: 'streetName', render: (v: string | null) => v ?? '—' },
  { title: '地址', dataIndex: 'address' },
];

/** 历史: every dated version of the school (valid_from / valid_to). */
export function SchoolHistoryTable({ history }: { history: SchoolVersion[] }) {
  return (
    <Table<SchoolVersion>
      size="small"
      rowKey="validFrom"
      columns={COLUMNS}
      dataSource={history}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyState description="暂无历史版本" /> }}
    />
  );
}
