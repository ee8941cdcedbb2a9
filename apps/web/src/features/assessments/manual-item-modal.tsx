/** 人工判定: a district writer decides an item that data cannot (met or not, with a note). */
import type { AssessmentItem, AssessmentKind } from '@zhiping/contracts';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { recordItem } from './assessments-api.ts';

interface Values {
  met: boolean;
  note: string;
}

export function ManualItemModal(props: {
  kind: AssessmentKind;
  year: number;
  item: AssessmentItem | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);
  const item = props.item;

  const onOk = async () => {
    if (!item) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await recordItem(props.kind, props.year, item.itemNo, { met: v.met, note: (v.note ?? '').trim() });
      message.success('已保存判定');
      props.onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={item ? `人工判定：${item.partLabel}第${item.number}项` : ''}
      open={item !== null}
      onOk={() => void onOk()}
      onCancel={props.onClose}
      okText="保存"
      confirmLoading={isSaving}
      destroyOnHidden
    >
      {item && (
        <>
          <Typography.Paragraph strong>{item.name}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">标准：{item.standard}</Typography.Paragraph>
          <Form form={form} layout="vertical" preserve={false} initialValues={{ met: item.record?.met, note: item.record?.note ?? '' }}>
            <Form.Item label="判定" name="met" rules={[{ required: true, message: '请选择达标或未达标' }]}>
              <Radio.Group
                options={[
                  { value: true, label: '达标' },
                  { value: false, label: '未达标' },
                ]}
              />
            </Form.Item>
            <Form.Item
              label="说明"
              name="note"
              rules={[{ max: 2000, message: '说明最多2000字' }]}
              extra="写明判定依据（文件、会议纪要、检查记录等），佐证材料可在条目中上传"
            >
              <Input.TextArea rows={4} maxLength={2000} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
