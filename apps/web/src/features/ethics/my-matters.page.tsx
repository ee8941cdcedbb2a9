/** 我的师德事项 (the accused teacher): only what is addressed to them — the facts found, the statement, the notice and the appeal. */
import type { MyEthicsMatter } from '@zhiping/contracts';
import { Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { ethicsApi } from './ethics-api.ts';

function Matter({ m, onChange }: { m: MyEthicsMatter; onChange: (list: MyEthicsMatter[]) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const send = async (kind: 'statement' | 'appeal') => {
    setError(null);
    try {
      onChange(
        kind === 'statement'
          ? await ethicsApi.myStatement(m.id, { statement: text, expectedVersion: m.version })
          : await ethicsApi.myAppeal(m.id, { appeal: text, expectedVersion: m.version }),
      );
      setText('');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          {m.caseNo}
          <Tag>{m.stateLabel}</Tag>
        </Space>
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label="事项类别">{m.categoryLabel}</Descriptions.Item>
        <Descriptions.Item label="调查认定的事实">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.findings ?? '—'}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label="我的陈述申辩">
          {m.statement ?? (m.statementDue ? `请于 ${m.statementDue} 前提交` : '—')}
        </Descriptions.Item>
        <Descriptions.Item label="处理决定告知书">
          {m.notice ? (
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
            >{`${m.notifiedOn} 送达\n${m.notice}`}</Typography.Paragraph>
          ) : (
            '尚未送达'
          )}
        </Descriptions.Item>
        {m.appealDue && <Descriptions.Item label="申诉期限">{m.appealDue}</Descriptions.Item>}
        {m.appeal && <Descriptions.Item label="我的申诉">{m.appeal}</Descriptions.Item>}
        {m.appealOutcomeLabel && (
          <Descriptions.Item label="申诉复核">{`${m.appealOutcomeLabel}：${m.appealResult ?? ''}`}</Descriptions.Item>
        )}
      </Descriptions>
      {(m.canSubmitStatement || m.canAppeal) && (
        <>
          <ErrorAlert error={error} />
          <Input.TextArea
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={10000}
            placeholder={m.canSubmitStatement ? '陈述事实和理由，提出申辩意见' : '申诉的事实和理由'}
          />
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            disabled={!text.trim()}
            onClick={() => send(m.canSubmitStatement ? 'statement' : 'appeal')}
          >
            {m.canSubmitStatement ? '提交陈述申辩' : '提出申诉'}
          </Button>
        </>
      )}
    </Card>
  );
}

export default function MyMattersPage() {
  const q = useQuery('ethics-my-matters', (signal) => ethicsApi.myMatters(signal));
  const [list, setList] = useState<MyEthicsMatter[] | null>(null);
  const items = list ?? q.data ?? [];
  return (
    <>
      <PageHeader title="我的师德事项" subTitle="这里只显示依规定需要告知您本人的事项：调查认定的事实、陈述申辩、处理决定告知书和申诉" />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {!q.isLoading && items.length === 0 ? (
        <EmptyState description="您没有需要处理的师德事项。" />
      ) : (
        items.map((m) => <Matter key={m.id} m={m} onChange={setList} />)
      )}
    </>
  );
}
