import type { ImportJob } from '@zhiping/contracts';
import { Tag } from 'antd';

export const IMPORT_STATUS: Record<ImportJob['status'], { label: string; color: string }> = {
  parsing: { label: '校验中', color: 'processing' },
  validated: { label: '校验通过，待确认', color: 'blue' },
  invalid: { label: '有错误', color: 'error' },
  committing: { label: '导入中', color: 'processing' },
  committed: { label: '已导入', color: 'success' },
  failed: { label: '失败', color: 'error' },
};

/** A colored tag for a job status. */
export function ImportStatusTag({ status }: { status: ImportJob['status'] }) {
  const s = IMPORT_STATUS[status];
  return <Tag color={s.color}>{s.label}</Tag>;
}
