/** 调动 / 交流轮岗: records a transfer of a teacher to another school from a date (district users). */
import { TransferRequest, type TeacherDetail } from '@zhiping/contracts';
import { Alert, App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { SchoolSelect } from '../../components/school-select.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { applyServerIssues, zodRule } from '../../lib/form-rules.ts';
import { transferTeacher } from './teachers-api.ts';

type Values = Omit<TransferRequest, 'effectiveFrom'> & { effectiveFrom: Dayjs };

export function TransferModal(props: { teacher: TeacherDetail; open: boolean; onClose: () => void; onSaved: (t: TeacherDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const saved = await transferTeacher(props.teacher.id, { ...v, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD') });
      message.success('已记录调动');
      form.resetFields();
      props.onSaved(saved);
    } catch (e) {
      if (!applyServerIssues(form, e, ['toSchoolId', 'kind', 'effectiveFrom', 'reason'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`记录调动：${props.teacher.name}`}
      open={props.open}
      onOk={() => void onOk()}
      onCancel={props.onClose}
      okText="保存"
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="调动与交流轮岗"
        description="“调动”转移人事关系；“交流轮岗”到新学校任教，编制保留在原学校。原任职记录在生效日期结束，历史不会丢失。"
      />
      <Form form={form} layout="vertical" initialValues={{ kind: 'full', effectiveFrom: dayjs() }}>
        <Form.Item label="调入学校" name="toSchoolId" rules={[{ required: true, message: '请选择调入学校' }]}>
          <SchoolSelect allowClear={false} />
        </Form.Item>
        <Form.Item label="类型" name="kind">
          <Radio.Group
            options={[
              { value: 'full', label: '调动' },
              { value: 'partial', label: '交流轮岗' },
            ]}
          />
        </Form.Item>
        <Form.Item label="生效日期" name="effectiveFrom" rules={[{ required: true, message: '请选择生效日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item required label="原因" name="reason" rules={[zodRule(TransferRequest.shape.reason)]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
