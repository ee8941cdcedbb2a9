import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page title with actions on the right (they wrap below on narrow screens). */
export function PageHeader({ title, extra, subTitle }: { title: ReactNode; extra?: ReactNode; subTitle?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
      </div>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
