/** 查询办理进展 (public): the reporter follows their report with the tracking code and password, answers questions and adds files. */
import type { PublicCaseView } from '@zhiping/contracts';
import { Alert, Button, Descriptions, Divider, Form, Input, List, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { PublicLayout } from './public-layout.tsx';
import { publicApi, type Credentials } from './public-api.ts';

const KIND_LABELS = { question: '承办人询问', update: '办理进展', reply: '我的回复' } as const;

export default function TrackPage() {
  const [creds, setCreds] = useState<Credentials | null>(null);
  const [view, setView] = useState<PublicCaseView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const [reply, setReply] = useState('');
  const [files, setFiles] = useState<UploadFile[]>([]);

  const open = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      setView(await publicApi.track(values));
      setCreds(values);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const sendReply = async () => {
    if (!creds) return;
    setBusy(true);
    setError(null);
    try {
      let next = view;
      if (reply.trim()) next = await publicApi.reply(creds, reply.trim());
      for (const f of files) if (f.originFileObj) next = await publicApi.upload(creds, f.originFileObj, reply.trim().length > 0);
      setView(next);
      setReply('');
      setFiles([]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicLayout title="查询办理进展">
      <ErrorAlert error={error} />
      {!view || !creds ? (
        <Form<Credentials> layout="vertical" onFinish={open} style={{ maxWidth: 420 }}>
          <Form.Item name="code" label="查询码" rules={[{ required: true, message: '请输入查询码' }]}>
            <Input placeholder="XXXX-XXXX-XXXX" autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label="查询密码" rules={[{ required: true, message: '请输入查询密码' }]}>
            <Input.Password autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isBusy}>
            查询
          </Button>
        </Form>
      ) : (
        <>
          <Descriptions bordered column={1} size="middle">
            <Descriptions.Item label="受理编号">{view.caseNo}</Descriptions.Item>
            <Descriptions.Item label="提交日期">{view.receivedOn}</Descriptions.Item>
            <Descriptions.Item label="办理状态">
              <Tag color={view.isClosed ? 'default' : 'blue'} data-testid="public-status">
                {view.statusLabel}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label="已上传附件">
              {view.attachments.length ? view.attachments.map((a) => a.fileName).join('、') : '无'}
            </Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">往来记录</Divider>
          <List
            locale={{ emptyText: '暂无往来记录。承办人有问题时会在这里询问，请不时回来查看。' }}
            dataSource={view.messages}
            renderItem={(m) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space>
                      <Tag color={m.kind === 'question' ? 'orange' : m.kind === 'update' ? 'blue' : 'default'}>{KIND_LABELS[m.kind]}</Tag>
                      <Typography.Text type="secondary">{formatDateTime(m.at)}</Typography.Text>
                    </Space>
                  }
                  description={
                    <>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.body}</Typography.Paragraph>
                      {m.attachments.length > 0 && (
                        <Typography.Text type="secondary">附件：{m.attachments.map((a) => a.fileName).join('、')}</Typography.Text>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
          {view.canReply ? (
            <>
              <Divider titlePlacement="start">回复或补充材料</Divider>
              <Input.TextArea
                rows={4}
                value={reply}
                onChange={(e) => setReply(e.target.value)}
                maxLength={5000}
                showCount
                placeholder="回答承办人的询问，或补充情况"
              />
              <Space style={{ marginTop: 8 }} wrap>
                <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(0, 5))}>
                  <Button>添加附件</Button>
                </Upload>
                <Button type="primary" onClick={sendReply} loading={isBusy} disabled={!reply.trim() && files.length === 0}>
                  提交
                </Button>
              </Space>
            </>
          ) : (
            <Alert style={{ marginTop: 16 }} type="info" showIcon message="该反映已办结，感谢您的监督。" />
          )}
          <div style={{ marginTop: 16 }}>
            <Button
              onClick={() => {
                setView(null);
                setCreds(null);
              }}
            >
              退出查询
            </Button>
          </div>
        </>
      )}
    </PublicLayout>
  );
}
