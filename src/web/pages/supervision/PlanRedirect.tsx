/** /supervision, /projects, /inbox: opens the page of the first plan loaded (a plan is chosen by the URL, not the code). */
import { Alert } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useApi, type PlanSummaryDto } from '../../api';
import { Loading } from '../../components/Loading';
import { useLang } from '../../i18n';

export default function PlanRedirect({ to }: { to: 'supervision' | 'projects' | 'inbox' }) {
  const { t } = useLang();
  const plans = useApi<PlanSummaryDto[]>('/api/plans');
  const navigate = useNavigate();
  const first = plans.data?.[plans.data.length - 1];
  useEffect(() => {
    if (first) navigate(`/plans/${first.id}/${to}`, { replace: true });
  }, [first, navigate, to]);
  if (plans.data && plans.data.length === 0) return <Alert type="info" showIcon title={t('尚未载入规划。', 'No plan is loaded yet.')} />;
  return <Loading />;
}
