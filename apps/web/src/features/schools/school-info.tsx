import type { SchoolDetail } from '@zhiping/contracts';
import { SPONSOR, URBAN_RURAL } from '@zhiping/domain';
import { Descriptions } from 'antd';
import { labelOf } from '../../components/code-labels.ts';
import { formatCount, formatDate } from '../../lib/format.ts';

/** 基本信息 of a school as it is today. */
export function SchoolInfo({ school }: { school: SchoolDetail }) {
  const items = [
    { key: 'code', label: '学校标识码', children: school.code },
    { key: 'name', label: '学校名称', children: school.name },
    { key: 'type', label: '办学类型', children: `${school.typeCode} ${school.typeName}` },
    { key: 'sponsor', label: '举办者', children: labelOf(SPONSOR, school.sponsor) },
    { key: 'inclusive', label: '普惠性', children: school.isInclusive ? '是' : '否' },
    { key: 'urban', label: '城乡分类', children: `${school.urbanRuralCode} ${labelOf(URBAN_RURAL, school.urbanRuralCode)}` },
    { key: 'district', label: '所属区县', children: school.districtName },
    { key: 'street', label: '街镇', children: school.streetName ?? '—' },
    { key: 'address', label: '地址', children: school.address || '—' },
    {
      key: 'geo',
      label: '经纬度',
      children: school.longitude !== null && school.latitude !== null ? `${school.longitude}, ${school.latitude}` : '—',
    },
    { key: 'opened', label: '开办日期', children: formatDate(school.openedOn) },
    { key: 'closed', label: '撤销日期', children: formatDate(school.closedOn) },
    { key: 'students', label: '在校生', children: formatCount(school.students) },
    { key: 'classes', label: '班数', children: formatCount(school.classes) },
    { key: 'teachers', label: '教师数', children: formatCount(school.teachers) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />;
}
