/** Small tags of the awards area: round state, application status, grade. */
import { Tag } from 'antd';

const CALL_COLORS: Record<string, string> = {
  draft: 'default',
  open: 'green',
  formal_check: 'blue',
  reviewing: 'purple',
  ranked: 'cyan',
  publicity: 'orange',
  final: 'gold',
  recommended: 'magenta',
  concluded: 'default',
};

/** The state of a round. */
export function CallStateTag({ state, label }: { state: string; label: string }) {
  return <Tag color={CALL_COLORS[state] ?? 'default'}>{label}</Tag>;
}

const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'red',
  accepted: 'green',
  withdrawn: 'default',
};

/** The status of an application. */
export function ApplicationStatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{label}</Tag>;
}

/** A district grade. */
export function GradeTag({ label }: { label: string | null }) {
  if (!label) return null;
  return <Tag color={label === '一等奖' ? 'red' : label === '二等奖' ? 'orange' : 'gold'}>{label}</Tag>;
}
