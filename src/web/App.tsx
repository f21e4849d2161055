/** The frame: header with navigation and the language switch, Ant Design in zh_CN or en_US, the pages (lazy). */
import { App as AntApp, Button, ConfigProvider, Dropdown, Layout, Menu, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { api, setCsrf } from './api';
import { LangProvider, useLang } from './i18n';
import { Cockpit } from './pages/Cockpit';
import { SessionProvider, isAdmin, mayApprove, mayReadAudit, useSession } from './session';

const IndicatorPage = lazy(() => import('./pages/IndicatorPage'));
const PlanBrowser = lazy(() => import('./pages/PlanBrowser'));
const Districts = lazy(() => import('./pages/Districts'));
const DistrictPage = lazy(() => import('./pages/DistrictPage'));
const DataPage = lazy(() => import('./pages/DataPage'));
const Login = lazy(() => import('./pages/Login'));
const Users = lazy(() => import('./pages/Users'));
const Approvals = lazy(() => import('./pages/Approvals'));
const Audit = lazy(() => import('./pages/Audit'));
const Report = lazy(() => import('./pages/Report'));

const theme = {
  token: { colorPrimary: '#1d4ed8', colorLink: '#1d4ed8', colorTextSecondary: '#4b5563', fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif' },
};

function Frame() {
  const { lang, setLang, t } = useLang();
  const me = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const user = me.data;
  const items = useMemo(
    () => [
      { key: '/', label: <Link to="/">{t('驾驶舱', 'Cockpit')}</Link> },
      { key: '/plan', label: <Link to="/plan">{t('规划浏览', 'Plan')}</Link> },
      { key: '/districts', label: <Link to="/districts">{t('各区', 'Districts')}</Link> },
      { key: '/data', label: <Link to="/data">{t('数据', 'Data')}</Link> },
      { key: '/report', label: <Link to="/report">{t('评估报告', 'Reports')}</Link> },
      ...(mayApprove(user) ? [{ key: '/approvals', label: <Link to="/approvals">{t('审批', 'Approvals')}</Link> }] : []),
      ...(isAdmin(user) ? [{ key: '/users', label: <Link to="/users">{t('用户', 'Users')}</Link> }] : []),
      ...(mayReadAudit(user) ? [{ key: '/audit', label: <Link to="/audit">{t('审计日志', 'Audit log')}</Link> }] : []),
    ],
    [t, user],
  );
  const selected = '/' + (location.pathname.split('/')[1] ?? '');
  const logout = async () => {
    await api('/api/auth/logout', { method: 'POST' });
    setCsrf(null);
    me.reload();
    navigate('/');
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip" href="#main">{t('跳到正文', 'Skip to content')}</a>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '0 16px', background: '#0f2a5c' }}>
        <Link to="/" style={{ color: '#fff', fontWeight: 700, fontSize: 17, whiteSpace: 'nowrap' }}>
          {t('规划监测评估平台', 'Plan Monitor')}
        </Link>
        <nav aria-label={t('主导航', 'Main navigation')} className="nav-wide" style={{ flex: 1, minWidth: 0 }}>
          <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} items={items} style={{ background: 'transparent', borderBottom: 0 }} />
        </nav>
        <div className="nav-narrow" style={{ flex: 1 }}>
          <Dropdown menu={{ items, selectedKeys: [selected], onClick: () => setMenuOpen(false) }} open={menuOpen} onOpenChange={setMenuOpen} trigger={['click']}>
            <Button aria-label={t('打开菜单', 'Open menu')}>{t('菜单', 'Menu')}</Button>
          </Dropdown>
        </div>
        <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}>
          {lang === 'zh' ? 'English' : '中文'}
        </Button>
        {user?.signedIn ? (
          <>
            <Typography.Text style={{ color: '#e5e7eb', whiteSpace: 'nowrap' }} className="who">
              {user.username}
            </Typography.Text>
            <Button size="small" onClick={() => void logout()}>
              {t('退出', 'Sign out')}
            </Button>
          </>
        ) : (
          <Link to="/login" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
            {t('登录', 'Sign in')}
          </Link>
        )}
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} style={{ padding: 16, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<Spin aria-label={t('加载中', 'Loading')} />}>
          <Routes>
            <Route path="/" element={<Cockpit />} />
            <Route path="/indicators/:code" element={<IndicatorPage />} />
            <Route path="/plan" element={<PlanBrowser />} />
            <Route path="/districts" element={<Districts />} />
            <Route path="/districts/:code" element={<DistrictPage />} />
            <Route path="/data" element={<DataPage />} />
            <Route path="/login" element={<Login />} />
            <Route path="/users" element={<Users />} />
            <Route path="/approvals" element={<Approvals />} />
            <Route path="/audit" element={<Audit />} />
            <Route path="/report" element={<Report />} />
            <Route path="*" element={<p>{t('没有这个页面。', 'No such page.')}</p>} />
          </Routes>
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#4b5563' }}>
        {t('规划监测评估平台 · 数据接口', 'Plan Monitor · API')} <a href="/api/docs">/api/docs</a>
      </Layout.Footer>
    </Layout>
  );
}

function Localised() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <Frame />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LangProvider>
      <SessionProvider>
        <Localised />
      </SessionProvider>
    </LangProvider>
  );
}
