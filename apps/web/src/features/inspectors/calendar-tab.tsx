/** A month calendar of visits (督导) with the schools due and overdue. */
import { Badge, Calendar, Card, List, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { inspectorsApi } from './inspectors-api.ts';

export function CalendarTab() {
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const q = useQuery(`calendar:${from}`, (signal) => inspectorsApi.calendar(from, to, signal));
  const visits = q.data?.visits ?? [];
  const due = q.data?.due ?? [];
  return (
    <>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      <Card size="small" title="逾期与即将到期" style={{ marginBottom: 12 }}>
        <List
          size="small"
          dataSource={due}
          pagination={due.length > 8 ? { pageSize: 8, size: 'small' } : false}
          locale={{ emptyText: '本月没有到期或逾期的学校' }}
          renderItem={(d) => (
            <List.Item>
              {d.schoolName}（{d.inspectorName ?? '未指定督学'}）
              {d.isOverdue ? <Tag color="red">逾期 {d.daysOverdue} 天</Tag> : <Tag>应于 {formatDate(d.nextDue)} 前</Tag>}
            </List.Item>
          )}
        />
      </Card>
      <Calendar
        value={month}
        onPanelChange={(d) => setMonth(d)}
        onSelect={(d) => setMonth(d)}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const day = d.format('YYYY-MM-DD');
          return (
            <>
              {visits
                .filter((v) => v.date === day)
                .map((v) => (
                  <div key={v.id}>
                    <Badge status={v.problemCount > 0 ? 'warning' : 'success'} text={`${v.schoolName}（${v.inspectorName}）`} />
                  </div>
                ))}
              {due
                .filter((x) => x.nextDue === day)
                .map((x) => (
                  <div key={`due-${x.schoolId}`}>
                    <Badge status="error" text={`应督导：${x.schoolName}`} />
                  </div>
                ))}
            </>
          );
        }}
      />
    </>
  );
}
