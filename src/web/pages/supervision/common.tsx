/** Small pieces the supervision pages share: the light of a task in words, the plan id from the URL. */
import { useParams } from 'react-router';
import { StatusLight } from '../../components/StatusLight';
import { useLang } from '../../i18n';
import { TASK_LIGHT_LABELS } from '../../../shared/supervisionTerms';

export type TaskLight = 'green' | 'yellow' | 'red' | 'grey';

/** 绿灯 / 黄灯 / 红灯 / 灰灯 with its coloured dot (colour is never the only carrier). */
export function TaskLightTag({ light }: { light: TaskLight }) {
  const { l } = useLang();
  return <StatusLight light={light} label={l(TASK_LIGHT_LABELS[light])} />;
}

/** The plan the page is about, from the URL (/plans/:planId/…): a plan is data, never a constant. */
export function usePlanId(): string {
  return useParams().planId ?? '';
}

export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);
