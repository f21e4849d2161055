/**
 * The cockpit's 服务业景气 card: the latest wave's composite signal (景气信号灯 and 预警指数), the climate and confidence
 * indices, and the coincident and leading indices with their change — plain HTML like the rest of the cockpit. It
 * says when the survey's data are synthetic.
 */
import { Link } from 'react-router';
import { useApi, type IndicesResponseDto, type SurveySummaryDto } from '../../api';
import { useLang } from '../../i18n';
import { SignalBadge } from './lights';

type Signals = Extract<IndicesResponseDto, { kind: 'signals' }>;
type Climate = Extract<IndicesResponseDto, { kind: 'climate' }>;
type Composite = Extract<IndicesResponseDto, { kind: 'composite' }>;

export function ProsperityCard() {
  const { t, l } = useLang();
  const surveys = useApi<SurveySummaryDto[]>('/api/prosperity/surveys?limit=1');
  const survey = surveys.data?.[0];
  const last = survey?.lastPeriod ?? null;
  const q = (kind: string, extra = '') => (survey && last ? `/api/prosperity/indices?kind=${kind}&survey=${survey.code}${extra}` : null);
  const signals = useApi<Signals>(q('signals', `&from=${last}`));
  const climate = useApi<Climate>(q('climate', `&from=${last}&group=all`));
  const composite = useApi<Composite>(q('composite'));
  if (surveys.data && !survey) return null;
  const row = signals.data?.signals.rows[0];
  const index = (kind: 'climate' | 'confidence') => climate.data?.items.find((p) => p.kind === kind)?.value;
  const series = (group: string) => composite.data?.composite.indices.find((g) => g.group === group);
  const change = (group: string) => {
    const lv = series(group)?.level ?? [];
    const a = lv[lv.length - 1];
    const b = lv[lv.length - 2];
    return a === null || a === undefined ? null : { level: a, delta: b === null || b === undefined ? null : a - b };
  };
  const fmt = (v: number | null | undefined, d = 1) => (v === null || v === undefined ? '—' : v.toFixed(d));
  return (
    <section className="card" data-testid="prosperity-card">
      <header className="card-head">
        <h3 className="card-title">
          <Link to="/prosperity">{t('服务业景气', 'Service-industry climate')}</Link>
        </h3>
        <SignalBadge light={row?.light} />
      </header>
      <div className="card-body">
        <p className="muted" style={{ marginTop: 0 }}>
          {survey ? `${l(survey.name)} · ${last ?? ''}` : t('加载中', 'Loading')}
          {survey?.synthetic ? <span className="tag tag-gold" style={{ marginLeft: 8 }}>{t('合成数据', 'synthetic data')}</span> : null}
        </p>
        <dl className="prosperity-figures" style={{ display: 'grid', gridTemplateColumns: 'max-content max-content', gap: '2px 24px', margin: 0 }}>
          <dt>{t('预警指数', 'Signal score')}</dt>
          <dd data-testid="prosperity-score">{fmt(row?.score)}</dd>
          <dt>{t('企业景气指数', 'Business climate index')}</dt>
          <dd>{fmt(index('climate'))}</dd>
          <dt>{t('企业家信心指数', 'Confidence index')}</dt>
          <dd>{fmt(index('confidence'))}</dd>
          {(['coincident', 'leading'] as const).map((g) => {
            const c = change(g);
            return [
              <dt key={`${g}-t`}>{g === 'coincident' ? t('一致指数', 'Coincident index') : t('先行指数', 'Leading index')}</dt>,
              <dd key={`${g}-d`}>
                {fmt(c?.level)} {c?.delta !== null && c?.delta !== undefined ? <span className="muted">({c.delta >= 0 ? '+' : ''}{fmt(c.delta)})</span> : null}
              </dd>,
            ];
          })}
        </dl>
      </div>
    </section>
  );
}
