/**
 * 规划列表: every plan the platform holds, with its period, where it stands in it (规划期内第N年 / 已结束，总结评估 /
 * 尚未开始), its region and version — the page a person chooses a plan on. Plain HTML like the cockpit (no Ant Design).
 */
import { Link } from 'react-router';
import type { PlanSummaryDto } from '../api';
import { useLang } from '../i18n';
import { planPath } from '../plan';

export function phaseOf(p: PlanSummaryDto, year = new Date().getFullYear()): { zh: string; en: string } {
  if (year < p.period.start) return { zh: `尚未开始（${p.period.start}年起）`, en: `Not started (from ${p.period.start})` };
  if (year > p.period.end) return { zh: '规划期已结束：总结评估', en: 'Plan period ended: final evaluation' };
  const n = year - p.period.start + 1;
  return { zh: `规划期第${n}年：监测与中期评估`, en: `Year ${n} of the plan period: monitoring and mid-term review` };
}

export function PlanList({ plans }: { plans: readonly PlanSummaryDto[] }) {
  const { t, l } = useLang();
  return (
    <div>
      <h2 className="page-title">{t('规划', 'Plans')}</h2>
      {plans.length === 0 ? (
        <p className="alert-info" role="status">
          {t('尚未载入规划：用 plan-monitor plan load 文件.yaml 载入一个规划。', 'No plan is loaded yet: load one with plan-monitor plan load FILE.yaml.')}
        </p>
      ) : (
        <div className="cards" role="list" aria-label={t('规划列表', 'List of plans')}>
          {plans.map((p) => (
            <div role="listitem" key={p.id} className="card" data-testid={`plan-${p.id}`}>
              <div className="card-head">
                <h3 className="card-title">
                  <Link to={planPath(p.id)}>{l(p.name)}</Link>
                </h3>
              </div>
              <div className="card-body">
                <p style={{ margin: '0 0 6px' }}>
                  {t(`${p.period.start}—${p.period.end}年`, `${p.period.start}–${p.period.end}`)} · {l(phaseOf(p))}
                </p>
                <p className="muted" style={{ margin: 0 }}>
                  {l(p.issuer)}
                  {p.version.number > 1 ? ` · ${p.version.label ? l(p.version.label) : t(`第${p.version.number}版`, `version ${p.version.number}`)}` : ''}
                </p>
                <p style={{ margin: '8px 0 0' }}>
                  <Link to={planPath(p.id)}>{t('驾驶舱', 'Cockpit')}</Link> · <Link to={planPath(p.id, '/browse')}>{t('规划浏览', 'Plan')}</Link> ·{' '}
                  <Link to={planPath(p.id, '/report')}>{t('评估报告', 'Reports')}</Link>
                </p>
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
