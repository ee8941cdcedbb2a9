/** The navigation of the app: each item is shown only when the user holds one of its permissions. */
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  LineChartOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { Me, Permission } from '@zhiping/contracts';
import type { ReactNode } from 'react';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Any one of these permissions shows the item. */
  anyOf: readonly Permission[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: '首页', icon: <DashboardOutlined />, anyOf: ['base:read'] },
  { path: '/schools', label: '学校', icon: <BankOutlined />, anyOf: ['base:read'] },
  { path: '/teachers', label: '教师', icon: <TeamOutlined />, anyOf: ['teachers:read'] },
  { path: '/groups', label: '集团与学区', icon: <ApartmentOutlined />, anyOf: ['base:read'] },
  { path: '/population', label: '人口', icon: <LineChartOutlined />, anyOf: ['base:read'] },
  { path: '/imports', label: '数据导入', icon: <CloudUploadOutlined />, anyOf: ['imports:run'] },
  { path: '/users', label: '用户与角色', icon: <UserSwitchOutlined />, anyOf: ['users:manage', 'roles:assign'] },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, anyOf: ['audit:read'] },
];

/** True when the user may open a page guarded by these permissions. */
export function hasAny(me: Me, anyOf: readonly Permission[]): boolean {
  return anyOf.some((p) => me.permissions.includes(p));
}

/** The navigation items the user may see. */
export function visibleNavItems(me: Me): NavItem[] {
  return NAV_ITEMS.filter((item) => hasAny(me, item.anyOf));
}

/** The menu key of a location: the first path segment ("/schools/12" → "/schools"). */
export function navKeyOf(pathname: string): string {
  const first = pathname.split('/')[1];
  return first ? `/${first}` : '/';
}
