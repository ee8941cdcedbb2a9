/** Membership history of a group: every school with its dates, and its state on the chosen day. */
import { MEMBER_ROLE_LABELS, type GroupMember } from '@zhiping/contracts';
import { Button, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { formatDate, todayIso } from '../../lib/format.ts';
import { membershipState, type MembershipState } from './group-labels.ts';

const STATE_TAGS: Record<MembershipState, { color: string; label: string }> = {
  current: { color: 'green', label: '在组' },
  ended: { color: 'default', label: '已退出' },
  future: { color: 'blue', label: '未生效' },
};

export function GroupMembersTable(props: {
  members: GroupMember[];
  /** The day states are shown for ('YYYY-MM-DD'). */
  day: string;
  /** Shows 退出 on open memberships when given. */
  onEnd?: (m: GroupMember) => void;
  empty: string;
}) {
  const { day, onEnd } = props;
  const columns: ColumnsType<GroupMember> = [
    { title: '学校', dataIndex: 'schoolName', render: (name: string, m) => <Link to={`/schools/${m.schoolId}`}>{name}</Link> },
    { title: '学校标识码', dataIndex: 'schoolCode', width: 120 },
    {
      title: '角色',
      dataIndex: 'role',
      width: 100,
      render: (r: GroupMember['role']) => <Tag color={r === 'core' || r === 'helper' ? 'gold' : undefined}>{MEMBER_ROLE_LABELS[r]}</Tag>,
    },
    { title: '加入日期', dataIndex: 'validFrom', render: formatDate, width: 120 },
    { title: '退出日期', dataIndex: 'validTo', render: formatDate, width: 120 },
    {
      title: `${day} 状态`,
      key: 'state',
      width: 130,
      render: (_v, m) => {
        const t = STATE_TAGS[membershipState(m, day)];
        return <Tag color={t.color}>{t.label}</Tag>;
      },
    },
  ];
  if (onEnd) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_v, m) =>
        (m.validTo === null || m.validTo > todayIso()) && (
          <Button type="link" size="small" danger onClick={() => onEnd(m)}>
            退出
          </Button>
        ),
    });
  }
  return (
    <Table<GroupMember>
      size="middle"
      rowKey="id"
      columns={columns}
      dataSource={props.members}
      pagination={props.members.length > 20 ? { pageSize: 20, showTotal: (t) => `共 ${t} 条` } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyState description={props.empty} /> }}
    />
  );
}
