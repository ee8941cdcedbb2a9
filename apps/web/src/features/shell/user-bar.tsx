/** The right side of the top bar: the user's name and roles, 修改密码 and 退出登录. */
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS, type RoleGrant } from '@zhiping/contracts';
import { Button, Grid, Space, Tag, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth/auth-context.tsx';

/** "学校管理员（XX小学）", "区级科室人员（教师科）". */
export function roleGrantLabel(grant: RoleGrant): string {
  const scope = grant.schoolName ?? grant.office;
  return scope ? `${ROLE_LABELS[grant.role]}（${scope}）` : ROLE_LABELS[grant.role];
}

export function UserBar() {
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };
  return (
    <Space size="small" wrap={false}>
      <UserOutlined />
      <Typography.Text strong data-testid="current-user">
        {me.displayName}
      </Typography.Text>
      {screens.md &&
        me.roles.map((g) => (
          <Tag key={g.id} color="blue">
            {roleGrantLabel(g)}
          </Tag>
        ))}
      <Tooltip title="修改密码">
        <Button type="text" icon={<KeyOutlined />} onClick={() => navigate('/change-password')} aria-label="修改密码" />
      </Tooltip>
      <Button type="text" icon={<LogoutOutlined />} onClick={() => void onLogout()}>
        {screens.sm ? '退出登录' : null}
      </Button>
    </Space>
  );
}
