/** The 公示 (objections filed by anyone signed in, decided by the 教师科) and the final list (printable, xlsx). */
import { PrinterOutlined } from '@ant-design/icons';
import type { AwardCallDetail, AwardObjection } from '@zhiping/contracts';
import { Alert, App, Button, Card, Form, Input, List, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { DownloadButton } from '../../components/export-button.tsx';
import { PrintArea } from '../../components/print-area.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { GradeTag } from './award-tags.tsx';
import { awardsApi } from './awards-api.ts';

export function NoticeTab({ call, onChange }: { call: AwardCallDetail; onChange: () => void }) {
  const { message } = App.useApp();
  const q = useQuery(`award-notice:${call.id}:${call.version}`, (signal) => awardsApi.notice(call.id, signal));
  const [form] = Form.useForm<{ applicationId: number; content: string }>();
  const [deciding, setDeciding] = useState<AwardObjection | null>(null);
  const [decision, setDecision] = useState<'upheld' | 'dismissed'>('dismissed');
  const [note, setNote] = useState('');
  const n = q.data;
  const file = async () => {
    const v = await form.validateFields();
    try {
      await awardsApi.object(call.id, v.applicationId, v.content);
      message.success('异议已提交，教师科将核实处理');
      form.resetFields();
      q.reload();
      onChange();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const decide = async () => {
    if (!deciding) return;
    try {
      await awardsApi.decide(call.id, deciding.id, decision, note.trim());
      message.success('已处理异议');
      setDeciding(null);
      q.reload();
      onChange();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const isFinal = ['final', 'recommended', 'concluded'].includes(call.state);
  return (
    <>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {n && n.publicityStart && (
        <Alert
          type={n.phase === 'running' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={`公示期 ${formatDate(n.publicityStart)} 至 ${formatDate(n.publicityEnd)}${n.phase === 'running' ? '（公示中）' : n.phase === 'ended' ? '（已期满）' : ''}`}
          description={n.canObject ? '对公示名单有异议的，请在公示期内实名提出，写明事实和依据。' : undefined}
        />
      )}
      <Space style={{ marginBottom: 12 }} className="no-print">
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
        <DownloadButton path={`/awards/calls/${call.id}/final-list.xlsx`} fileName={`${call.title}-获奖名单.xlsx`} />
      </Space>
      <PrintArea pageSize="A4 landscape">
        <Typography.Title level={4} className="print-only">
          {call.title}
          {isFinal ? '获奖名单' : '拟获奖名单公示'}
        </Typography.Title>
        <Table
          size="small"
          rowKey="applicationId"
          loading={q.isLoading}
          dataSource={n?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState description="汇总排名后，拟获奖名单在这里公示。" /> }}
          columns={[
            { title: '名次', render: (_, i) => i.rank ?? '—' },
            { title: '成果名称', dataIndex: 'title' },
            { title: '主持人', dataIndex: 'leadName' },
            { title: '团队成员', render: (_, i) => i.memberNames.join('、') || '—' },
            { title: '学校', dataIndex: 'schoolName' },
            { title: '得分', render: (_, i) => i.score ?? '—' },
            { title: '等次', render: (_, i) => (i.excludedReason ? <Tag color="red">已取消</Tag> : <GradeTag label={i.gradeLabel} />) },
            ...(isFinal
              ? [
                  {
                    title: '市级',
                    render: (_: unknown, i: { isRecommended: boolean; cityResultLabel: string | null }) =>
                      i.cityResultLabel ?? (i.isRecommended ? '已推荐' : ''),
                  },
                ]
              : []),
            { title: '说明', render: (_, i) => i.excludedReason ?? '' },
          ]}
        />
      </PrintArea>
      {n?.canObject && (
        <Card size="small" title="提出异议" style={{ marginTop: 12 }} className="no-print">
          <Form form={form} layout="vertical" style={{ maxWidth: 640 }}>
            <Form.Item name="applicationId" label="对哪项成果" rules={[{ required: true, message: '请选择成果' }]}>
              <Select
                options={n.items.filter((i) => i.rank !== null).map((i) => ({ value: i.applicationId, label: `${i.rank}. ${i.title}` }))}
              />
            </Form.Item>
            <Form.Item
              name="content"
              label="异议内容"
              rules={[{ required: true, min: 10, message: '异议内容不少于 10 字，请写明事实和依据' }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Button type="primary" onClick={() => void file()}>
              提交异议
            </Button>
          </Form>
        </Card>
      )}
      {n && n.objections.length > 0 && (
        <Card size="small" title="异议及处理" style={{ marginTop: 12 }} className="no-print">
          <List
            dataSource={n.objections}
            renderItem={(o) => (
              <List.Item
                actions={
                  n.canDecide && !o.decision
                    ? [
                        <Button
                          key="d"
                          size="small"
                          type="primary"
                          onClick={() => {
                            setDecision('dismissed');
                            setNote('');
                            setDeciding(o);
                          }}
                        >
                          处理
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      《{o.applicationTitle}》
                      {o.decision ? (
                        <Tag color={o.decision === 'upheld' ? 'red' : 'green'}>{o.decision === 'upheld' ? '异议成立' : '异议不成立'}</Tag>
                      ) : (
                        <Tag color="orange">待处理</Tag>
                      )}
                    </Space>
                  }
                  description={
                    <>
                      <div>{o.content}</div>
                      <Typography.Text type="secondary">
                        {o.filedByName ?? '实名提出'} · {formatDateTime(o.filedAt)}
                      </Typography.Text>
                      {o.decision && (
                        <div>
                          处理意见：{o.decisionNote}（{o.decidedByName}，{formatDateTime(o.decidedAt)}）
                        </div>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Modal
        title="处理异议"
        open={deciding !== null}
        okText="确定"
        cancelText="取消"
        okButtonProps={{ disabled: note.trim().length < 2 }}
        onCancel={() => setDeciding(null)}
        onOk={() => void decide()}
      >
        <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value as 'upheld' | 'dismissed')} style={{ marginBottom: 12 }}>
          <Radio value="dismissed">异议不成立</Radio>
          <Radio value="upheld">异议成立（取消该成果并重新排名）</Radio>
        </Radio.Group>
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder="核实情况与处理意见" />
      </Modal>
    </>
  );
}
