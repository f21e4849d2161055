import { useLang } from '../i18n';

/** What a page shows while its code or data is on the way (plain HTML: no Ant Design needed). */
export function Loading() {
  const { t } = useLang();
  return (
    <p className="loading" role="status">
      {t('加载中…', 'Loading…')}
    </p>
  );
}
