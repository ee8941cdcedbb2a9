import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** An empty result that tells the user what to do next, with an optional action. */
export function EmptyState({ description, action }: { description: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {action}
    </Empty>
  );
}
