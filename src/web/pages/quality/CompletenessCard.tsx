/**
 * The cockpit's reporting-rate card (报送率): plain HTML like the rest of the cockpit, shown to signed-in users (the
 * figures say who has not reported — internal, not for the public), linking to the data-quality page.
 */
import { Link } from 'react-router';
import { useApi, type CompletenessDto } from '../../api';
import { formatPercent } from '../../format';
import { useLang } from '../../i18n';
import { useSession } from '../../session';

export function CompletenessCard({ plan }: { plan: string }) {
  const { t, lang } = useLang();
  const signedIn = useSession().data?.signedIn === true;
  const c = useApi<CompletenessDto>(signedIn ? `/api/quality/completeness?plan=${plan}` : null);
  if (!signedIn || !c.data) return null;
  const o = c.data.overall;
  return (
    <section className="card" data-testid="completeness-card" style={{ marginBottom: 12 }}>
      <div className="card-body" style={{ display: 'flex', gap: 24, flexWrap: 'wrap', alignItems: 'baseline' }}>
        <span className="statistic-title">{t('数据报送率', 'Reporting rate')}</span>
        <span className="statistic-value">{formatPercent(o.rate, lang)}</span>
        <span className="muted">
          {t(`应报 ${o.due} 项，已报 ${o.received} 项，已审核 ${o.approved} 项（${formatPercent(o.approvedRate, lang)}），逾期 ${o.late} 项`, `${o.received} of ${o.due} due figures received, ${o.approved} approved (${formatPercent(o.approvedRate, lang)}), ${o.late} late`)}
        </span>
        <Link to="/quality">{t('数据质量 ›', 'Data quality ›')}</Link>
      </div>
    </section>
  );
}
