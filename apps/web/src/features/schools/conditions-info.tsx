import type { Conditions } from '@zhiping/contracts';
import { Descriptions } from 'antd';
import { EmptyState } from '../../components/empty-state.tsx';
import { formatCount, formatNumber } from '../../lib/format.ts';

/** 办学条件 of one school year. */
export function ConditionsInfo({ conditions }: { conditions: Conditions | null }) {
  if (!conditions) return <EmptyState description="本学年没有办学条件数据，可在“数据导入”中导入“办学条件”" />;
  const c = conditions;
  const area = (v: number | null) => (v === null ? '—' : `${formatNumber(v)} ㎡`);
  const items = [
    { key: 'teaching', label: '教学及辅助用房面积', children: area(c.teachingArea) },
    { key: 'gym', label: '体育馆面积', children: area(c.gymArea) },
    { key: 'ground', label: '运动场地面积', children: area(c.sportsGroundArea) },
    { key: 'building', label: '校舍建筑面积', children: area(c.buildingArea) },
    { key: 'land', label: '占地面积', children: area(c.landArea) },
    { key: 'equipment', label: '教学仪器设备值', children: `${formatNumber(c.equipmentValue)} 元` },
    { key: 'multimedia', label: '网络多媒体教室', children: `${formatCount(c.multimediaRooms)} 间` },
    { key: 'music', label: '音乐专用教室', children: `${formatCount(c.musicRooms)} 间` },
    { key: 'art', label: '美术专用教室', children: `${formatCount(c.artRooms)} 间` },
    { key: 'books', label: '图书', children: `${formatCount(c.books)} 册` },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />;
}
