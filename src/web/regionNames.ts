/** Region names (GET /api/regions) in the page's language, so a page never shows a region by its code. */
import { useCallback, useMemo } from 'react';
import { useApi, type RegionDto } from './api';
import { useLang } from './i18n';

export function useRegionNames(): { regionName: (code: string) => string; regions: RegionDto[] } {
  const { l } = useLang();
  const list = useApi<RegionDto[]>('/api/regions');
  const names = useMemo(() => new Map((list.data ?? []).map((r) => [r.code, r.name])), [list.data]);
  const regionName = useCallback((code: string) => {
    const name = names.get(code);
    return name ? l(name) : code;
  }, [names, l]);
  return { regionName, regions: list.data ?? [] };
}
