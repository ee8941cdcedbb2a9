/** The navigation of the app: each item is shown only when the user holds one of its permissions (and its scope fits). */
import {
  ApartmentOutlined,
  AuditOutlined,
  AimOutlined,
  BankOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FundOutlined,
  FundProjectionScreenOutlined,
  IdcardOutlined,
  LineChartOutlined,
  SafetyCertificateOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  ToolOutlined,
  SmileOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { Me, Permission } from '@zhiping/contracts';
import type { ReactNode } from 'react';
import { canAtDistrict } from '../../lib/permissions.ts';
import { AWARD_NAV_ITEMS } from '../awards/award-nav.tsx'; // awards
import { GROWTH_NAV_ITEMS } from '../growth/growth-nav.tsx'; // growth
import { hasSupervisionRole, isInspector, isSchoolAdmin, isSupervisionDistrict } from '../evaluations/supervision-access.ts';
import { isEthicsOffice, isEthicsSchoolAdmin, isEthicsTeacher } from '../ethics/ethics-access.ts';
import { ReadOutlined } from '@ant-design/icons'; // training
import { canManageTeachers, isTrainingStaff, isTrainingTeacher } from '../training/training-labels.ts';
import { isRotationReader, isRotationSchoolAdmin, isRotationTeacher } from '../rotation/rotation-access.ts'; // rotation

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Any one of these permissions shows the item. */
  anyOf: readonly Permission[];
  /** A further condition on the user's scope. */
  when?: (me: Me) => boolean;
}

/** True when the user reads base data of the whole district (district roles and inspectors). */
const isDistrictReader = (me: Me) => canAtDistrict(me, 'base:read');

/** The school whose indicators a school-scoped user sees, or null for district users. */
export function ownSchoolId(me: Me): number | null {
  if (isDistrictReader(me)) return null;
  return me.roles.find((r) => r.schoolId !== null && r.role !== 'teacher')?.schoolId ?? null;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: '首页', icon: <DashboardOutlined />, anyOf: ['base:read'], when: isDistrictReader },
  { path: '/indicators', label: '指标总览', icon: <FundOutlined />, anyOf: ['base:read'], when: isDistrictReader },
  { path: '/my-school', label: '本校指标', icon: <FundOutlined />, anyOf: ['base:read'], when: (me) => ownSchoolId(me) !== null },
  {
    path: '/assessments/balanced',
    label: '优质均衡评估',
    icon: <SafetyCertificateOutlined />,
    anyOf: ['base:read'],
    when: isDistrictReader,
  },
  { path: '/assessments/preschool', label: '学前普及普惠', icon: <SmileOutlined />, anyOf: ['base:read'], when: isDistrictReader },
  { path: '/data-quality', label: '数据质量', icon: <ScheduleOutlined />, anyOf: ['base:read'] },
  { path: '/screen', label: '数据大屏', icon: <FundProjectionScreenOutlined />, anyOf: ['base:read'], when: isDistrictReader },
  { path: '/schools', label: '学校', icon: <BankOutlined />, anyOf: ['base:read'] },
  { path: '/teachers', label: '教师', icon: <TeamOutlined />, anyOf: ['teachers:read'] },
  { path: '/groups', label: '集团与学区', icon: <ApartmentOutlined />, anyOf: ['base:read'] },
  { path: '/population', label: '人口', icon: <LineChartOutlined />, anyOf: ['base:read'] },
  { path: '/evaluation-templates', label: '评估模板', icon: <ProfileOutlined />, anyOf: ['base:read'], when: isSupervisionDistrict },
  { path: '/campaigns', label: '评估项目', icon: <AimOutlined />, anyOf: ['base:read'], when: isSupervisionDistrict },
  {
    path: '/evaluations',
    label: '我的评估',
    icon: <SolutionOutlined />,
    anyOf: ['base:read'],
    when: (me) => isInspector(me) || isSchoolAdmin(me),
  },
  { path: '/rectifications', label: '整改事项', icon: <ToolOutlined />, anyOf: ['base:read'], when: hasSupervisionRole },
  {
    path: '/inspectors',
    label: '责任督学',
    icon: <IdcardOutlined />,
    anyOf: ['base:read'],
    when: (me) => isSupervisionDistrict(me) || isInspector(me),
  },
  { path: '/training/compliance', label: '学时达标', icon: <ReadOutlined />, anyOf: ['base:read'], when: isTrainingStaff },
  { path: '/training/courses', label: '培训项目', icon: <ReadOutlined />, anyOf: ['base:read'], when: isTrainingStaff },
  { path: '/training/outside', label: '校外培训审核', icon: <ReadOutlined />, anyOf: ['base:read'], when: canManageTeachers },
  { path: '/training/import', label: '培训名单导入', icon: <ReadOutlined />, anyOf: ['base:read'], when: canManageTeachers },
  { path: '/training/rules', label: '学时规则', icon: <ReadOutlined />, anyOf: ['base:read'], when: isTrainingStaff },
  { path: '/my-training', label: '我的学时', icon: <ReadOutlined />, anyOf: ['teachers:read'], when: isTrainingTeacher },
  // nav: training
  ...GROWTH_NAV_ITEMS,
  // nav: growth
  ...AWARD_NAV_ITEMS,
  // nav: awards
  // nav: rotation
  { path: '/rotation/plans', label: '交流轮岗方案', icon: <UserSwitchOutlined />, anyOf: ['base:read'], when: isRotationReader },
  { path: '/rotation/eligible', label: '应交流名单', icon: <UserSwitchOutlined />, anyOf: ['base:read'], when: isRotationReader },
  { path: '/rotation/reports', label: '交流轮岗统计', icon: <UserSwitchOutlined />, anyOf: ['base:read'], when: isRotationReader },
  { path: '/rotation/rules', label: '交流轮岗规则', icon: <UserSwitchOutlined />, anyOf: ['base:read'], when: isRotationReader },
  {
    path: '/rotation/review',
    label: '交流调动审核',
    icon: <UserSwitchOutlined />,
    anyOf: ['base:read'],
    when: (me) => isRotationSchoolAdmin(me) && !isRotationReader(me),
  },
  { path: '/my-rotation', label: '我的交流安排', icon: <UserSwitchOutlined />, anyOf: ['teachers:read'], when: isRotationTeacher },
  // nav: ethics
  {
    path: '/ethics/cases',
    label: '师德案件',
    icon: <SafetyCertificateOutlined />,
    anyOf: ['base:read'],
    when: (me) => isEthicsOffice(me) || isEthicsSchoolAdmin(me),
  },
  { path: '/ethics/monitoring', label: '师德监测', icon: <LineChartOutlined />, anyOf: ['base:read'], when: isEthicsOffice },
  {
    path: '/ethics/reviews',
    label: '师德考核',
    icon: <ProfileOutlined />,
    anyOf: ['base:read'],
    when: (me) => isEthicsOffice(me) || isEthicsSchoolAdmin(me),
  },
  { path: '/ethics/my-matters', label: '我的师德事项', icon: <SolutionOutlined />, anyOf: ['teachers:read'], when: isEthicsTeacher },
  // nav: supervision
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
  return NAV_ITEMS.filter((item) => hasAny(me, item.anyOf) && (item.when?.(me) ?? true));
}

/** The menu key of a location: the longest item path it starts with ("/schools/12" → "/schools"). */
export function navKeyOf(pathname: string): string {
  let best = '/';
  for (const item of NAV_ITEMS) {
    if (item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)) && item.path.length > best.length)
      best = item.path;
  }
  return best;
}
