/** A confirmation that asks for one date: a member's 退出日期 or a group's 撤销日期. */
import { Alert, App, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../lib/api-error.ts';

export interface DateAction {
  title: string;
  /** Label of the date field. */
  label: string;
  /** What happens, shown above the field. */
  description: ReactNode;
  /** The date must be after this day ('YYYY-MM-DD'). */
  after: string;
  okText: string;
  /** Does the write; throws ApiError on refusal. */
  run: (date: string) => Promise<unknown>;
}

export function DateActionModal({ action, onClose, onDone }: { action: DateAction | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ date: Dayjs }>();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);
  const earliest = action ? dayjs(action.after).add(1, 'day') : dayjs();

  const onOk = async () => {
    if (!action) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await action.run(v.date.format('YYYY-MM-DD'));
      message.success(`${action.okText}成功`);
      onDone();
    } catch (e) {
      // Every refusal here is about the date (before the start, after the planned end, …).
      form.setFields([{ name: 'date', errors: [errorMessage(e)] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={action?.title}
      open={action !== null}
      onOk={() => void onOk()}
      onCancel={onClose}
      okText={action?.okText}
      okButtonProps={{ danger: true }}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={action?.description} />
      <Form form={form} layout="vertical" initialValues={{ date: dayjs().isBefore(earliest, 'day') ? earliest : dayjs() }} preserve={false}>
        <Form.Item
          label={action?.label}
          name="date"
          rules={[{ required: true, message: '请选择日期' }]}
          extra={action ? `须晚于 ${action.after}；当天起不再计入` : undefined}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(earliest, 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
