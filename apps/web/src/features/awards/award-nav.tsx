/** Navigation items of teaching-achievement awards (spread into NAV_ITEMS at the awards marker). */
import { FormOutlined, TrophyOutlined } from '@ant-design/icons';
import type { NavItem } from '../shell/nav-items.tsx';
import { hasAwardRole, isAwardDistrict, isAwardTeacher } from './award-access.ts';

export const AWARD_NAV_ITEMS: readonly NavItem[] = [
  { path: '/awards', label: '成果奖评审', icon: <TrophyOutlined />, anyOf: ['base:read', 'teachers:read'], when: hasAwardRole },
  {
    path: '/awards/reviews',
    label: '评审任务',
    icon: <FormOutlined />,
    anyOf: ['base:read', 'teachers:read'],
    when: (me) => isAwardTeacher(me) || isAwardDistrict(me),
  },
];
