/** One rectification item: the problem, progress reports with evidence (school), verify or send back (inspector), the log. */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { RectificationDetail } from '@zhiping/contracts';
import { App, Button, Card, Descriptions, Flex, Input, Modal, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { downloadFile } from '../../lib/download.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { TransitionLog } from '../evaluations/workflow-progress.tsx';
import { rectificationApi } from './rectification-api.ts';
import { DueTag } from './rectification-list.page.tsx';

type Action = RectificationDetail['actions'][number];

export default function RectificationDetailPage() {
  const id = Number(useParams().id);
  const { message, modal } = App.useApp();
  const q = useQuery(`rect:${id}`, (signal) => rectificationApi.get(id, signal));
  const [progress, setProgress] = useState('');
  const [asking, setAsking] = useState<Action | null>(null);
  const [note, setNote] = useState('');
  const [isBusy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const r = q.data;
  const isSchool = r.capacities.includes('school_admin');

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(done);
      q.reload();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const runAction = (a: Action, text?: string) =>
    act(() => rectificationApi.transition(id, { action: a.action, note: text, expectedVersion: r.version }), `已${a.label}`).then((ok) => {
      if (ok) setAsking(null);
    });
  const click = (a: Action) => {
    if (a.requiresNote) {
      setNote('');
      setAsking(a);
    } else modal.confirm({ title: `确认${a.label}？`, okText: a.label, onOk: () => runAction(a) });
  };
  const upload = async (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) await act(() => rectificationApi.upload(id, f), `已上传 ${f.name}`);
    if (file.current) file.current.value = '';
  };

  return (
    <>
      <PageHeader
        title={`整改事项 · ${r.schoolName}`}
        subTitle={
          r.evaluationId ? (
            <Link to={`/evaluations/${r.evaluationId}`}>{r.campaignName}</Link>
          ) : r.source === 'visit' ? (
            '常规督导'
          ) : undefined
        }
        extra={r.actions.map((a) => (
          <Button
            key={a.action}
            type={a.isSendBack ? 'default' : 'primary'}
            danger={a.isSendBack}
            loading={isBusy}
            onClick={() => click(a)}
          >
            {a.label}
          </Button>
        ))}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="存在的问题" span={2}>
              {r.problem}
            </Descriptions.Item>
            {r.requirement && (
              <Descriptions.Item label="整改要求" span={2}>
                {r.requirement}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="须提交的佐证">{r.requiredEvidence || '—'}</Descriptions.Item>
            <Descriptions.Item label="整改责任人">{r.owner}</Descriptions.Item>
            <Descriptions.Item label="期限">
              {formatDate(r.deadline)} <DueTag item={r} />
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag data-testid="rect-status">{r.statusLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="立项">
              {r.createdBy} · {formatDateTime(r.createdAt)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title="整改进展">
          <Timeline
            items={r.progress.map((p) => ({
              content: (
                <>
                  {p.note}{' '}
                  <Typography.Text type="secondary">
                    — {p.byName} {formatDateTime(p.at)}
                  </Typography.Text>
                </>
              ),
            }))}
          />
          {r.progress.length === 0 && <Typography.Text type="secondary">尚无进展报告</Typography.Text>}
          {isSchool && r.status === 'open' && (
            <Flex gap={8} vertical style={{ marginTop: 8 }}>
              <Input.TextArea
                aria-label="整改进展"
                rows={3}
                value={progress}
                onChange={(e) => setProgress(e.target.value)}
                placeholder="本次整改做了什么"
              />
              <Button
                disabled={!progress.trim()}
                loading={isBusy}
                onClick={() => void act(() => rectificationApi.progress(id, progress.trim()), '已报告进展').then(() => setProgress(''))}
                style={{ alignSelf: 'flex-start' }}
              >
                报告进展
              </Button>
            </Flex>
          )}
        </Card>
        <Card size="small" title="整改材料">
          <Flex vertical gap={4}>
            {r.evidence.map((f) => (
              <Typography.Link key={f.id} onClick={() => void downloadFile(`/rectifications/${id}/evidence/${f.id}`, f.fileName)}>
                <PaperClipOutlined /> {f.fileName}（{f.uploadedBy}，{formatDateTime(f.uploadedAt)}）
              </Typography.Link>
            ))}
            {r.evidence.length === 0 && <Typography.Text type="secondary">尚无材料</Typography.Text>}
            {isSchool && r.status !== 'verified' && (
              <>
                <input
                  ref={file}
                  type="file"
                  hidden
                  multiple
                  data-testid="rect-evidence-input"
                  onChange={(e) => void upload(e.target.files)}
                />
                <Button icon={<UploadOutlined />} onClick={() => file.current?.click()} style={{ alignSelf: 'flex-start' }}>
                  上传整改材料
                </Button>
              </>
            )}
          </Flex>
        </Card>
        <Card size="small" title="流程记录">
          <TransitionLog log={r.log} />
        </Card>
      </Space>
      <Modal
        title={asking ? `${asking.label}（须填写说明）` : ''}
        open={asking !== null}
        okText={asking?.label}
        okButtonProps={{ disabled: !note.trim(), loading: isBusy }}
        onOk={() => asking && void runAction(asking, note.trim())}
        onCancel={() => setAsking(null)}
      >
        <Input.TextArea aria-label="说明" rows={4} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}
