/** The frame of the public reporting pages: no navigation, no account, readable on a phone. */
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: '24px 12px' }}>
      <div style={{ maxWidth: 760, margin: '0 auto' }}>
        <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginBottom: 12 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Flex gap={16}>
            <Link to="/report">我要反映</Link>
            <Link to="/report/track">查询办理进展</Link>
          </Flex>
        </Flex>
        <Card>{children}</Card>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
          本渠道由区教育行政部门师德师风建设办公室受理。系统不记录反映人的 IP 地址和设备信息；实名反映人的身份仅案件承办人可见。
          依据《中小学教师违反职业道德行为处理办法（2018年修订）》（教师〔2018〕18号）办理。
        </Typography.Paragraph>
      </div>
    </div>
  );
}
