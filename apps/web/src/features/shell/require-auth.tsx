/** Route guards: a session (and a changed password), and page permissions. */
import type { Permission } from '@zhiping/contracts';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { canAtDistrict } from '../../lib/permissions.ts';
import { useAuth, useMe } from '../auth/auth-context.tsx';
import { hasAny } from './nav-items.tsx';

/** Sends signed-out users to 登录 and users with an initial password to 修改密码. */
export function RequireAuth() {
  const { me } = useAuth();
  const location = useLocation();
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <Outlet />;
}

/** Shows the page only with one of the permissions (district-wide when isDistrictOnly); otherwise a 403 result. */
export function RequirePermission({
  anyOf,
  isDistrictOnly = false,
  children,
}: {
  anyOf: readonly Permission[];
  isDistrictOnly?: boolean;
  children: ReactNode;
}) {
  const me = useMe();
  if (isDistrictOnly ? anyOf.some((p) => canAtDistrict(me, p)) : hasAny(me, anyOf)) return children;
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的角色没有此页面的权限。如需使用，请联系安全管理员分配角色。"
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}
