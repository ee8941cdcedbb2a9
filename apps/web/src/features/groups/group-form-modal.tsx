/** 新建组织 / 编辑: kind, name, model, stage and founding date; an existing group keeps its kind and dates. */
import { GroupInput, type GroupDetail, type GroupKind } from '@zhiping/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { applyServerIssues, zodRule } from '../../lib/form-rules.ts';
import { GROUP_KIND_OPTIONS, GROUP_STAGE_OPTIONS, type GroupStage } from './group-labels.ts';
import { createGroup, updateGroup } from './groups-api.ts';

interface Values {
  kind: GroupKind;
  name: string;
  model?: string;
  stage?: GroupStage | null;
  description?: string;
  validFrom: Dayjs;
}

const FIELDS = ['kind', 'name', 'model', 'stage', 'description', 'validFrom'];
const S = GroupInput.shape;

export function GroupFormModal(props: {
  open: boolean;
  /** The group to edit; absent to create one. */
  group?: GroupDetail;
  defaultKind?: GroupKind;
  onClose: () => void;
  onSaved: (g: GroupDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);
  const g = props.group;

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const common = { name: v.name.trim(), model: (v.model ?? '').trim(), description: (v.description ?? '').trim() };
      const saved = g
        ? await updateGroup(g.id, common)
        : await createGroup({ ...common, kind: v.kind, stage: v.stage ?? null, validFrom: v.validFrom.format('YYYY-MM-DD') });
      message.success(g ? '已保存' : `已新建：${saved.name}`);
      form.resetFields();
      props.onSaved(saved);
    } catch (e) {
      if (!applyServerIssues(form, e, FIELDS)) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const initialValues = g
    ? { name: g.name, model: g.model, description: g.description }
    : { kind: props.defaultKind ?? 'education_group', validFrom: dayjs() };

  return (
    <Modal
      title={g ? `编辑：${g.name}` : '新建组织'}
      open={props.open}
      onOk={() => void onOk()}
      onCancel={props.onClose}
      okText="保存"
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {!g && (
          <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={GROUP_KIND_OPTIONS} />
          </Form.Item>
        )}
        <Form.Item required label="名称" name="name" rules={[zodRule(S.name)]}>
          <Input maxLength={100} placeholder="如：示例区实验小学教育集团" />
        </Form.Item>
        <Form.Item label="模式" name="model" extra="如：紧密型、松散型、领航校+成员校">
          <Input maxLength={50} />
        </Form.Item>
        {!g && (
          <Form.Item label="学段" name="stage" extra="跨学段的组织留空">
            <Select allowClear options={GROUP_STAGE_OPTIONS} placeholder="不限学段" />
          </Form.Item>
        )}
        {!g && (
          <Form.Item label="成立日期" name="validFrom" rules={[{ required: true, message: '请选择成立日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item label="说明" name="description">
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
