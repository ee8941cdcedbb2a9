/** 立整改: opens a rectification item for a problem (owner, deadline, required evidence). */
import type { RectificationInput } from '@zhiping/contracts';
import { App, Button, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { rectificationApi } from './rectification-api.ts';

interface Values {
  problem: string;
  requirement?: string;
  requiredEvidence?: string;
  owner: string;
  deadline: Dayjs;
}

export function CreateRectificationButton(props: {
  schoolId: number;
  evaluationId?: number | null;
  code?: string | null;
  problem?: string;
  onCreated: () => void;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    const input: RectificationInput = {
      schoolId: props.schoolId,
      evaluationId: props.evaluationId ?? null,
      code: props.code ?? null,
      problem: v.problem,
      requirement: v.requirement ?? '',
      requiredEvidence: v.requiredEvidence ?? '',
      owner: v.owner,
      deadline: v.deadline.format('YYYY-MM-DD'),
    };
    setBusy(true);
    try {
      await rectificationApi.create(input);
      message.success('已立整改事项');
      setOpen(false);
      props.onCreated();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        立整改
      </Button>
      <Modal
        title="立整改事项"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="保存"
        confirmLoading={isBusy}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ problem: props.problem ?? '', deadline: dayjs().add(30, 'day'), owner: '园长（校长）' }}
        >
          <Form.Item name="problem" label="存在的问题" rules={[{ required: true, min: 2, message: '请描述存在的问题' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="requirement" label="整改要求">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="requiredEvidence" label="须提交的佐证">
            <Input placeholder="如：整改前后照片、制度文件" />
          </Form.Item>
          <Form.Item name="owner" label="整改责任人" rules={[{ required: true, message: '请填写整改责任人' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="deadline" label="整改期限" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
