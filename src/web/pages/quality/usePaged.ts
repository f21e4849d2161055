/**
 * A paged list of the API (the page's array; x-next-cursor while more follow, x-total-count in all): the first
 * page, then more on demand.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api';

interface Page<T> {
  items: T[];
  total: number | null;
  next: string | null;
}

async function fetchPage<T>(url: string): Promise<Page<T>> {
  const res = await fetch(url, { credentials: 'same-origin' });
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : `HTTP ${res.status}`, body);
  const total = res.headers.get('x-total-count');
  return { items: body as T[], total: total === null ? null : Number(total), next: res.headers.get('x-next-cursor') };
}

export function usePaged<T>(url: string, limit = 100) {
  const [state, setState] = useState<Page<T> & { loading: boolean; error: Error | null }>({ items: [], total: null, next: null, loading: true, error: null });
  const [tick, setTick] = useState(0);
  const sep = url.includes('?') ? '&' : '?';
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    fetchPage<T>(`${url}${sep}limit=${limit}`).then(
      (p) => live && setState({ ...p, loading: false, error: null }),
      (error: Error) => live && setState({ items: [], total: null, next: null, loading: false, error }),
    );
    return () => {
      live = false;
    };
  }, [url, sep, limit, tick]);
  const loadMore = useCallback(() => {
    if (!state.next) return;
    void fetchPage<T>(`${url}${sep}limit=${limit}&cursor=${encodeURIComponent(state.next)}`).then((p) =>
      setState((s) => ({ ...s, items: [...s.items, ...p.items], total: p.total, next: p.next })),
    );
  }, [state.next, url, sep, limit]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { items: state.items, total: state.total, loading: state.loading, error: state.error, more: state.next !== null, loadMore, reload };
}
