/**
 * The school's unfinished rectification items (待整改 / 待复核), which a visit to the school opens with:
 * shown at the top of the inspector's on-site scoring and of the evaluation page. Collapsed to one line
 * on a phone; hidden when there are none or the network is away.
 */
import type { RectificationSummary } from '@zhiping/contracts';
import { Alert, Button, List, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { rectificationApi } from './rectification-api.ts';
import { DueTag } from './rectification-list.page.tsx';

export function OpenItemsPanel({ schoolId, schoolName }: { schoolId: number; schoolName: string }) {
  const [isOpen, setOpen] = useState(false);
  const q = useQuery(`open-items:${schoolId}`, (signal) =>
    rectificationApi.list({ schoolId, unfinished: 'true', page: 1, pageSize: 50 }, signal),
  );
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  const overdue = items.filter((i) => i.isOverdue).length;
  return (
    <Alert
      data-testid="open-items"
      type={overdue > 0 ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 8 }}
      title={`${schoolName}有 ${q.data!.total} 项未销号整改事项${overdue > 0 ? `（${overdue} 项逾期）` : ''}，本次评估请一并核查`}
      action={
        <Button size="small" type="link" onClick={() => setOpen(!isOpen)}>
          {isOpen ? '收起' : '展开'}
        </Button>
      }
      description={
        isOpen && (
          <List<RectificationSummary>
            size="small"
            dataSource={items}
            renderItem={(r) => (
              <List.Item key={r.id} extra={<DueTag item={r} />}>
                <List.Item.Meta
                  title={<Link to={`/rectifications/${r.id}`}>{r.problem}</Link>}
                  description={
                    <Typography.Text type="secondary">
                      {r.statusLabel} · 责任人 {r.owner} · 期限 {formatDate(r.deadline)}
                      {r.source === 'evaluation' && r.campaignName ? ` · ${r.campaignName}` : r.source === 'visit' ? ' · 常规督导' : ''}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        )
      }
    />
  );
}
