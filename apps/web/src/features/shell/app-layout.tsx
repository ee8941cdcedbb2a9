/** The signed-in frame: collapsible side navigation, top bar, and the routed page. */
import { Grid, Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/auth-context.tsx';
import { navKeyOf, visibleNavItems } from './nav-items.tsx';
import { UserBar } from './user-bar.tsx';

export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isSmall = !screens.md;
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const isCollapsed = collapsed ?? !screens.lg;
  const items = visibleNavItems(me).map((item) => ({ key: item.path, icon: item.icon, label: item.label }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={isCollapsed}
        onCollapse={(c) => setCollapsed(c)}
        collapsedWidth={isSmall ? 0 : 64}
        width={200}
        theme="dark"
        style={{ position: 'sticky', top: 0, height: '100vh' }}
      >
        {/* The menu scrolls on its own above the collapse trigger, so no item ever sits under the trigger. */}
        <div style={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
          <div
            style={{
              height: 48,
              flex: 'none',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              color: '#fff',
              fontWeight: 600,
            }}
          >
            {isCollapsed ? '智评' : '智评 · 教育评价'}
          </div>
          <div data-testid="side-nav" style={{ flex: 1, minHeight: 0, overflowY: 'auto', overflowX: 'hidden' }}>
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={[navKeyOf(location.pathname)]}
              items={items}
              onClick={({ key }) => {
                navigate(key);
                if (isSmall) setCollapsed(true);
              }}
            />
          </div>
        </div>
      </Layout.Sider>
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}
        >
          <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
            区域教育智慧评价与督导平台
          </Typography.Text>
          <UserBar />
        </Layout.Header>
        <Layout.Content style={{ padding: isSmall ? 12 : 20, minWidth: 0 }}>
          <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
