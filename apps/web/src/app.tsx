/** Providers: antd in Chinese, the signed-in user, and the router. */
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense } from 'react';
import { RouterProvider } from 'react-router';
import { AuthProvider, useAuth } from './features/auth/auth-context.tsx';
import { errorMessage } from './lib/api-error.ts';
import { router } from './routes.tsx';

dayjs.locale('zh-cn');

const fullPageSpin = <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;

/** Waits for the session probe, then renders the routes. */
function Routed() {
  const { isReady, startError } = useAuth();
  if (!isReady) return fullPageSpin;
  if (startError) {
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={errorMessage(startError)}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            重试
          </Button>
        }
      />
    );
  }
  return (
    <Suspense fallback={fullPageSpin}>
      <RouterProvider router={router} />
    </Suspense>
  );
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp>
        <AuthProvider>
          <Routed />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
