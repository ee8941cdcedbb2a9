/** One course: its facts and sessions (期次); whoever manages it opens new sessions. */
import type { TrainingSessionInput, TrainingSessionSummary } from '@zhiping/contracts';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useQuery } from '../../lib/use-query.ts';
import { trainingApi } from './training-api.ts';
import { CATEGORY_LABELS, LEVEL_LABELS, MODE_LABELS } from './training-labels.ts';

interface SessionValues {
  name: string;
  dates: [Dayjs, Dayjs];
  capacity: number;
  location?: string;
}

function CreateSessionButton({ courseId, onCreated }: { courseId: number; onCreated: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [form] = Form.useForm<SessionValues>();
  const submit = async (v: SessionValues) => {
    const input: TrainingSessionInput = {
      name: v.name,
      startsOn: v.dates[0].format('YYYY-MM-DD'),
      endsOn: v.dates[1].format('YYYY-MM-DD'),
      capacity: v.capacity,
      location: v.location ?? '',
    };
    setBusy(true);
    try {
      await trainingApi.createSession(courseId, input);
      message.success('已开设期次');
      setOpen(false);
      onCreated();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        开设期次
      </Button>
      <Modal
        title="开设期次"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="保存"
        confirmLoading={isBusy}
        destroyOnHidden
      >
        <Form<SessionValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ capacity: 50 }}>
          <Form.Item name="name" label="期次名称" rules={[{ required: true, message: '请填写期次名称' }]}>
            <Input placeholder="如：2026年第1期" />
          </Form.Item>
          <Form.Item name="dates" label="培训日期" rules={[{ required: true, message: '请选择培训起止日期' }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="capacity" label="名额" rules={[{ required: true, message: '请填写名额' }]}>
            <InputNumber min={1} max={100000} />
          </Form.Item>
          <Form.Item name="location" label="地点">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function CourseDetailPage() {
  const id = Number(useParams().id);
  const q = useQuery(`training-course:${id}`, (signal) => trainingApi.course(id, signal));
  const c = q.data;
  return (
    <>
      <PageHeader
        title={c?.title ?? '培训项目'}
        subTitle={<Link to="/training/courses">返回培训项目</Link>}
        extra={c?.canManage ? <CreateSessionButton courseId={id} onCreated={q.reload} /> : null}
      />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {c && (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
              <Descriptions.Item label="培训机构">{c.provider}</Descriptions.Item>
              <Descriptions.Item label="级别">
                {LEVEL_LABELS[c.level]}
                {c.schoolName ? `（${c.schoolName}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="类别">{CATEGORY_LABELS[c.category]}</Descriptions.Item>
              <Descriptions.Item label="方式">{MODE_LABELS[c.mode]}</Descriptions.Item>
              <Descriptions.Item label="学时">{c.hours}</Descriptions.Item>
              <Descriptions.Item label="高端研修研讨">{c.isSeminar ? '是' : '否'}</Descriptions.Item>
              {c.description && <Descriptions.Item label="说明">{c.description}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Table<TrainingSessionSummary>
            rowKey="id"
            size="middle"
            dataSource={c.sessionList}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: c.canManage ? '尚未开设期次。点击右上角“开设期次”。' : '尚未开设期次。' }}
            columns={[
              { title: '期次', render: (_, s) => <Link to={`/training/sessions/${s.id}`}>{s.name}</Link> },
              { title: '日期', render: (_, s) => `${s.startsOn} 至 ${s.endsOn}` },
              { title: '地点', dataIndex: 'location' },
              { title: '名额', dataIndex: 'capacity' },
              { title: '报名', dataIndex: 'enrolled' },
              { title: '结业', dataIndex: 'completed' },
              { title: '状态', render: (_, s) => (s.isClosed ? <Tag>已结束报名</Tag> : <Tag color="blue">报名中</Tag>) },
            ]}
          />
        </>
      )}
    </>
  );
}
