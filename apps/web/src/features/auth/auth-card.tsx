import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centered card of the sign-in and password pages. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div
      style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}
    >
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          智评
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          区域教育智慧评价与督导平台
        </Typography.Paragraph>
        <Typography.Title level={4}>{title}</Typography.Title>
        {children}
      </Card>
    </div>
  );
}
