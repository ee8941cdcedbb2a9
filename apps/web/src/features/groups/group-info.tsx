import { GROUP_KIND_LABELS, type GroupDetail } from '@zhiping/contracts';
import { Descriptions } from 'antd';
import { formatDate } from '../../lib/format.ts';
import { coreRoleTitle, groupStageLabel } from './group-labels.ts';

/** The facts of one group; core schools and the member count are as of today. */
export function GroupInfo({ group: g }: { group: GroupDetail }) {
  const items = [
    { key: 'kind', label: '类型', children: GROUP_KIND_LABELS[g.kind] },
    { key: 'model', label: '模式', children: g.model || '—' },
    { key: 'stage', label: '学段', children: groupStageLabel(g.stage) },
    { key: 'from', label: '成立日期', children: formatDate(g.validFrom) },
    { key: 'to', label: '撤销日期', children: formatDate(g.validTo) },
    { key: 'count', label: '当前成员校', children: `${g.memberCount} 所` },
    { key: 'core', label: `当前${coreRoleTitle(g.kind)}`, children: g.coreSchoolNames.join('、') || '未设' },
    { key: 'desc', label: '说明', children: g.description || '—', span: 'filled' as const },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />;
}
