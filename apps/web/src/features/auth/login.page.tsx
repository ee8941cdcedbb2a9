import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginRequest } from '@zhiping/contracts';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/api-error.ts';
import { zodRule } from '../../lib/form-rules.ts';
import { login } from './auth-api.ts';
import { AuthCard } from './auth-card.tsx';
import { useAuth } from './auth-context.tsx';

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** 登录. */
export default function LoginPage() {
  const { me, setMe } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={me.mustChangePassword ? '/change-password' : next} replace />;

  const onFinish = async (values: LoginRequest) => {
    setSubmitting(true);
    setError(null);
    try {
      const signedIn = await login(values);
      setMe(signedIn);
      navigate(signedIn.mustChangePassword ? '/change-password' : next, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title="登录">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
        <Form.Item label="用户名" name="username" rules={[zodRule(LoginRequest.shape.username)]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder="请输入用户名" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[zodRule(LoginRequest.shape.password)]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={isSubmitting}>
          登录
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        无需登录：<Link to="/report">师德师风问题反映</Link>（可匿名）
      </Typography.Paragraph>
    </AuthCard>
  );
}
