/** The fields a studio is set up and corrected with: name, type and subject (shared by the create and edit forms). */
import { STUDIO_KIND_VALUES } from '@zhiping/contracts';
import { STUDIO_KIND_LABELS } from '@zhiping/domain';
import { Form, Input, Select } from 'antd';

export function StudioNameFields() {
  return (
    <>
      <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写工作室名称' }]}>
        <Input maxLength={100} placeholder="如：张某某小学语文名师工作室" />
      </Form.Item>
      <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
        <Select options={STUDIO_KIND_VALUES.map((k) => ({ value: k, label: STUDIO_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="subject" label="学科（名师工作室）">
        <Input maxLength={30} />
      </Form.Item>
    </>
  );
}
