import type { SchoolSummary } from '@zhiping/contracts';
import { SPONSOR } from '@zhiping/domain';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { labelOf } from '../../components/code-labels.ts';
import { formatCount } from '../../lib/format.ts';

/** Columns of the schools list. */
export const SCHOOL_COLUMNS: ColumnsType<SchoolSummary> = [
  { title: '学校标识码', dataIndex: 'code', width: 120 },
  {
    title: '学校名称',
    dataIndex: 'name',
    render: (name: string, s) => (
      <>
        <Link to={`/schools/${s.id}`}>{name}</Link>
        {s.closedOn && (
          <Tag color="default" style={{ marginLeft: 6 }}>
            已撤销
          </Tag>
        )}
      </>
    ),
  },
  { title: '办学类型', dataIndex: 'typeName' },
  { title: '举办者', dataIndex: 'sponsor', render: (v: string) => labelOf(SPONSOR, v), width: 80 },
  { title: '普惠', dataIndex: 'isInclusive', render: (v: boolean) => (v ? <Tag color="green">普惠</Tag> : '—'), width: 70 },
  { title: '街镇', dataIndex: 'streetName', render: (v: string | null) => v ?? '—' },
  { title: '在校生', dataIndex: 'students', align: 'right', render: formatCount },
  { title: '班数', dataIndex: 'classes', align: 'right', render: formatCount },
  { title: '教师数', dataIndex: 'teachers', align: 'right', render: formatCount },
];
