/** /growth/teams/:id: an expert team — members, visits, and the helped school's indicators before and after. */
import { TeamEndInput, TeamVisitInput, VISIT_KIND_VALUES } from '@zhiping/contracts';
import {
  App,
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { isGrowthManager } from './growth-access.ts';
import { growthApi } from './growth-api.ts';
import { isoOf, submitWith } from './growth-form.ts';

const VISIT_LABELS: Record<string, string> = {
  lesson_observation: '听课评课',
  demonstration: '送教示范',
  lecture: '专题讲座',
  research_guidance: '教研指导',
  other: '其他帮扶',
};
const STAGE_LABELS: Record<string, string> = { preschool: '学前', primary: '小学', junior: '初中', senior: '高中' };

export default function TeamDetailPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const q = useQuery(`team:${id}`, (signal) => growthApi.team(id, signal));
  const me = useMe();
  const [isOpen, setOpen] = useState(false);
  const [isEnding, setEnding] = useState(false);
  const [form] = Form.useForm();
  const [endForm] = Form.useForm();
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const t = q.data;
  const save = async () => {
    const ok = await submitWith(
      form,
      TeamVisitInput,
      (input) => growthApi.addVisit(id, input),
      message,
      '帮扶记录已保存',
      (v) => ({
        ...v,
        visitedOn: isoOf(v.visitedOn),
        outcome: v.outcome ?? '',
      }),
    );
    if (ok) {
      setOpen(false);
      q.reload();
    }
  };
  const end = async () => {
    const ok = await submitWith(
      endForm,
      TeamEndInput,
      (input) => growthApi.endTeam(id, input),
      message,
      '结对已结束',
      (v) => ({
        endedOn: isoOf(v.endedOn),
      }),
    );
    if (ok) {
      setEnding(false);
      q.reload();
    }
  };
  const ch = t.indicatorChange;
  return (
    <>
      <PageHeader
        title={t.name}
        subTitle={`结对${t.pairingReasonLabel}：${t.pairedSchool.name}`}
        extra={
          <Space wrap>
            {t.canManage && !t.endedOn && (
              <Button
                type="primary"
                onClick={() => {
                  form.resetFields();
                  setOpen(true);
                }}
              >
                记录帮扶
              </Button>
            )}
            {isGrowthManager(me) && !t.endedOn && (
              <Button
                onClick={() => {
                  endForm.resetFields();
                  endForm.setFieldsValue({ endedOn: dayjs() });
                  setEnding(true);
                }}
              >
                结束结对
              </Button>
            )}
          </Space>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="结对学校">
          <Link to={`/teacher-development/schools/${t.pairedSchool.id}`}>{t.pairedSchool.name}</Link>（{t.pairedSchool.urbanRuralLabel}）
        </Descriptions.Item>
        <Descriptions.Item label="结对期间">
          {formatDate(t.startedOn)} 起{t.endedOn ? `，${formatDate(t.endedOn)} 结束` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="帮扶重点">{t.focus || '—'}</Descriptions.Item>
        <Descriptions.Item label="结对原因">
          <Tag color={t.pairingReason === 'rural' ? 'green' : 'orange'}>{t.pairingReasonLabel}</Tag>
          {t.weakReason}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={`专家（${t.memberList.length} 人）`} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={t.memberList}
          columns={[
            { title: '姓名', render: (_, m) => <Link to={`/teachers/${m.id}/growth`}>{m.name}</Link> },
            { title: '学校', render: (_, m) => m.schoolName ?? '—' },
            { title: '学科', render: (_, m) => m.subject ?? '—' },
            { title: '身份', render: (_, m) => (m.isLead ? <Tag color="gold">负责人</Tag> : <Tag>成员</Tag>) },
          ]}
        />
      </Card>
      <Card size="small" title="被帮扶学校指标变化（来自指标计算）" style={{ marginBottom: 16 }}>
        {!ch ? (
          <Alert type="info" showIcon message={t.indicatorNote ?? '暂无可比较的指标'} />
        ) : (
          <Table
            size="small"
            rowKey={(r) => `${r.code}|${r.stage ?? ''}`}
            pagination={false}
            scroll={{ x: 640 }}
            dataSource={ch.rows}
            columns={[
              { title: '指标', render: (_, r) => `${r.name}${r.stage ? `（${STAGE_LABELS[r.stage] ?? r.stage}）` : ''}` },
              { title: `${ch.fromYear} 学年（结对时）`, render: (_, r) => r.before ?? '—', align: 'right' },
              { title: `${ch.toYear} 学年（最新）`, render: (_, r) => r.after ?? '—', align: 'right' },
              {
                title: '变化',
                align: 'right',
                render: (_, r) => {
                  if (r.beforeValue === null || r.afterValue === null) return '—';
                  const d = r.afterValue - r.beforeValue;
                  const text = `${d > 0 ? '+' : ''}${Math.abs(d) < 10 ? d.toFixed(2) : d.toFixed(1)}`;
                  return d === 0 ? '持平' : text;
                },
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={`帮扶记录（${t.visitList.length} 次）`}>
        <Table
          size="small"
          rowKey="id"
          scroll={{ x: 700 }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={t.visitList}
          locale={{ emptyText: '尚无帮扶记录。团队负责人可点击“记录帮扶”。' }}
          columns={[
            { title: '日期', render: (_, v) => formatDate(v.visitedOn), width: 110 },
            { title: '形式', dataIndex: 'kindLabel', width: 100 },
            { title: '内容', dataIndex: 'content' },
            { title: '参与人数', dataIndex: 'participants', align: 'right', width: 90 },
            { title: '成效', dataIndex: 'outcome' },
          ]}
        />
      </Card>
      <Modal open={isOpen} title="记录帮扶" okText="保存" onOk={() => void save()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ participants: 0 }}>
          <Form.Item name="visitedOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label="形式" rules={[{ required: true, message: '请选择形式' }]}>
            <Select options={VISIT_KIND_VALUES.map((k) => ({ value: k, label: VISIT_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="content" label="内容" rules={[{ required: true, message: '请填写内容' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item name="participants" label="学校参与人数">
            <InputNumber min={0} max={10000} />
          </Form.Item>
          <Form.Item name="outcome" label="成效">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={isEnding} title="结束结对" okText="结束" onOk={() => void end()} onCancel={() => setEnding(false)} destroyOnHidden>
        <Form form={endForm} layout="vertical">
          <Form.Item name="endedOn" label="结束日期" rules={[{ required: true, message: '请选择结束日期' }]}>
            <DatePicker />
          </Form.Item>
          <Alert type="info" showIcon title="结束后不能再记录帮扶；已有的帮扶记录和指标变化保留，名单中不再列为在结对。" />
        </Form>
      </Modal>
    </>
  );
}
