import { GROUP_KIND_LABELS, type GroupKind, type GroupSummary } from '@zhiping/contracts';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { coreRoleTitle, groupStageLabel } from './group-labels.ts';

/**
 * Columns of the groups list; counts and core schools are as of the list's date. A chosen date
 * (asOfParam) travels to the detail page, which then shows the members of that day.
 */
export function groupColumns(kind: GroupKind | undefined, asOf: string, asOfParam: string | undefined): ColumnsType<GroupSummary> {
  return [
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string, g) => (
        <>
          <Link to={asOfParam ? `/groups/${g.id}?asOf=${asOfParam}` : `/groups/${g.id}`}>{name}</Link>
          {g.validTo !== null && g.validTo <= asOf && (
            <Tag color="default" style={{ marginLeft: 6 }}>
              已撤销
            </Tag>
          )}
        </>
      ),
    },
    ...(kind ? [] : [{ title: '类型', dataIndex: 'kind', render: (k: GroupKind) => GROUP_KIND_LABELS[k], width: 120 }]),
    { title: '模式', dataIndex: 'model', render: (v: string) => v || '—' },
    { title: '学段', dataIndex: 'stage', render: groupStageLabel, width: 90 },
    {
      title: coreRoleTitle(kind),
      dataIndex: 'coreSchoolNames',
      render: (names: string[]) => (names.length ? names.join('、') : <Tag color="orange">未设</Tag>),
    },
    { title: '成员校数', dataIndex: 'memberCount', align: 'right', width: 100 },
    { title: '成立日期', dataIndex: 'validFrom', render: formatDate, width: 120 },
    { title: '撤销日期', dataIndex: 'validTo', render: formatDate, width: 120 },
  ];
}
