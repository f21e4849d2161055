/**
 * Indicator names from the whole catalogue (GET /api/indicators), not only a plan's indicators: district figures
 * include growth rates and other statistics no plan defines, and each should read by its name, never by its code.
 */
import { useCallback, useMemo } from 'react';
import { useApi, type CatalogueIndicatorDto } from './api';
import { useLang } from './i18n';

/** The name of an indicator code in the page's language (the code itself until the catalogue is there), and whether it is loading. */
export function useIndicatorNames(): { nameOf: (code: string) => string; loading: boolean } {
  const { l } = useLang();
  const catalogue = useApi<CatalogueIndicatorDto[]>('/api/indicators');
  const names = useMemo(() => new Map((catalogue.data ?? []).map((i) => [i.code, i.name])), [catalogue.data]);
  const nameOf = useCallback(
    (code: string) => {
      const name = names.get(code);
      return name ? l(name) : code;
    },
    [names, l],
  );
  return { nameOf, loading: catalogue.loading };
}
