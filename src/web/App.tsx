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
import { SessionProvider, isAdmin, mayApprove, mayReadAudit, mayReadMicrodata, useSession } from './session';
import { Home } from './pages/Home';
import { PlanList } from './pages/PlanList';
import { planIdInPath, planPath, PlanProvider, usePlan } from './plan';

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
const Enterprises = lazy(() => import('./pages/Enterprises'));
const EnterprisePage = lazy(() => import('./pages/EnterprisePage'));
const EnterpriseImport = lazy(() => import('./pages/enterprises/ImportWizard'));
const IndustryDashboard = lazy(() => import('./pages/IndustryDashboard'));
const SupervisionBoard = lazy(() => import('./pages/supervision/Board'));
const TaskPage = lazy(() => import('./pages/supervision/TaskPage'));
const Inbox = lazy(() => import('./pages/supervision/Inbox'));
const Projects = lazy(() => import('./pages/supervision/Projects'));
const Quality = lazy(() => import('./pages/Quality'));
const Prosperity = lazy(() => import('./pages/Prosperity'));
const ToPlan = lazy(() => import('./pages/ToPlan'));

function Frame() {
  const { lang, setLang, t, l } = useLang();
  const me = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const user = me.data;
  const scope = usePlan();
  // The pages of the plan in scope (/plans/{id}/…), then the platform's own pages.
  const planPages = [
    { key: '', label: t('驾驶舱', 'Cockpit') },
    { key: '/browse', label: t('规划浏览', 'Plan') },
    { key: '/districts', label: t('各区', 'Districts') },
    { key: '/data', label: t('数据', 'Data') },
    { key: '/report', label: t('评估报告', 'Reports') },
    ...(user?.signedIn ? [{ key: '/supervision', label: t('督办', 'Supervision') }, { key: '/projects', label: t('重大项目', 'Projects') }, { key: '/inbox', label: t('待办', 'Inbox') }] : []),
  ];
  const items = [
    // Shown once the plan is known: before that every path would be /plans (and their keys would collide).
    ...(scope.planId ? planPages.map((p) => ({ key: scope.path(p.key), label: p.label })) : []),
    // The platform's own pages: industries, enterprises, the business climate survey, data quality.
    { key: '/industries', label: t('行业监测', 'Industries') },
    ...(mayReadMicrodata(user) ? [{ key: '/enterprises', label: t('企业数据库', 'Enterprises') }] : []),
    { key: '/prosperity', label: t('景气', 'Climate') },
    ...(user?.signedIn ? [{ key: '/quality', label: t('数据质量', 'Data quality') }] : []),
    ...(mayApprove(user) ? [{ key: '/approvals', label: t('审批', 'Approvals') }] : []),
    ...(isAdmin(user) ? [{ key: '/users', label: t('用户', 'Users') }] : []),
    ...(mayReadAudit(user) ? [{ key: '/audit', label: t('审计日志', 'Audit log') }] : []),
  ];
  const inPlan = planIdInPath(location.pathname);
  const subPage = inPlan ? location.pathname.split('/').slice(3, 4).map((x) => `/${x}`).join('') : null;
  const selected = inPlan ? scope.path(subPage ?? '') : location.pathname === '/' && scope.plans?.length === 1 ? scope.path() : '/' + (location.pathname.split('/')[1] ?? '');
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
        {scope.plans && scope.plans.length > 1 ? (
          <select
            className="plan-switch"
            aria-label={t('选择规划', 'Choose a plan')}
            value={scope.planId ?? ''}
            onChange={(e) => navigate(planPath(e.target.value, subPage ?? ''))}
          >
            {scope.plans.map((p) => (
              <option key={p.id} value={p.id}>
                {l(p.shortName ?? p.name)}
              </option>
            ))}
          </select>
        ) : null}
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
            <Route path="/" element={<Home />} />
            <Route path="/plans" element={<PlanList plans={scope.plans ?? []} />} />
            <Route path="/plans/:planId" element={<Cockpit />} />
            <Route element={<AntdLayout />}>
              <Route path="/plans/:planId/indicators/:code" element={<IndicatorPage />} />
              <Route path="/plans/:planId/browse" element={<PlanBrowser />} />
              <Route path="/plans/:planId/districts" element={<Districts />} />
              <Route path="/plans/:planId/districts/:code" element={<DistrictPage />} />
              <Route path="/plans/:planId/data" element={<DataPage />} />
              <Route path="/plans/:planId/report" element={<Report />} />
              <Route path="/plans/:planId/supervision" element={<SupervisionBoard />} />
              <Route path="/plans/:planId/projects" element={<Projects />} />
              <Route path="/plans/:planId/inbox" element={<Inbox />} />
              {['/indicators/:code', '/plan', '/districts', '/districts/:code', '/data', '/report', '/supervision', '/projects', '/inbox'].map((old) => (
                <Route key={old} path={old} element={<ToPlan />} />
              ))}
              <Route path="/login" element={<Login />} />
              <Route path="/users" element={<Users />} />
              <Route path="/approvals" element={<Approvals />} />
              <Route path="/audit" element={<Audit />} />
              <Route path="/industries" element={<IndustryDashboard />} />
              <Route path="/enterprises" element={<Enterprises />} />
              <Route path="/enterprises/import" element={<EnterpriseImport />} />
              <Route path="/enterprises/:uscc" element={<EnterprisePage />} />
              <Route path="/tasks/:taskId" element={<TaskPage />} />
              <Route path="/quality" element={<Quality />} />
              <Route path="/prosperity" element={<Prosperity />} />
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
          <PlanProvider>
            <Frame />
          </PlanProvider>
        </DraftsProvider>
      </SessionProvider>
    </LangProvider>
  );
}
