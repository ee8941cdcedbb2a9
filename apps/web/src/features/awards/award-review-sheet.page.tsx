/** Blind scoring of one application: the rubric with each criterion's range, the running total, save or submit (final). */
import { PaperClipOutlined } from '@ant-design/icons';
import type { AwardReviewSheet } from '@zhiping/contracts';
import { Alert, App, Button, Card, Descriptions, Input, InputNumber, List, Skeleton, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { downloadFile } from '../../lib/download.ts';
import { useQuery } from '../../lib/use-query.ts';
import { awardsApi } from './awards-api.ts';

export default function AwardReviewSheetPage() {
  const id = Number(useParams().id);
  const { message, modal } = App.useApp();
  const q = useQuery(`award-review:${id}`, (signal) => awardsApi.review(id, signal));
  const [points, setPoints] = useState<Record<string, number | null>>({});
  const [comment, setComment] = useState('');
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    if (q.data) {
      setPoints(q.data.points);
      setComment(q.data.comment);
    }
  }, [q.data]);
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const s: AwardReviewSheet = q.data;
  const max = s.rubric.reduce((sum, c) => sum + c.maxPoints, 0);
  const total = s.rubric.reduce((sum, c) => sum + (points[c.code] ?? 0), 0);
  const isComplete = s.rubric.every((c) => typeof points[c.code] === 'number');
  const save = async (submit: boolean) => {
    setBusy(true);
    try {
      const clean = Object.fromEntries(Object.entries(points).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
      await awardsApi.score(id, { points: clean, comment, submit });
      message.success(submit ? '评分已提交' : '已暂存');
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={`成果评审 ${s.code}`} subTitle={s.callTitle} />
      {s.isSubmitted && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`评分已提交：${s.total} 分`} />}
      {!s.isSubmitted && !s.canScore && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="该批次尚未进入专家评审阶段，可先阅读材料" />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="成果名称">{s.title}</Descriptions.Item>
          <Descriptions.Item label="类别 / 学段">
            {s.field} / {s.stage}
          </Descriptions.Item>
          <Descriptions.Item label="学科">{s.subject || '—'}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{s.summary}</Typography.Paragraph>
        <List
          size="small"
          header="成果材料"
          dataSource={s.attachments}
          locale={{ emptyText: '无材料' }}
          renderItem={(f) => (
            <List.Item>
              <Button
                type="link"
                icon={<PaperClipOutlined />}
                onClick={() =>
                  void downloadFile(`/awards/reviews/${id}/attachments/${f.id}`, f.fileName).catch((e: unknown) =>
                    message.error(errorMessage(e)),
                  )
                }
              >
                {f.fileName}
              </Button>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={`评分（满分 ${max}）`}>
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={s.rubric}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '评分项', render: (_, c) => <Typography.Text strong>{c.title}</Typography.Text> },
            { title: '评分要点', render: (_, c) => c.description ?? '' },
            { title: '满分', dataIndex: 'maxPoints' },
            {
              title: '得分',
              render: (_, c) => (
                <InputNumber
                  min={0}
                  max={c.maxPoints}
                  step={0.5}
                  disabled={!s.canScore}
                  aria-label={`${c.title}得分`}
                  value={points[c.code] ?? null}
                  onChange={(v) => setPoints({ ...points, [c.code]: v })}
                  style={{ width: 100 }}
                />
              ),
            },
          ]}
        />
        <Typography.Title level={4} style={{ marginTop: 12 }}>
          合计 {total} 分
        </Typography.Title>
        <Input.TextArea
          rows={3}
          value={comment}
          disabled={!s.canScore}
          onChange={(e) => setComment(e.target.value)}
          placeholder="评审意见（选填）"
        />
        {s.canScore && (
          <Space style={{ marginTop: 12 }}>
            <Button loading={isBusy} onClick={() => void save(false)}>
              暂存
            </Button>
            <Button
              type="primary"
              loading={isBusy}
              disabled={!isComplete}
              onClick={() =>
                modal.confirm({
                  title: `确认提交评分（合计 ${total} 分）？`,
                  content: '提交后不能修改。',
                  okText: '提交',
                  cancelText: '取消',
                  onOk: () => save(true),
                })
              }
            >
              提交评分
            </Button>
          </Space>
        )}
      </Card>
    </>
  );
}
