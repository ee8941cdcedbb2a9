import type { RoleGrant, UserSummary } from '@zhiping/contracts';
import { Button, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime } from '../../lib/format.ts';
import { roleGrantLabel } from '../shell/user-bar.tsx';

export interface UserActions {
  canManage: boolean;
  canAssign: boolean;
  onToggleDisabled: (u: UserSummary) => void;
  onResetPassword: (u: UserSummary) => void;
  onGrant: (u: UserSummary) => void;
  onRevoke: (u: UserSummary, grant: RoleGrant) => void;
}

/** Columns of the accounts table; actions follow the viewer's permissions. */
export function userColumns(a: UserActions): ColumnsType<UserSummary> {
  return [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    {
      title: '角色',
      key: 'roles',
      render: (_v, u) =>
        u.roles.length === 0 ? (
          <Tag>未分配</Tag>
        ) : (
          <Space orientation="vertical" size={2}>
            {u.roles.map((g) => (
              <Space key={g.id} size={4}>
                <Tag color="blue">{roleGrantLabel(g)}</Tag>
                {a.canAssign && (
                  <Popconfirm
                    title={`撤销 ${u.displayName} 的角色“${roleGrantLabel(g)}”？`}
                    description="撤销后该账号立即失去此角色的权限。"
                    okText="撤销"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => a.onRevoke(u, g)}
                  >
                    <Button type="link" size="small" danger aria-label={`撤销角色 ${roleGrantLabel(g)}`}>
                      撤销
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ))}
          </Space>
        ),
    },
    {
      title: '状态',
      key: 'status',
      render: (_v, u) => (
        <Space size={4} wrap>
          {u.isDisabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
          {u.isLocked && <Tag color="red">已锁定</Tag>}
          {u.mustChangePassword && <Tag color="orange">待改密码</Tag>}
        </Space>
      ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', render: formatDateTime },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_v, u) => (
        <Space size={0} wrap>
          {a.canAssign && (
            <Button type="link" size="small" onClick={() => a.onGrant(u)}>
              授予角色
            </Button>
          )}
          {a.canManage && (
            <Popconfirm
              title={u.isDisabled ? `启用账号 ${u.username}？` : `停用账号 ${u.username}？停用后该账号无法登录。`}
              onConfirm={() => a.onToggleDisabled(u)}
            >
              <Button type="link" size="small" danger={!u.isDisabled}>
                {u.isDisabled ? '启用' : '停用'}
              </Button>
            </Popconfirm>
          )}
          {a.canManage && (
            <Popconfirm title={`重置 ${u.username} 的密码？将生成一次性初始密码。`} onConfirm={() => a.onResetPassword(u)}>
              <Button type="link" size="small">
                重置密码
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
