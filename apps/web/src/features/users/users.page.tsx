/** 用户与角色: accounts (system admin) and role grants (security admin), 三员分立. */
import { PlusOutlined } from '@ant-design/icons';
import type { UserSummary } from '@zhiping/contracts';
import { Alert, App, Button, Card, Input } from 'antd';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { can } from '../../lib/permissions.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { roleGrantLabel } from '../shell/user-bar.tsx';
import { CreateUserModal } from './create-user-modal.tsx';
import { GrantRoleModal } from './grant-role-modal.tsx';
import { OneTimePasswordModal } from './one-time-password-modal.tsx';
import { userColumns } from './user-columns.tsx';
import { fetchUsers, resetUserPassword, revokeRole, setUserDisabled } from './users-api.ts';

export default function UsersPage() {
  const me = useMe();
  const { message } = App.useApp();
  const params = useListParams();
  const [isCreating, setCreating] = useState(false);
  const [granting, setGranting] = useState<UserSummary | null>(null);
  const [otp, setOtp] = useState<{ title: string; username: string; password: string } | null>(null);
  const users = useQuery(`users?${params.key}`, (signal) =>
    fetchUsers({ q: params.filters.q, page: params.page, pageSize: params.pageSize }, signal),
  );
  const canManage = can(me, 'users:manage');
  const canAssign = can(me, 'roles:assign');

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      users.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns = useMemo(
    () =>
      userColumns({
        canManage,
        canAssign,
        onGrant: setGranting,
        onToggleDisabled: (u) => void run(() => setUserDisabled(u.id, !u.isDisabled), u.isDisabled ? '已启用' : '已停用'),
        onResetPassword: (u) =>
          void resetUserPassword(u.id)
            .then((r) => setOtp({ title: '密码已重置', username: u.username, password: r.temporaryPassword }))
            .catch((e: unknown) => message.error(errorMessage(e))),
        onRevoke: (u, grant) => void run(() => revokeRole(u.id, grant.id), `已撤销角色：${roleGrantLabel(grant)}`),
      }),
    // run/message are stable for the page's lifetime; users.reload is stable.
    [canManage, canAssign],
  );

  return (
    <>
      <PageHeader
        title="用户与角色"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建账号
            </Button>
          )
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="三员分立"
        description="系统管理员负责账号（新建、停用、重置密码），安全管理员负责分配和撤销角色，审计管理员只查看审计日志。三类管理员互不兼任，也不兼任业务角色。"
      />
      <Card>
        <Input.Search
          placeholder="用户名或姓名"
          allowClear
          defaultValue={params.filters.q}
          onSearch={(q) => params.setFilters({ q: q.trim() })}
          style={{ width: 240, marginBottom: 16 }}
          aria-label="搜索账号"
        />
        <PagedTable
          rowKey="id"
          columns={columns}
          data={users.data}
          isLoading={users.isLoading}
          error={users.error}
          onRetry={users.reload}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          empty={params.filters.q ? '没有匹配的账号' : canManage ? '还没有账号，请点击“新建账号”' : '还没有账号，请联系系统管理员新建'}
        />
      </Card>
      <CreateUserModal
        open={isCreating}
        onClose={() => setCreating(false)}
        onCreated={(username, r) => {
          setCreating(false);
          setOtp({ title: '账号已创建', username, password: r.temporaryPassword });
          users.reload();
        }}
      />
      <GrantRoleModal
        user={granting}
        onClose={() => setGranting(null)}
        onSaved={() => {
          setGranting(null);
          users.reload();
        }}
      />
      <OneTimePasswordModal
        title={otp?.title ?? ''}
        username={otp?.username ?? ''}
        password={otp?.password ?? null}
        onClose={() => setOtp(null)}
      />
    </>
  );
}
