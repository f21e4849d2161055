/**
 * The frame: header with navigation and the language switch, and the pages (lazy). The frame and the cockpit are
 * plain HTML and CSS (app.css), so the first page a person opens does not wait for Ant Design; every other page
 * sits under AntdLayout, a lazy layout route that brings Ant Design (zh_CN or en_US) with it.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { api, setCsrf, withAsOf } from './api';
import { Loading } from './components/Loading';
import { DraftsProvider } from './drafts';
import { LangProvider, useLang } from './i18n';
import { Cockpit } from './pages/Cockpit';
import { SessionProvider, isAdmin, mayApprove, mayReadAudit, useSession } from './session';

const AntdLayout = lazy(() => import('./AntdLayout'));
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
const SupervisionBoard = lazy(() => import('./pages/supervision/Board'));
const TaskPage = lazy(() => import('./pages/supervision/TaskPage'));
const Inbox = lazy(() => import('./pages/supervision/Inbox'));
const Projects = lazy(() => import('./pages/supervision/Projects'));
const PlanRedirect = lazy(() => import('./pages/supervision/PlanRedirect'));

function Frame() {
  const { lang, setLang, t } = useLang();
  const me = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const user = me.data;
  const items = [
    { key: '/', label: t('驾驶舱', 'Cockpit') },
    { key: '/plan', label: t('规划浏览', 'Plan') },
    { key: '/districts', label: t('各区', 'Districts') },
    { key: '/data', label: t('数据', 'Data') },
    { key: '/report', label: t('评估报告', 'Reports') },
    ...(user?.signedIn ? [{ key: '/supervision', label: t('督办', 'Supervision') }, { key: '/projects', label: t('重大项目', 'Projects') }, { key: '/inbox', label: t('待办', 'Inbox') }] : []),
    ...(mayApprove(user) ? [{ key: '/approvals', label: t('审批', 'Approvals') }] : []),
    ...(isAdmin(user) ? [{ key: '/users', label: t('用户', 'Users') }] : []),
    ...(mayReadAudit(user) ? [{ key: '/audit', label: t('审计日志', 'Audit log') }] : []),
  ];
  const selected = '/' + (location.pathname.split('/')[1] ?? '');
  const menu = useRef<HTMLDivElement>(null);
  // The phone menu closes when a page is chosen.
  useEffect(() => setMenuOpen(false), [location.pathname]);
  // …and, as a menu button should, on Escape (focus back on the button) or on a click outside it.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      menu.current?.querySelector('button')?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !menu.current?.contains(e.target)) setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [menuOpen]);
  const logout = async () => {
    await api('/api/auth/logout', { method: 'POST' });
    setCsrf(null);
    me.reload();
    navigate('/');
  };
  const links = (
    <ul>
      {items.map((i) => (
        <li key={i.key}>
          <Link to={withAsOf(i.key)} aria-current={selected === i.key ? 'page' : undefined}>
            {i.label}
          </Link>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="frame">
      <a className="skip" href="#main">
        {t('跳到正文', 'Skip to content')}
      </a>
      <header className="frame-header">
        <Link to="/" className="brand">
          {t('规划监测评估平台', 'Plan Monitor')}
        </Link>
        <nav aria-label={t('主导航', 'Main navigation')} className="nav-wide">
          {links}
        </nav>
        <div className="nav-narrow" ref={menu}>
          <button type="button" className="btn" aria-label={t('打开菜单', 'Open menu')} aria-expanded={menuOpen} onClick={() => setMenuOpen((o) => !o)}>
            {t('菜单', 'Menu')}
          </button>
          {menuOpen ? (
            <nav aria-label={t('主导航', 'Main navigation')} className="nav-menu">
              {links}
            </nav>
          ) : null}
        </div>
        <button type="button" className="btn btn-small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}>
          {lang === 'zh' ? 'English' : '中文'}
        </button>
        {user?.signedIn ? (
          <>
            <span className="who">{user.username}</span>
            <button type="button" className="btn btn-small" onClick={() => void logout()}>
              {t('退出', 'Sign out')}
            </button>
          </>
        ) : (
          <Link to="/login" className="sign-in">
            {t('登录', 'Sign in')}
          </Link>
        )}
      </header>
      <main id="main" tabIndex={-1} className="frame-main">
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Cockpit />} />
            <Route element={<AntdLayout />}>
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
              <Route path="/supervision" element={<PlanRedirect to="supervision" />} />
              <Route path="/projects" element={<PlanRedirect to="projects" />} />
              <Route path="/inbox" element={<PlanRedirect to="inbox" />} />
              <Route path="/plans/:planId/supervision" element={<SupervisionBoard />} />
              <Route path="/plans/:planId/projects" element={<Projects />} />
              <Route path="/plans/:planId/inbox" element={<Inbox />} />
              <Route path="/tasks/:taskId" element={<TaskPage />} />
            </Route>
            <Route path="*" element={<p>{t('没有这个页面。', 'No such page.')}</p>} />
          </Routes>
        </Suspense>
      </main>
      <footer className="frame-footer">
        {t('规划监测评估平台 · 数据接口', 'Plan Monitor · API')} <a href="/api/docs">/api/docs</a>
      </footer>
    </div>
  );
}

export function App() {
  return (
    <LangProvider>
      <SessionProvider>
        <DraftsProvider>
          <Frame />
        </DraftsProvider>
      </SessionProvider>
    </LangProvider>
  );
}
