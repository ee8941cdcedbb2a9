import { ChangePasswordRequest } from '@zhiping/contracts';
import { Alert, App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { errorMessage } from '../../lib/api-error.ts';
import { applyServerIssues, zodRule } from '../../lib/form-rules.ts';
import { changePassword } from './auth-api.ts';
import { AuthCard } from './auth-card.tsx';
import { useAuth } from './auth-context.tsx';
import { PasswordPolicy } from './password-policy.tsx';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** 修改密码: forced after the first sign-in, and reachable from the user menu. */
export default function ChangePasswordPage() {
  const { me, setMe, logout } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [isSubmitting, setSubmitting] = useState(false);

  if (!me) return <Navigate to="/login" replace />;

  const onFinish = async ({ currentPassword, newPassword }: FormValues) => {
    setSubmitting(true);
    try {
      const updated = await changePassword({ currentPassword, newPassword });
      setMe(updated);
      message.success('密码已修改');
      navigate('/', { replace: true });
    } catch (e) {
      if (!applyServerIssues(form, e, ['currentPassword', 'newPassword'])) message.error(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title="修改密码">
      {me.mustChangePassword && (
        <Alert type="warning" showIcon title="首次登录或密码已被重置，请先设置新密码后再使用系统。" style={{ marginBottom: 12 }} />
      )}
      <PasswordPolicy />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} style={{ marginTop: 16 }}>
        <Form.Item label="当前密码" name="currentPassword" rules={[zodRule(ChangePasswordRequest.shape.currentPassword)]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={[zodRule(ChangePasswordRequest.shape.newPassword)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_r, value: string) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={isSubmitting}>
            确认修改
          </Button>
          {me.mustChangePassword ? (
            <Button block onClick={() => void logout()}>
              退出登录
            </Button>
          ) : (
            <Button block onClick={() => navigate(-1)}>
              返回
            </Button>
          )}
        </Space>
      </Form>
    </AuthCard>
  );
}
