/**
 * 我的学时 (a teacher's own page): hours by cycle, level and seminars straight from the ledger (nothing to
 * fill in), plus submitting an outside training with its certificate and following its review.
 */
import type { OutsideTraining, OutsideTrainingInput } from '@zhiping/contracts';
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { EvidenceLinks } from './outside-list.page.tsx';
import { trainingApi } from './training-api.ts';
import { CATEGORY_LABELS, LEVEL_LABELS, OUTSIDE_LABELS, options } from './training-labels.ts';
import { TeacherTrainingCard } from './training-cards.tsx';

interface Values extends Omit<OutsideTrainingInput, 'startedOn' | 'endedOn'> {
  dates: [Dayjs, Dayjs];
}

const COLORS: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

function SubmitOutsideButton({ onSubmitted }: { onSubmitted: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const created = await trainingApi.submitOutside({
        title: v.title,
        provider: v.provider,
        level: v.level,
        category: v.category,
        isSeminar: v.isSeminar ?? false,
        hours: v.hours,
        startedOn: v.dates[0].format('YYYY-MM-DD'),
        endedOn: v.dates[1].format('YYYY-MM-DD'),
        note: v.note ?? '',
      });
      for (const f of files) if (f.originFileObj) await trainingApi.uploadOutsideEvidence(created.id, f.originFileObj);
      message.success('已提交，待学校审核认定');
      setOpen(false);
      setFiles([]);
      form.resetFields();
      onSubmitted();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        申报校外培训
      </Button>
      <Modal
        title="申报校外培训"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="提交"
        confirmLoading={isBusy}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ level: 'city', category: 'subject', isSeminar: false }}
        >
          <Form.Item name="title" label="培训名称" rules={[{ required: true, min: 2, message: '请填写培训名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="provider" label="培训机构" rules={[{ required: true, message: '请填写培训机构' }]}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="level" label="级别" rules={[{ required: true }]}>
              <Select style={{ width: 120 }} options={options(LEVEL_LABELS)} />
            </Form.Item>
            <Form.Item name="category" label="类别" rules={[{ required: true }]}>
              <Select style={{ width: 180 }} options={options(CATEGORY_LABELS)} />
            </Form.Item>
            <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
              <InputNumber min={0.5} max={1000} step={0.5} />
            </Form.Item>
          </Space>
          <Form.Item name="dates" label="培训日期" rules={[{ required: true, message: '请选择培训起止日期' }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="isSeminar" label="高端研修研讨" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item label="证明材料（结业证书、学时证明）">
            <Upload beforeUpload={() => false} fileList={files} onChange={(i) => setFiles(i.fileList)} multiple>
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function MyTrainingPage() {
  const me = useMe();
  const mine = useQuery('training-outside-mine', (signal) => trainingApi.outside({ mine: 'true', pageSize: 50 }, signal));
  const [key, setKey] = useState(0);
  if (me.teacherId === null) return <EmptyState description="当前账号未关联教师档案，请联系学校管理员关联后查看学时。" />;
  return (
    <>
      <PageHeader
        title="我的学时"
        subTitle="学时来自培训结业、平台导入和已认定的校外培训，无需本人填报"
        extra={
          <SubmitOutsideButton
            onSubmitted={() => {
              mine.reload();
              setKey((k) => k + 1);
            }}
          />
        }
      />
      <TeacherTrainingCard key={key} teacherId={me.teacherId} />
      <h3 style={{ marginTop: 16 }}>我的校外培训申报</h3>
      <Table<OutsideTraining>
        rowKey="id"
        size="small"
        loading={mine.isLoading}
        dataSource={mine.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: '尚无申报。参加了校外培训？点击右上角“申报校外培训”，上传证书后由学校审核认定学时。' }}
        columns={[
          { title: '培训', render: (_, r) => `${r.title}（${r.provider}）` },
          { title: '级别', render: (_, r) => LEVEL_LABELS[r.level] },
          { title: '学时', dataIndex: 'hours' },
          { title: '日期', render: (_, r) => `${r.startedOn} 至 ${r.endedOn}` },
          { title: '证明材料', render: (_, r) => <EvidenceLinks item={r} /> },
          {
            title: '状态',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Tag color={COLORS[r.status]}>{OUTSIDE_LABELS[r.status]}</Tag>
                {r.reviewNote && <small>{r.reviewNote}</small>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
