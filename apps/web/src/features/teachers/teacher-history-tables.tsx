/** 骨干认定 and 任职/调动 history tables of a teacher. */
import type { Assignment, Recognition } from '@zhiping/contracts';
import { BACKBONE_LEVEL } from '@zhiping/domain';
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { labelOf } from '../../components/code-labels.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { formatDate } from '../../lib/format.ts';

const RECOGNITION_COLUMNS: ColumnsType<Recognition> = [
  { title: '级别', dataIndex: 'level', render: (v: string) => <Tag color="gold">{labelOf(BACKBONE_LEVEL, v)}</Tag> },
  { title: '学科', dataIndex: 'subject', render: (v: string | null) => v ?? '—' },
  { title: '认定单位', dataIndex: 'issuer', render: (v: string) => v || '—' },
  { title: '认定日期', dataIndex: 'issuedOn', render: formatDate },
  { title: '有效期至', dataIndex: 'validUntil', render: (v: string | null) => (v ? formatDate(v) : '长期') },
];

const ASSIGNMENT_KIND: Record<Assignment['kind'], string> = { full: '任职（人事关系在本校）', partial: '交流轮岗（编制保留在原校）' };

const ASSIGNMENT_COLUMNS: ColumnsType<Assignment> = [
  { title: '任职学校', dataIndex: 'schoolName', render: (v: string, a) => <Link to={`/schools/${a.schoolId}`}>{v}</Link> },
  { title: '类型', dataIndex: 'kind', render: (v: Assignment['kind']) => ASSIGNMENT_KIND[v] },
  { title: '原学校（编制所在）', dataIndex: 'homeSchoolName', render: (v: string | null) => v ?? '—' },
  { title: '开始日期', dataIndex: 'validFrom', render: formatDate },
  { title: '结束日期', dataIndex: 'validTo', render: (v: string | null) => (v ? formatDate(v) : '至今') },
  { title: '原因', dataIndex: 'reason', render: (v: string) => v || '—' },
];

export function RecognitionsTable({ recognitions }: { recognitions: Recognition[] }) {
  return (
    <Table<Recognition>
      size="small"
      rowKey="id"
      columns={RECOGNITION_COLUMNS}
      dataSource={recognitions}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyState description="暂无骨干认定记录" /> }}
    />
  );
}

export function AssignmentsTable({ assignments }: { assignments: Assignment[] }) {
  return (
    <Table<Assignment>
      size="small"
      rowKey="id"
      columns={ASSIGNMENT_COLUMNS}
      dataSource={[...assignments].sort((a, b) => b.validFrom.localeCompare(a.validFrom))}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyState description="暂无任职或调动记录" /> }}
    />
  );
}
