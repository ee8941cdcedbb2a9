/** Severity of a data-quality failure: icon, word and colour. */
import { CloseCircleFilled, InfoCircleFilled, WarningFilled } from '@ant-design/icons';
import type { DataQualityFailure } from '@zhiping/contracts';
import { Tag } from 'antd';
import type { ReactNode } from 'react';

export type Severity = DataQualityFailure['severity'];

export const SEVERITY_META: Record<Severity, { label: string; color: string; icon: ReactNode }> = {
  error: { label: '错误', color: 'error', icon: <CloseCircleFilled /> },
  warning: { label: '警告', color: 'warning', icon: <WarningFilled /> },
  info: { label: '提示', color: 'processing', icon: <InfoCircleFilled /> },
};

export function SeverityTag({ severity }: { severity: Severity }) {
  const m = SEVERITY_META[severity];
  return (
    <Tag color={m.color} icon={m.icon}>
      {m.label}
    </Tag>
  );
}
