/** Navigation items of teacher growth (spread into NAV_ITEMS at the growth marker). */
import { ExperimentOutlined, HeartOutlined, RiseOutlined, ShopOutlined, TrophyOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import type { NavItem } from '../shell/nav-items.tsx';
import { growthSchoolId, hasGrowthRole, isGrowthDistrict, isGrowthManager, isGrowthTeacher } from './growth-access.ts';

export const GROWTH_NAV_ITEMS: readonly NavItem[] = [
  { path: '/my-growth', label: '我的成长', icon: <HeartOutlined />, anyOf: ['teachers:read'], when: isGrowthTeacher },
  { path: '/teacher-development', label: '教师发展看板', icon: <RiseOutlined />, anyOf: ['base:read'], when: isGrowthDistrict },
  {
    path: '/my-teacher-development',
    label: '本校教师发展',
    icon: <RiseOutlined />,
    anyOf: ['base:read'],
    when: (me) => !isGrowthDistrict(me) && growthSchoolId(me) !== null,
  },
  { path: '/growth/studios', label: '名师工作室', icon: <ShopOutlined />, anyOf: ['teachers:read'], when: hasGrowthRole },
  {
    path: '/growth/teams',
    label: '专家团队帮扶',
    icon: <UsergroupAddOutlined />,
    anyOf: ['teachers:read'],
    when: (me) => isGrowthDistrict(me) || growthSchoolId(me) !== null,
  },
  { path: '/growth/rounds', label: '示范课与教学能手', icon: <TrophyOutlined />, anyOf: ['teachers:read'], when: hasGrowthRole },
  {
    path: '/growth/tests',
    label: '教师考核',
    icon: <ExperimentOutlined />,
    anyOf: ['teachers:read'],
    when: (me) => isGrowthManager(me) || growthSchoolId(me) !== null || isGrowthTeacher(me),
  },
];
