/** One ethics case for the 师德办 or its designated handler: the report, the steps, messages with the reporter, files, restrictions, the log. */
import { ETHICS_OUTCOME_LABELS, type EthicsCaseDetail } from '@zhiping/contracts';
import { ETHICS_CASE_WORKFLOW } from '@zhiping/domain';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
  message,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { ethicsApi } from './ethics-api.ts';
import { StepFields, stepDefaults, submitStep } from './case-step-forms.tsx';

const MESSAGE_KINDS = { question: '向反映人提问', update: '告知反映人进展', reply: '反映人回复', note: '内部记录' } as const;
const PENALTY_NAMES: Record<string, string> = {
  warning: '警告',
  demerit: '记过',
  demotion: '降低岗位等级',
  dismissal: '撤职',
  expulsion: '开除',
};

function Text({ value }: { value: string | null }) {
  return value ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{value}</Typography.Paragraph> : <>—</>;
}

function StepButton({
  action,
  label,
  detail,
  onDone,
}: {
  action: string;
  label: string;
  detail: EthicsCaseDetail;
  onDone: (d: EthicsCaseDetail) => void;
}) {
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);
  const [form] = Form.useForm();
  const save = async (values: Record<string, unknown>) => {
    setSaving(true);
    setError(null);
    try {
      onDone(await submitStep(action, detail, values));
      setOpen(false);
      void message.success(`已${label}`);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const isDanger = action === 'dismiss' || action === 'reinvestigate';
  return (
    <>
      <Button type={isDanger ? 'default' : 'primary'} danger={isDanger} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        title={label}
        open={isOpen}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="确定"
        confirmLoading={isSaving}
        destroyOnHidden
        width={680}
      >
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" initialValues={stepDefaults(action, detail)} onFinish={save} preserve={false}>
          <StepFields action={action} detail={detail} />
        </Form>
      </Modal>
    </>
  );
}

function MessagePanel({ detail, onDone }: { detail: EthicsCaseDetail; onDone: (d: EthicsCaseDetail) => void }) {
  const [kind, setKind] = useState<'question' | 'update' | 'note'>(detail.source === 'public_report' ? 'question' : 'note');
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const send = async () => {
    setError(null);
    try {
      onDone(await ethicsApi.message(detail.id, { kind, body }));
      setBody('');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card size="small" title="往来记录" style={{ marginBottom: 16 }}>
      <List
        size="small"
        locale={{ emptyText: '暂无记录。可向反映人提问（反映人凭查询码查看并回复），或添加内部记录。' }}
        dataSource={detail.messages}
        renderItem={(m) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={m.kind === 'reply' ? 'green' : m.kind === 'note' ? 'default' : 'blue'}>{MESSAGE_KINDS[m.kind]}</Tag>
                  <span>{m.authorName}</span>
                  <Typography.Text type="secondary">{formatDateTime(m.at)}</Typography.Text>
                </Space>
              }
              description={<Text value={m.body} />}
            />
          </List.Item>
        )}
      />
      <ErrorAlert error={error} />
      <Radio.Group
        value={kind}
        onChange={(e) => setKind(e.target.value as typeof kind)}
        style={{ margin: '8px 0' }}
        options={[
          { value: 'question', label: '向反映人提问', disabled: detail.source !== 'public_report' },
          { value: 'update', label: '告知反映人进展', disabled: detail.source !== 'public_report' },
          { value: 'note', label: '内部记录' },
        ]}
      />
      <Input.TextArea rows={3} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} />
      <Button style={{ marginTop: 8 }} onClick={send} disabled={!body.trim()}>
        发送
      </Button>
    </Card>
  );
}

