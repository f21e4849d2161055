/**
 * Ant Design for every page but the cockpit: a lazy layout route (App.tsx), so its code and CSS-in-JS load only when
 * a person leaves the first page. Locale follows the language switch.
 */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Loading } from './components/Loading';
import { useLang } from './i18n';

const theme = {
  token: { colorPrimary: '#1d4ed8', colorLink: '#1d4ed8', colorTextSecondary: '#4b5563', fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif' },
};

export default function AntdLayout() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}
