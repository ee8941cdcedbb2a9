/** The visible sync state of a score sheet: 已同步 / 同步中 / 待同步 N / 离线 / 冲突 N. */
import { CheckCircleOutlined, CloudSyncOutlined, DisconnectOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { SyncBadgeKind } from './draft-queue.ts';

export function SyncBadge({
  kind,
  pending,
  conflicts,
  onClick,
}: {
  kind: SyncBadgeKind;
  pending: number;
  conflicts: number;
  onClick?: () => void;
}) {
  const view = {
    synced: { color: 'success', icon: <CheckCircleOutlined />, text: '已同步' },
    syncing: { color: 'processing', icon: <SyncOutlined spin />, text: '同步中' },
    pending: { color: 'warning', icon: <CloudSyncOutlined />, text: `待同步 ${pending}` },
    offline: { color: 'default', icon: <DisconnectOutlined />, text: pending > 0 ? `离线 · 待同步 ${pending}` : '离线' },
    conflict: { color: 'error', icon: <ExclamationCircleOutlined />, text: `冲突 ${conflicts}` },
  }[kind];
  return (
    <Tag
      color={view.color}
      icon={view.icon}
      data-testid="sync-badge"
      data-kind={kind}
      onClick={onClick}
      style={{ fontSize: 14, padding: '4px 10px', cursor: onClick ? 'pointer' : 'default', marginInlineEnd: 0 }}
      role="status"
      aria-live="polite"
    >
      {view.text}
    </Tag>
  );
}
