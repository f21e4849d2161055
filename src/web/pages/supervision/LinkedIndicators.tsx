/** The indicators a task serves, each with its own light from the plan's evaluation (序时进度). */
import { Link } from 'react-router';
import { currentAsOf, useApi, type PlanEvaluationDto } from '../../api';
import { StatusLight } from '../../components/StatusLight';
import { useLang } from '../../i18n';
import { lightOf, primaryResult } from '../../status';
import { planPath } from '../../plan';

export function LinkedIndicators({ planId, codes }: { planId: string; codes: string[] }) {
  const { t, l } = useLang();
  const evaluation = useApi<PlanEvaluationDto>(codes.length > 0 ? `/api/plans/${planId}/evaluation?asOf=${currentAsOf()}` : null);
  if (codes.length === 0) return <span className="muted">{t('未关联指标', 'No indicator linked')}</span>;
  const byCode = new Map(evaluation.data?.indicators.map((e) => [e.indicator.code, e]) ?? []);
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="linked-indicators">
      {codes.map((c) => {
        const e = byCode.get(c);
        return (
          <li key={c}>
            <Link to={planPath(planId, `/indicators/${c}`)}>{e ? l(e.indicator.name) : c}</Link> {e ? <StatusLight light={lightOf(primaryResult(e)?.status)} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
