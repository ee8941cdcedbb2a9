/** One application: members, summary, attachments (upload while editable), submit / withdraw, the check result and the outcome. */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, List, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { downloadFile } from '../../lib/download.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { ApplicationStatusTag, GradeTag } from './award-tags.tsx';
import { awardsApi } from './awards-api.ts';

export default function AwardApplicationDetailPage() {
  const id = Number(useParams().applicationId);
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const q = useQuery(`award-app:${id}`, (signal) => awardsApi.application(id, signal));
  const file = useRef<HTMLInputElement>(null);
  const [isBusy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const a = q.data;
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(done);
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const upload = async (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) await act(() => awardsApi.upload(id, f), `已上传 ${f.name}`);
    if (file.current) file.current.value = '';
  };
  const canSubmit = a.canEdit && (a.status === 'draft' || a.status === 'returned');
  return (
    <>
      <PageHeader
        title={a.title}
        subTitle={<Link to={`/awards/calls/${a.callId}`}>{a.callTitle}</Link>}
        extra={
          <>
            {a.canEdit && <Button onClick={() => void navigate(`/awards/applications/${id}/edit`)}>修改</Button>}
            {canSubmit && (
              <Button
                type="primary"
                loading={isBusy}
                onClick={() =>
                  modal.confirm({
                    title: '确认提交申报？',
                    content: '提交后由区教师科进行形式审查；审查前可撤回。',
                    okText: '提交',
                    cancelText: '取消',
                    onOk: () => act(() => awardsApi.submission(id, 'submit'), '已提交'),
                  })
                }
              >
                提交申报
              </Button>
            )}
            {a.canEdit === false && a.status === 'submitted' && a.callState === 'open' && !a.canCheck && (
              <Button loading={isBusy} onClick={() => void act(() => awardsApi.submission(id, 'withdraw'), '已撤回')}>
                撤回
              </Button>
            )}
            {a.canCheck && (
              <>
                <Button type="primary" loading={isBusy} onClick={() => void act(() => awardsApi.check(id, 'pass', ''), '形式审查通过')}>
                  形式审查通过
                </Button>
                <Button danger onClick={() => setReturning(true)}>
                  退回
                </Button>
              </>
            )}
          </>
        }
      />
      {a.status === 'returned' && a.checkNote && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="形式审查退回" description={a.checkNote} />
      )}
      {a.excludedReason && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="已取消获奖资格" description={a.excludedReason} />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label="状态">
            <ApplicationStatusTag status={a.status} label={a.statusLabel} />
          </Descriptions.Item>
          <Descriptions.Item label="提交时间">{formatDateTime(a.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="主持人">
            {a.leadName}（{a.schoolName}）
          </Descriptions.Item>
          <Descriptions.Item label="团队成员">
            {a.members
              .filter((m) => !m.isLead)
              .map((m) => `${m.name}（${m.schoolName}）`)
              .join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="类别 / 学段 / 学科">
            {a.field} / {a.stage} / {a.subject || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="评审结果">
            {a.isResultPublic || a.score !== null ? (
              <Space wrap>
                {a.score !== null && <span>{a.score} 分</span>}
                {a.rank !== null && <span>第 {a.rank} 名</span>}
                <GradeTag label={a.gradeLabel} />
                {a.cityResultLabel && <Tag color="red">{a.cityResultLabel}</Tag>}
                {a.isRecommended && !a.cityResultLabel && <Tag>已推荐参评市级</Tag>}
              </Space>
            ) : (
              '评审中，公示时公布'
            )}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          成果简介
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.summary}</Typography.Paragraph>
      </Card>
      <Card
        size="small"
        title="成果材料"
        extra={
          a.canEdit && (
            <>
              <input ref={file} type="file" multiple hidden aria-label="选择材料文件" onChange={(e) => void upload(e.target.files)} />
              <Button icon={<UploadOutlined />} loading={isBusy} onClick={() => file.current?.click()}>
                上传材料
              </Button>
            </>
          )
        }
      >
        <List
          size="small"
          dataSource={a.attachments}
          locale={{ emptyText: a.canEdit ? '尚未上传材料。请上传成果报告（评审时以“材料1、材料2…”匿名呈现）。' : '无材料' }}
          renderItem={(f) => (
            <List.Item>
              <Button
                type="link"
                icon={<PaperClipOutlined />}
                onClick={() =>
                  void downloadFile(`/awards/applications/${id}/attachments/${f.id}`, f.fileName).catch((e: unknown) =>
                    message.error(errorMessage(e)),
                  )
                }
              >
                {f.fileName}
              </Button>
              <Typography.Text type="secondary">
                {(f.size / 1024).toFixed(0)} KB · {f.uploadedBy} · {formatDateTime(f.uploadedAt)}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
      <Modal
        title="退回申报"
        open={returning}
        okText="退回"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: !note.trim() }}
        onCancel={() => setReturning(false)}
        onOk={() => void act(() => awardsApi.check(id, 'return', note.trim()), '已退回').then(() => setReturning(false))}
      >
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder="退回理由" />
      </Modal>
    </>
  );
}
