/**
 * Addresses from before plans were chosen by the address (/indicators/GDP, /plan, /districts, /data, /report,
 * /supervision…): they open the same page of the plan in scope (the one last opened, else the first).
 */
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Loading } from '../components/Loading';
import { useLang } from '../i18n';
import { usePlan } from '../plan';

export default function ToPlan({ page }: { page?: string }) {
  const { t } = useLang();
  const scope = usePlan();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  // The old /plan page is /plans/{id}/browse; every other page keeps its name.
  const sub = page ?? (pathname === '/plan' ? '/browse' : pathname);
  useEffect(() => {
    if (scope.planId) navigate(`${scope.path(sub)}${search}`, { replace: true });
  }, [scope, sub, search, navigate]);
  if (!scope.loading && !scope.planId) return <p className="alert-info">{t('尚未载入规划。', 'No plan is loaded yet.')}</p>;
  return <Loading />;
}
