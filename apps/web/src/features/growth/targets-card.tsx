/** The yearly targets as versioned configuration: every version with its source; the 教师科 adds new versions. */
import { TargetInput, TARGET_KEY_VALUES, type TargetVersionDto } from '@zhiping/contracts';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { growthApi } from './growth-api.ts';

const LABELS: Record<(typeof TARGET_KEY_VALUES)[number], string> = {
  demo_lessons: '示范课（节/年）',
  teaching_experts: '教学能手（名/年）',
  studios: '名校长·名班主任·名师工作室（个）',
  rural_coverage: '专家团队结对农村学校覆盖率（%）',
};

export function TargetsCard({ canEdit, onChanged }: { canEdit: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const q = useQuery('growth-targets', (signal) => growthApi.targets(signal));
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm();
  const submit = async () => {
    const values = await form.validateFields();
    const parsed = TargetInput.safeParse(values);
    if (!parsed.success) {
      message.error(parsed.error.issues[0]?.message ?? '请检查输入');
      return;
    }
    try {
      await growthApi.addTarget(parsed.data);
      message.success('已新增目标版本');
      setOpen(false);
      q.reload();
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card
      size="small"
      title="年度目标（版本与依据）"
      extra={
        canEdit && (
          <Button
            size="small"
            onClick={() => {
              form.resetFields();
              setOpen(true);
            }}
          >
            新增目标版本
          </Button>
        )
      }
    >
      <Table<TargetVersionDto>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        pagination={false}
        dataSource={q.data ?? []}
        columns={[
          { title: '目标', dataIndex: 'label' },
          { title: '目标值', render: (_, t) => `${t.value}${t.unit}` },
          { title: '起始年度', dataIndex: 'validFromYear' },
          { title: '依据', dataIndex: 'source' },
          { title: '设定人', dataIndex: 'createdBy' },
          { title: '设定时间', render: (_, t) => formatDateTime(t.createdAt) },
        ]}
      />
      <Modal open={isOpen} title="新增目标版本" okText="保存" onOk={() => void submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ validFromYear: new Date().getFullYear() + 1 }}>
          <Form.Item name="key" label="目标" rules={[{ required: true, message: '请选择目标' }]}>
            <Select options={TARGET_KEY_VALUES.map((k) => ({ value: k, label: LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="value" label="目标值" rules={[{ required: true, message: '请填写目标值' }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validFromYear" label="起始年度" rules={[{ required: true, message: '请填写起始年度' }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="source" label="依据（文件文号或材料来源）" rules={[{ required: true, message: '请填写依据' }]}>
            <Input.TextArea rows={2} maxLength={300} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
