/** /groups/:id — a group's facts and dated membership history; district writers add, end and dissolve. */
import { ArrowLeftOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { GROUP_KIND_LABELS, type GroupMember } from '@zhiping/contracts';
import { Button, Card, DatePicker, Flex, Result, Segmented, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api-error.ts';
import { todayIso } from '../../lib/format.ts';
import { canAtDistrict } from '../../lib/permissions.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { AddMemberModal } from './add-member-modal.tsx';
import { DateActionModal, type DateAction } from './date-action-modal.tsx';
import { GroupFormModal } from './group-form-modal.tsx';
import { GroupInfo } from './group-info.tsx';
import { membershipState } from './group-labels.ts';
import { GroupMembersTable } from './group-members-table.tsx';
import { endGroupMember, fetchGroup, updateGroup } from './groups-api.ts';

export default function GroupDetailPage() {
  const me = useMe();
  const id = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const day = search.get('asOf') ?? todayIso();
  const [onlyOnDay, setOnlyOnDay] = useState(search.has('asOf'));
  const [isEditing, setEditing] = useState(false);
  const [isAdding, setAdding] = useState(false);
  const [dateAction, setDateAction] = useState<DateAction | null>(null);
  const isValidId = Number.isInteger(id) && id > 0;
  const group = useQuery(isValidId ? `group:${id}` : null, (signal) => fetchGroup(id, signal));

  if (!isValidId || (group.error instanceof ApiError && group.error.code === 'NOT_FOUND')) {
    return <Result status="404" title="组织不存在" subTitle="该组织不存在或已被删除。" extra={<Link to="/groups">返回列表</Link>} />;
  }
  const g = group.data;
  const isDissolved = !!g?.validTo && g.validTo <= todayIso();
  const canEdit = canAtDistrict(me, 'base:write') && !!g && !isDissolved;

  const endMember = (m: GroupMember) =>
    setDateAction({
      title: `${m.schoolName} 退出“${g!.name}”`,
      label: '退出日期',
      description: '退出后历史记录保留，按日期查询时仍可看到该校在此前的成员身份。',
      after: m.validFrom,
      okText: '退出',
      run: (date) => endGroupMember(g!.id, m.id, date),
    });
  const dissolve = () =>
    setDateAction({
      title: `撤销“${g!.name}”`,
      label: '撤销日期',
      description: '撤销后所有在组成员在同一日期退出，组织及成员历史保留。',
      after: g!.validFrom,
      okText: '撤销',
      run: (date) => updateGroup(g!.id, { validTo: date }),
    });
  const members = g ? (onlyOnDay ? g.members.filter((m) => membershipState(m, day) === 'current') : g.members) : [];

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8}>
            <Link to="/groups" aria-label="返回列表">
              <ArrowLeftOutlined />
            </Link>
            {g?.name ?? '组织'}
            {g && <Tag color="blue">{GROUP_KIND_LABELS[g.kind]}</Tag>}
            {isDissolved && <Tag>已撤销</Tag>}
          </Flex>
        }
        extra={
          canEdit && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                添加成员
              </Button>
              <Button danger icon={<StopOutlined />} onClick={dissolve}>
                撤销组织
              </Button>
            </>
          )
        }
      />
      <ErrorAlert error={group.error} onRetry={group.reload} />
      {!g && group.isLoading && <Spin style={{ display: 'block', margin: '60px auto' }} />}
      {g && (
        <Flex vertical gap={16}>
          <Card title="基本信息">
            <GroupInfo group={g} />
          </Card>
          <Card
            title="成员及变动记录"
            extra={
              <Flex gap={8} align="center" wrap>
                <DatePicker
                  aria-label="查看日期"
                  allowClear={false}
                  value={dayjs(day)}
                  onChange={(d) => setSearch(d ? { asOf: d.format('YYYY-MM-DD') } : {}, { replace: true })}
                />
                <Segmented
                  value={onlyOnDay ? 'day' : 'all'}
                  onChange={(v) => setOnlyOnDay(v === 'day')}
                  options={[
                    { value: 'all', label: '全部记录' },
                    { value: 'day', label: '仅该日在组' },
                  ]}
                />
              </Flex>
            }
          >
            <GroupMembersTable
              members={members}
              day={day}
              onEnd={canEdit ? endMember : undefined}
              empty={onlyOnDay ? `${day} 该组织没有在组成员` : canEdit ? '还没有成员，请点击“添加成员”' : '还没有成员'}
            />
          </Card>
          <GroupFormModal
            open={isEditing}
            group={g}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              group.reload();
            }}
          />
          <AddMemberModal
            group={g}
            open={isAdding}
            onClose={() => setAdding(false)}
            onSaved={() => {
              setAdding(false);
              group.reload();
            }}
          />
        </Flex>
      )}
      <DateActionModal
        action={dateAction}
        onClose={() => setDateAction(null)}
        onDone={() => {
          setDateAction(null);
          group.reload();
        }}
      />
    </>
  );
}
