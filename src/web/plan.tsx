/**
 * Which plan a page is about. A plan is data: it is chosen by the address (/plans/{id}/…), else the plan last opened
 * in this tab, else the first plan the platform has — never a constant. Every page reads the plan, its region and
 * the paths of its pages from here.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useApi, type PlanSummaryDto } from './api';

export interface PlanScope {
  /** null while the list of plans loads, or when no plan is loaded. */
  planId: string | null;
  plan: PlanSummaryDto | null;
  plans: PlanSummaryDto[] | null;
  /** The plan's own region (its targets apply there). */
  regionCode: string | null;
  loading: boolean;
  /** The address of one of this plan's pages: path('/indicators/GDP'). */
  path(sub?: string): string;
}

const Scope = createContext<PlanScope | null>(null);
const REMEMBERED = 'plan-monitor.plan';

/** The plan id in an address, if it names one (/plans/{id} or /plans/{id}/…). */
export const planIdInPath = (pathname: string): string | null => {
  const m = /^\/plans\/([^/]+)/.exec(pathname);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
};

export const planPath = (planId: string, sub = ''): string => `/plans/${encodeURIComponent(planId)}${sub}`;

export function PlanProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const fromUrl = planIdInPath(pathname);
  const plans = useApi<PlanSummaryDto[]>('/api/plans');
  useEffect(() => {
    if (fromUrl) sessionStorage.setItem(REMEMBERED, fromUrl);
  }, [fromUrl]);
  const remembered = sessionStorage.getItem(REMEMBERED);
  const list = plans.data;
  const planId = fromUrl ?? (list?.some((p) => p.id === remembered) ? remembered : (list?.[0]?.id ?? null));
  const plan = list?.find((p) => p.id === planId) ?? null;
  const value: PlanScope = {
    planId,
    plan,
    plans: list,
    regionCode: plan?.regionCode ?? null,
    loading: plans.loading && !list,
    path: (sub = '') => (planId ? planPath(planId, sub) : '/plans'),
  };
  return <Scope.Provider value={value}>{children}</Scope.Provider>;
}

export function usePlan(): PlanScope {
  const scope = useContext(Scope);
  if (!scope) throw new Error('usePlan outside PlanProvider');
  return scope;
}
