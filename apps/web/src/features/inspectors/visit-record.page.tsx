/** 记录常规督导: opens with the school's open rectification items, then the 8 routine items, issues (→ 整改) and follow-ups. */
import type { VisitInput } from '@zhiping/contracts';
import { Alert, App, Button, Card, DatePicker, Flex, Input, Radio, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDate } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { inspectorsApi } from './inspectors-api.ts';

type Item = VisitInput['items'][number];
type Issue = VisitInput['issues'][number];

/** A problem to rectify, due in 30 days, owned by the principal until changed. */
const newIssue = (code: string | null, problem: string): Issue => ({
  code,
  problem,
  requirement: '',
  requiredEvidence: '',
  owner: '校长',
  deadline: dayjs().add(30, 'day').format('YYYY-MM-DD'),
});

export default function VisitRecordPage() {
  const schoolId = Number(useSearchParams()[0].get('schoolId'));
  const navigate = useNavigate();
  const { message } = App.useApp();
  const q = useQuery(`visit-start:${schoolId}`, (signal) => inspectorsApi.visitStart(schoolId, signal));
  const [date, setDate] = useState(dayjs());
  const [items, setItems] = useState<Record<string, Item>>({});
  const [summary, setSummary] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [followUps, setFollowUps] = useState<Record<number, string>>({});
  const [isBusy, setBusy] = useState(false);
  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const s = q.data;
  const setItem = (code: string, p: Partial<Item>) => setItems((m) => ({ ...m, [code]: { code, yes: true, note: '', ...m[code], ...p } }));
  const save = async () => {
    setBusy(true);
    try {
      await inspectorsApi.recordVisit({
        schoolId,
        visitDate: date.format('YYYY-MM-DD'),
        items: Object.values(items),
        summary,
        issues,
        followUps: Object.entries(followUps)
          .filter(([, n]) => n.trim())
          .map(([id, note]) => ({ rectificationId: Number(id), note: note.trim() })),
      });
      message.success('督导记录已保存');
      void navigate('/inspectors?tab=visits');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ maxWidth: 900 }}>
      <PageHeader
        title={`常规督导 · ${s.school.name}`}
        subTitle={`${s.school.address}${s.lastVisit ? ` · 上次督导 ${formatDate(s.lastVisit.visitDate)}` : ''}`}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={`未销号整改事项（${s.openItems.length}）`}>
          {s.openItems.length === 0 && <Typography.Text type="secondary">没有未销号的整改事项</Typography.Text>}
          {s.openItems.map((r) => (
            <Flex key={r.id} vertical gap={4} style={{ marginBottom: 8 }}>
              <span>
                {r.problem}（期限 {formatDate(r.deadline)}，{r.statusLabel}
                {r.isOverdue ? '，已逾期' : ''}）
              </span>
              <Input
                placeholder="本次跟踪情况"
                value={followUps[r.id] ?? ''}
                onChange={(e) => setFollowUps((m) => ({ ...m, [r.id]: e.target.value }))}
              />
            </Flex>
          ))}
        </Card>
        <Space>
          督导日期
          <DatePicker
            aria-label="督导日期"
            value={date}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(d) => d && setDate(d)}
          />
        </Space>
        {s.checklist.map((area) => (
          <Card key={area.code} size="small" title={area.title}>
            {area.items.map((it) => (
              <Flex key={it.code} vertical gap={4} style={{ marginBottom: 12 }}>
                <span>{it.title}</span>
                <Radio.Group
                  value={items[it.code]?.yes}
                  onChange={(e) => setItem(it.code, { yes: e.target.value as boolean })}
                  optionType="button"
                  options={[
                    { value: true, label: it.yesLabel },
                    { value: false, label: it.noLabel },
                  ]}
                />
                {items[it.code]?.yes === false && (
                  <Flex gap={8}>
                    <Input
                      placeholder="存在的问题"
                      value={items[it.code]?.note}
                      onChange={(e) => setItem(it.code, { note: e.target.value })}
                    />
                    <Button
                      disabled={issues.some((x) => x.code === it.code)}
                      onClick={() => setIssues((l) => [...l, newIssue(it.code, items[it.code]?.note.trim() || it.title)])}
                    >
                      {issues.some((x) => x.code === it.code) ? '已立整改' : '立为整改'}
                    </Button>
                  </Flex>
                )}
              </Flex>
            ))}
          </Card>
        ))}
        <Card
          size="small"
          title="立整改的问题"
          extra={
            <Button size="small" onClick={() => setIssues((l) => [...l, newIssue(null, '')])}>
              添加问题
            </Button>
          }
        >
          {issues.map((i, idx) => (
            <Flex key={idx} gap={8} wrap style={{ marginBottom: 8 }}>
              <Input
                style={{ flex: 2, minWidth: 200 }}
                placeholder="问题"
                value={i.problem}
                onChange={(e) => setIssues((l) => l.map((x, j) => (j === idx ? { ...x, problem: e.target.value } : x)))}
              />
              <Input
                style={{ flex: 1, minWidth: 100 }}
                placeholder="责任人"
                value={i.owner}
                onChange={(e) => setIssues((l) => l.map((x, j) => (j === idx ? { ...x, owner: e.target.value } : x)))}
              />
              <DatePicker
                value={dayjs(i.deadline)}
                onChange={(d) => d && setIssues((l) => l.map((x, j) => (j === idx ? { ...x, deadline: d.format('YYYY-MM-DD') } : x)))}
              />
              <Button aria-label="移除此问题" onClick={() => setIssues((l) => l.filter((_, j) => j !== idx))}>
                移除
              </Button>
            </Flex>
          ))}
          {issues.length === 0 && <Typography.Text type="secondary">未发现需立整改的问题</Typography.Text>}
        </Card>
        <Input.TextArea rows={3} placeholder="督导小结" value={summary} onChange={(e) => setSummary(e.target.value)} />
        {Object.keys(items).length === 0 && <Alert type="info" showIcon title="请至少检查一项督导事项" />}
        <Button type="primary" size="large" loading={isBusy} disabled={Object.keys(items).length === 0} onClick={() => void save()}>
          保存督导记录
        </Button>
      </Space>
    </div>
  );
}
