/** Region names for the data-quality views (indicator names come from ../../indicatorNames). */
import { useCallback, useMemo } from 'react';
import { useApi, type RegionDto } from '../../api';
import { useLang } from '../../i18n';

export function useRegionNames(): (code: string) => string {
  const { l } = useLang();
  const regions = useApi<RegionDto[]>('/api/regions');
  const names = useMemo(() => new Map((regions.data ?? []).map((r) => [r.code, r.name])), [regions.data]);
  return useCallback((code: string) => {
    const n = names.get(code);
    return n ? l(n) : code;
  }, [names, l]);
}

export const ROLE_LABELS: Record<string, { zh: string; en: string }> = {
  subject: { zh: '本数据', en: 'this figure' },
  total: { zh: '合计', en: 'total' },
  part: { zh: '分项', en: 'part' },
  share: { zh: '比重', en: 'share' },
  numerator: { zh: '分子', en: 'numerator' },
  denominator: { zh: '分母', en: 'denominator' },
  growth: { zh: '增速', en: 'growth' },
  level: { zh: '当期总量', en: 'level' },
  previous: { zh: '上年同期', en: 'a year before' },
  earlier: { zh: '较早累计', en: 'earlier cumulative' },
  later: { zh: '较晚累计', en: 'later cumulative' },
};
