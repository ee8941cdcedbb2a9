/** 添加成员: a school, its role in the group and the date it joins. */
import { MEMBER_ROLE_LABELS, type GroupDetail, type GroupMember } from '@zhiping/contracts';
import { App, DatePicker, Form, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { SchoolSelect } from '../../components/school-select.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { applyServerIssues } from '../../lib/form-rules.ts';
import { memberRolesOf } from './group-labels.ts';
import { addGroupMember } from './groups-api.ts';

interface Values {
  schoolId: number;
  role: GroupMember['role'];
  validFrom: Dayjs;
}

export function AddMemberModal(props: { group: GroupDetail; open: boolean; onClose: () => void; onSaved: (g: GroupDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);
  const { group } = props;
  const roles = memberRolesOf(group.kind);
  const start = dayjs(group.validFrom);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const saved = await addGroupMember(group.id, { schoolId: v.schoolId, role: v.role, validFrom: v.validFrom.format('YYYY-MM-DD') });
      message.success('已添加成员');
      form.resetFields();
      props.onSaved(saved);
    } catch (e) {
      if (!applyServerIssues(form, e, ['schoolId', 'role', 'validFrom'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`添加成员：${group.name}`}
      open={props.open}
      onOk={() => void onOk()}
      onCancel={props.onClose}
      okText="添加"
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ role: roles[1], validFrom: dayjs().isBefore(start) ? start : dayjs() }}
      >
        <Form.Item label="学校" name="schoolId" rules={[{ required: true, message: '请选择学校' }]}>
          <SchoolSelect allowClear={false} includeClosed={false} />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Radio.Group options={roles.map((r) => ({ value: r, label: MEMBER_ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item
          label="加入日期"
          name="validFrom"
          rules={[{ required: true, message: '请选择加入日期' }]}
          extra={`不早于成立日期 ${group.validFrom}${group.validTo ? `，早于撤销日期 ${group.validTo}` : ''}`}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(start, 'day') || (!!group.validTo && !d.isBefore(dayjs(group.validTo), 'day'))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
