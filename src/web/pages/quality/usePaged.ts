/** A cursor-paged list of the API (items, total, nextCursor): the first page, then more on demand. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';

export function usePaged<T>(url: string, limit = 100) {
  const [state, setState] = useState<{ items: T[]; total: number | null; next: string | null; loading: boolean; error: Error | null }>({ items: [], total: null, next: null, loading: true, error: null });
  const [tick, setTick] = useState(0);
  const sep = url.includes('?') ? '&' : '?';
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<{ items: T[]; total: number; nextCursor: string | null }>(`${url}${sep}limit=${limit}`).then(
      (p) => live && setState({ items: p.items, total: p.total, next: p.nextCursor, loading: false, error: null }),
      (error: Error) => live && setState({ items: [], total: null, next: null, loading: false, error }),
    );
    return () => {
      live = false;
    };
  }, [url, sep, limit, tick]);
  const loadMore = useCallback(() => {
    if (!state.next) return;
    void api<{ items: T[]; total: number; nextCursor: string | null }>(`${url}${sep}limit=${limit}&cursor=${state.next}`).then((p) =>
      setState((s) => ({ ...s, items: [...s.items, ...p.items], total: p.total, next: p.nextCursor })),
    );
  }, [state.next, url, sep, limit]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { items: state.items, total: state.total, loading: state.loading, error: state.error, more: state.next !== null, loadMore, reload };
}
