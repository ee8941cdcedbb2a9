/** 授予角色 (roles:assign): office for 区级科室人员, school for 学校管理员 and 教师. */
import { OFFICES, ROLE_LABELS, ROLES, SCHOOL_SCOPED_ROLES, type Role, type UserSummary } from '@zhiping/contracts';
import { Alert, App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { applyServerIssues } from '../../lib/form-rules.ts';
import { GrantSchoolSelect } from './user-option-selects.tsx';
import { grantRole } from './users-api.ts';

interface Values {
  role: Role;
  office?: string | null;
  schoolId?: number | null;
}

export function GrantRoleModal(props: { user: UserSummary | null; onClose: () => void; onSaved: (u: UserSummary) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);
  const role = Form.useWatch('role', form);
  const user = props.user;

  const onOk = async () => {
    if (!user) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const saved = await grantRole(user.id, {
        role: v.role,
        office: v.role === 'district_staff' ? (v.office ?? null) : null,
        schoolId: SCHOOL_SCOPED_ROLES.includes(v.role) ? (v.schoolId ?? null) : null,
      });
      message.success(`已授予角色：${ROLE_LABELS[v.role]}`);
      form.resetFields();
      props.onSaved(saved);
    } catch (e) {
      if (!applyServerIssues(form, e, ['role', 'office', 'schoolId'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`授予角色：${user?.displayName ?? ''}`}
      open={user !== null}
      onOk={() => void onOk()}
      onCancel={props.onClose}
      okText="授予"
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="三员分立：系统管理员、安全管理员、审计管理员不能与其他角色兼任；不能给自己授予角色。"
      />
      <Form form={form} layout="vertical">
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        {role === 'district_staff' && (
          <Form.Item label="科室" name="office" rules={[{ required: true, message: '请选择科室' }]}>
            <Select options={OFFICES.map((o) => ({ value: o, label: o }))} />
          </Form.Item>
        )}
        {role && SCHOOL_SCOPED_ROLES.includes(role) && (
          <Form.Item
            label="学校"
            name="schoolId"
            rules={[{ required: true, message: '请选择学校' }]}
            extra={role === 'teacher' ? '教师角色的学校必须是该教师当前所在学校，且账号须已关联教师档案' : undefined}
          >
            <GrantSchoolSelect />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
