/** The status of a value against its threshold: icon, word and colour together (never colour alone). */
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { IndicatorValue } from '@zhiping/contracts';
import { Tag } from 'antd';
import type { ReactNode } from 'react';

export type Status = IndicatorValue['status'];

export const STATUS_META: Record<Status, { label: string; color: string; tag: string; icon: ReactNode }> = {
  met: { label: '达标', color: '#389e0d', tag: 'success', icon: <CheckCircleFilled /> },
  not_met: { label: '未达标', color: '#cf1322', tag: 'error', icon: <CloseCircleFilled /> },
  no_threshold: { label: '无阈值', color: '#595959', tag: 'default', icon: <MinusCircleOutlined /> },
  no_data: { label: '无数据', color: '#d46b08', tag: 'warning', icon: <QuestionCircleOutlined /> },
};

/** A tag such as ✔ 达标. */
export function StatusTag({ status }: { status: Status }) {
  const m = STATUS_META[status];
  return (
    <Tag color={m.tag} icon={m.icon} data-status={status}>
      {m.label}
    </Tag>
  );
}

/** Statuses of assessment items and school verdicts, mapped onto the indicator statuses. */
export function verdictStatus(s: 'met' | 'not_met' | 'no_data' | 'pass' | 'fail' | 'incomplete'): Status {
  if (s === 'pass' || s === 'met') return 'met';
  if (s === 'fail' || s === 'not_met') return 'not_met';
  return 'no_data';
}
