/**
 * The index route: the overview for district users with base data, a school's own indicators for
 * school administrators, else the first page the user may open.
 */
import { Result } from 'antd';
import { lazy } from 'react';
import { Navigate } from 'react-router';
import { useMe } from '../auth/auth-context.tsx';
import { ownSchoolId, visibleNavItems } from './nav-items.tsx';

const OverviewPage = lazy(() => import('../overview/overview.page.tsx'));

export default function HomeRedirect() {
  const me = useMe();
  const schoolId = ownSchoolId(me);
  if (schoolId !== null && me.permissions.includes('base:read')) return <Navigate to={`/indicators/schools/${schoolId}`} replace />;
  if (me.permissions.includes('base:read')) return <OverviewPage />;
  const first = visibleNavItems(me)[0];
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="info" title="尚未分配角色" subTitle="您的账号还没有任何角色。请联系安全管理员为您分配角色后重新登录。" />;
}
