/** /growth/rounds: yearly selection rounds of 示范课 and 教学能手. */
import { RoundInput, SELECTION_KIND_VALUES, type RoundSummary } from '@zhiping/contracts';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { isGrowthManager } from './growth-access.ts';
import { growthApi } from './growth-api.ts';
import { isoOf, submitWith } from './growth-form.ts';

const KIND_LABELS: Record<string, string> = { demo_lesson: '示范课', teaching_expert: '教学能手' };
export const STATE_COLORS: Record<string, string> = { open: 'blue', reviewing: 'orange', published: 'green' };

export default function RoundListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const q = useQuery('growth-rounds', (signal) => growthApi.rounds({}, signal));
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm();
  const create = async () => {
    let id = 0;
    const ok = await submitWith(
      form,
      RoundInput,
      async (input) => {
        id = (await growthApi.createRound(input)).id;
      },
      message,
      '评选已发布',
      (v) => ({ ...v, opensOn: isoOf(v.opensOn), closesOn: isoOf(v.closesOn) }),
    );
    if (ok) {
      setOpen(false);
      navigate(`/growth/rounds/${id}`);
    }
  };
  const kind = Form.useWatch('kind', form) as string | undefined;
  const year = Form.useWatch('year', form) as number | undefined;
  return (
    <>
      <PageHeader
        title="示范课与教学能手"
        subTitle="每年评选示范课 100 节、教学能手 100 名：申报（本人或学校推荐）、评审打分、择优入选、公布名单"
        extra={
          isGrowthManager(me) && (
            <Button
              type="primary"
              onClick={() => {
                form.resetFields();
                setOpen(true);
              }}
            >
              发布评选
            </Button>
          )
        }
      />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      <Table<RoundSummary>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: '尚无评选。区教师科可点击“发布评选”，设定年度、类别、名额和申报时间。' }}
        columns={[
          { title: '评选', render: (_, r) => <Link to={`/growth/rounds/${r.id}`}>{r.name}</Link> },
          { title: '年度', dataIndex: 'year' },
          { title: '类别', dataIndex: 'kindLabel' },
          { title: '申报时间', render: (_, r) => `${formatDate(r.opensOn)} 至 ${formatDate(r.closesOn)}` },
          {
            title: '状态',
            render: (_, r) => (
              <>
                <Tag color={STATE_COLORS[r.state]}>{r.stateLabel}</Tag>
                {r.isWindowOpen && <Tag color="cyan">可申报</Tag>}
                {r.isReviewer && <Tag color="purple">我是评审</Tag>}
              </>
            ),
          },
          { title: '申报', dataIndex: 'applications', align: 'right' },
          { title: '入选 / 名额', render: (_, r) => `${r.selected} / ${r.target}`, align: 'right' },
        ]}
      />
      <Modal open={isOpen} title="发布评选" okText="发布" onOk={() => void create()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ year: new Date().getFullYear(), target: 100 }}
          onValuesChange={(changed: Record<string, unknown>) => {
            if ('kind' in changed || 'year' in changed) {
              const k = (changed.kind as string | undefined) ?? kind;
              const y = (changed.year as number | undefined) ?? year;
              if (k && y) form.setFieldValue('name', `${y}年度区级${KIND_LABELS[k]}评选`);
            }
          }}
        >
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={SELECTION_KIND_VALUES.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="target"
            label="名额"
            rules={[{ required: true, message: '请填写名额' }]}
            extra="大渡口区目标：每年示范课 100 节、教学能手 100 名"
          >
            <InputNumber min={1} max={10000} />
          </Form.Item>
          <Form.Item label="申报时间" required style={{ marginBottom: 0 }}>
            <Form.Item name="opensOn" rules={[{ required: true, message: '开始日期' }]} style={{ display: 'inline-block', width: '48%' }}>
              <DatePicker placeholder="开始" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="closesOn"
              rules={[{ required: true, message: '截止日期' }]}
              style={{ display: 'inline-block', width: '48%', marginLeft: '4%' }}
            >
              <DatePicker placeholder="截止" style={{ width: '100%' }} />
            </Form.Item>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