export default function CaseDetailPage() {
  const id = Number(useParams().id);
  const q = useQuery(`ethics-case:${id}`, (signal) => ethicsApi.get(id, signal));
  const [override, setOverride] = useState<EthicsCaseDetail | null>(null);
  const [reporter, setReporter] = useState<{ name: string; contact: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const d = override && override.id === id ? override : q.data;
  if (!d) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  const done = (next: EthicsCaseDetail) => setOverride(next);
  const reveal = async () => {
    try {
      setReporter(await ethicsApi.reporter(d.id));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <PageHeader
        title={`师德案件 ${d.caseNo}`}
        subTitle={
          <Space wrap>
            <Tag color="blue" data-testid="case-state">
              {d.stateLabel}
            </Tag>
            {d.currentDue && (
              <Tag color={d.isOverdue ? 'red' : undefined}>
                {d.isOverdue ? `本环节已逾期（期限 ${d.currentDue}）` : `本环节期限 ${d.currentDue}`}
              </Tag>
            )}
            <span>适用 {d.rulesVersion}</span>
          </Space>
        }
        extra={d.actions.map((a) => (
          <StepButton key={a.action} action={a.action} label={a.label} detail={d} onDone={done} />
        ))}
      />
      <ErrorAlert error={error} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title="反映内容" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="来源">{d.source === 'public_report' ? '公众反映' : '师德办立案'}</Descriptions.Item>
              <Descriptions.Item label="反映人">
                <Space>
                  {reporter ? `${reporter.name}（${reporter.contact}）` : d.reporterLabel}
                  {d.canUnmaskReporter && !reporter && (
                    <Button size="small" onClick={reveal}>
                      查看身份（留痕）
                    </Button>
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="被反映教师">{d.reportedName}</Descriptions.Item>
              <Descriptions.Item label="所反映学校">{d.reportedSchoolName ?? '未填写'}</Descriptions.Item>
              <Descriptions.Item label="发生日期">{d.occurredOn ?? '未填写'}</Descriptions.Item>
              <Descriptions.Item label="收到日期">
                {d.receivedOn}（受理期限 {d.triageDue}）
              </Descriptions.Item>
            </Descriptions>
            <Text value={d.content} />
          </Card>
          <MessagePanel detail={d} onDone={done} />
          <Card size="small" title="材料" style={{ marginBottom: 16 }}>
            <List
              size="small"
              locale={{ emptyText: '暂无材料' }}
              dataSource={d.attachments}
              renderItem={(f) => (
                <List.Item>
                  <a href={ethicsApi.fileUrl(d.id, f.id)}>{f.fileName}</a>
                  <Typography.Text type="secondary">
                    {f.uploadedByName} · {Math.ceil(f.sizeBytes / 1024)} KB · {formatDateTime(f.at)}
                  </Typography.Text>
                </List.Item>
              )}
            />
            {!['closed', 'dismissed'].includes(d.state) && (
              <Upload
                showUploadList={false}
                beforeUpload={(file) => {
                  ethicsApi.upload(d.id, file).then(done, setError);
                  return false;
                }}
              >
                <Button size="small">上传调查材料</Button>
              </Upload>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="办理情况" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="类别">{d.categoryLabel || '待分类'}</Descriptions.Item>
              <Descriptions.Item label="教师">{d.teacherName ? `${d.teacherName}（${d.schoolName ?? ''}）` : '—'}</Descriptions.Item>
              <Descriptions.Item label="承办">{d.handlerName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="受理意见">
                <Text value={d.triageNote} />
              </Descriptions.Item>
              <Descriptions.Item label="调查期限">{d.investigationDue ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="调查结论">
                <Text value={d.findings} />
              </Descriptions.Item>
              <Descriptions.Item label="陈述申辩">
                {d.statement ? <Text value={d.statement} /> : d.statementDue ? `期限 ${d.statementDue}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="处理决定">
                {d.outcome ? (
                  <>
                    <Tag color={d.outcome === 'penalty' ? 'red' : undefined}>
                      {ETHICS_OUTCOME_LABELS[d.outcome]}
                      {d.penalty ? `：${PENALTY_NAMES[d.penalty]}` : ''}
                    </Tag>
                    <Text value={d.decision} />
                  </>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label="书面告知">{d.notifiedOn ? `${d.notifiedOn} 送达，申诉期至 ${d.appealDue}` : '—'}</Descriptions.Item>
              <Descriptions.Item label="申诉">{d.appeal ? <Text value={`${d.appealedOn}：${d.appeal}`} /> : '—'}</Descriptions.Item>
              <Descriptions.Item label="申诉复核">
                {d.appealOutcome ? (
                  <Text value={`${{ upheld: '维持', changed: '变更', revoked: '撤销' }[d.appealOutcome]}：${d.appealResult ?? ''}`} />
                ) : (
                  '—'
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title="限制期（其他业务据此自动拦截）" style={{ marginBottom: 16 }}>
            {d.restrictions.length === 0 ? (
              <Alert type="info" showIcon message="没有处分期或资格限制。作出处分或取消资格的决定后会自动生成。" />
            ) : (
              <Table
                size="small"
                rowKey={(r) => `${r.kind}-${r.from}-${r.label}`}
                pagination={false}
                dataSource={d.restrictions}
                columns={[
                  { title: '限制', dataIndex: 'label' },
                  { title: '状态', render: (_, r) => (r.revokedOn ? <Tag>已撤销（{r.revokedOn}）</Tag> : <Tag color="red">有效</Tag>) },
                  { title: '变更记录', dataIndex: 'changeNote' },
                ]}
              />
            )}
          </Card>
          <Card size="small" title="流程记录">
            <Timeline
              items={d.log.map((l) => ({
                children: (
                  <>
                    <div>
                      {l.action === 'start'
                        ? '收到'
                        : (ETHICS_CASE_WORKFLOW.transitions.find((t) => t.action === l.action)?.label ?? l.action)}{' '}
                      · {l.actorName === 'public-reporter' ? '公众反映人' : l.actorName}
                    </div>
                    <Typography.Text type="secondary">{formatDateTime(l.at)}</Typography.Text>
                    {l.note && <div>{l.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
