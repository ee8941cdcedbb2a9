/** 新建账号 (users:manage). */
import { CreateUserRequest } from '@zhiping/contracts';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/api-error.ts';
import { applyServerIssues, zodRule } from '../../lib/form-rules.ts';
import { TeacherOptionSelect } from './user-option-selects.tsx';
import { createUser, type OneTimePassword } from './users-api.ts';

interface Values {
  username: string;
  displayName: string;
  teacherId?: number | null;
}

export function CreateUserModal(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (username: string, otp: OneTimePassword) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [isSaving, setSaving] = useState(false);
  const S = CreateUserRequest.shape;

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const otp = await createUser({ username: v.username.trim(), displayName: v.displayName.trim(), teacherId: v.teacherId ?? null });
      form.resetFields();
      props.onCreated(v.username.trim(), otp);
    } catch (e) {
      if (!applyServerIssues(form, e, ['username', 'displayName', 'teacherId'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="新建账号"
      open={props.open}
      onOk={() => void onOk()}
      onCancel={props.onClose}
      okText="创建"
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          required
          label="用户名"
          name="username"
          rules={[zodRule(S.username)]}
          extra="登录用，3–64位字母、数字、下划线、点或连字符"
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item required label="姓名" name="displayName" rules={[zodRule(S.displayName)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label="关联教师档案"
          name="teacherId"
          extra="教师本人账号须关联其教师档案，之后才能授予“教师”角色；其他账号留空。按姓名搜索，身份证号已脱敏。"
        >
          <TeacherOptionSelect style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
