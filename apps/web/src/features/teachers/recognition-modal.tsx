/** 新增骨干认定 for a teacher. */
import type { RecognitionInput, TeacherDetail } from '@zhiping/contracts';
import { BACKBONE_LEVEL, SUBJECTS } from '@zhiping/domain';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { optionsOf } from '../../components/code-labels.ts';
import { errorMessage } from '../../lib/api-error.ts';
import { applyServerIssues } from '../../lib/form-rules.ts';
import { addRecognition } from './teachers-api.ts';

type Values = Omit<RecognitionInput, 'issuedOn' | 'validUntil'> & { issuedOn: Dayjs; validUntil?: Dayjs | null };

export function RecognitionModal(props: {
  teacher: TeacherDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (t: TeacherDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const saved = await addRecognition(props.teacher.id, {
        level: v.level,
        subject: v.subject ?? null,
        issuer: v.issuer?.trim() ?? '',
        issuedOn: v.issuedOn.format('YYYY-MM-DD'),
        validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
      });
      message.success('已新增骨干认定');
      form.resetFields();
      props.onSaved(saved);
    } catch (e) {
      if (!applyServerIssues(form, e, ['level', 'subject', 'issuer', 'issuedOn', 'validUntil'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`新增骨干认定：${props.teacher.name}`}
      open={props.open}
      onOk={() => void onOk()}
      onCancel={props.onClose}
      okText="保存"
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ subject: props.teacher.subject ?? undefined }}>
        <Form.Item label="级别" name="level" rules={[{ required: true, message: '请选择骨干级别' }]}>
          <Select options={optionsOf(BACKBONE_LEVEL)} />
        </Form.Item>
        <Form.Item label="学科" name="subject">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={SUBJECTS.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item label="认定单位" name="issuer">
          <Input maxLength={100} placeholder="如：某某区教育委员会" />
        </Form.Item>
        <Form.Item label="认定日期" name="issuedOn" rules={[{ required: true, message: '请选择认定日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label="有效期至"
          name="validUntil"
          dependencies={['issuedOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, value: Dayjs | null | undefined) => {
                const issued = getFieldValue('issuedOn') as Dayjs | undefined;
                if (value && issued && value.isBefore(issued, 'day')) throw new Error('有效期不能早于认定日期');
              },
            }),
          ]}
          extra="长期有效可留空"
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
