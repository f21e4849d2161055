/**
 * The web app's only way to the platform: the HTTP API, typed by the shared schemas (src/shared/api/). Types only
 * are imported, so zod stays out of the browser bundle; the server validates every response against the schemas.
 */
import { useCallback, useEffect, useState } from 'react';

export type * from '../shared/api';
export const PLAN_ID = 'shenzhen-services-14th-fyp';

let csrfToken: string | null = sessionStorage.getItem('plan-monitor.csrf');
export function setCsrf(token: string | null): void {
  csrfToken = token;
  if (token) sessionStorage.setItem('plan-monitor.csrf', token);
  else sessionStorage.removeItem('plan-monitor.csrf');
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

interface EarlyAnswer {
  status: number;
  ok: boolean;
  text: string;
}
declare global {
  interface Window {
    /** GETs index.html started before this script was parsed (the cockpit's data). */
    __planMonitorEarly?: Record<string, Promise<EarlyAnswer> | undefined>;
  }
}

async function answer(url: string, init: RequestInit): Promise<EarlyAnswer> {
  const early = (!init.method || init.method === 'GET') && window.__planMonitorEarly?.[url];
  if (early) {
    delete window.__planMonitorEarly?.[url];
    return early;
  }
  const headers = new Headers(init.headers);
  if (init.body !== undefined && typeof init.body === 'string') headers.set('content-type', 'application/json');
  if (init.method && init.method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  const res = await fetch(url, { ...init, headers, credentials: 'same-origin' });
  return { status: res.status, ok: res.ok, text: await res.text() };
}

export async function api<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await answer(url, init);
  const text = res.text;
  const body: unknown = text ? JSON.parse(text) : null;
  if (!res.ok && !(init as { acceptStatus?: number[] }).acceptStatus?.includes(res.status)) {
    const msg = body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : `HTTP ${res.status}`;
    throw new ApiError(res.status, msg, body);
  }
  return body as T;
}

/** POST/PATCH JSON and return the body even for the listed non-2xx statuses (an import report on 422). */
export function send<T>(url: string, method: string, payload: unknown, acceptStatus: number[] = []): Promise<T> {
  return api<T>(url, { method, body: JSON.stringify(payload), acceptStatus } as RequestInit);
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | Error | null;
  loading: boolean;
  reload(): void;
}

/**
 * GETs started before React renders (main.tsx), so the first page's data is on its way while the app boots; each is
 * used once by the first useApi of the same URL, later renders fetch afresh.
 */
const early = new Map<string, Promise<unknown>>();
export function prefetch(url: string): void {
  const p = api(url);
  p.catch(() => undefined); // the page that uses it reports the error
  early.set(url, p);
}
export function fetchOnce<T>(url: string): Promise<T> {
  const p = early.get(url);
  early.delete(url);
  return (p as Promise<T> | undefined) ?? api<T>(url);
}

/** GET a URL when it changes; null skips. */
export function useApi<T>(url: string | null): Loaded<T> {
  return useLoaded<T>(url, fetchOnce);
}

/** What `load` gives for a URL, reloaded when the URL changes (null skips) or on `reload()`. */
function useLoaded<T>(url: string | null, load: (url: string) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: Error | null; loading: boolean }>({ data: null, error: null, loading: url !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (url === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load(url).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: Error) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
    // `load` is one of this module's functions, the same at every render: the URL and a reload decide.
  }, [url, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

/**
 * Every page of a list (the API pages every list: limit, and the x-next-cursor header while more follow), up to
 * `maxPages` pages — a page of figures holds up to a thousand, far more than one screen shows.
 */
export async function apiPages<T>(url: string, maxPages = 20): Promise<T[]> {
  const all: T[] = [];
  let next: string | null = url;
  for (let i = 0; next !== null && i < maxPages; i++) {
    const res: Response = await fetch(next, { credentials: 'same-origin' });
    const text = await res.text();
    const body: unknown = text ? JSON.parse(text) : null;
    if (!res.ok) throw new ApiError(res.status, body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : `HTTP ${res.status}`, body);
    all.push(...(body as T[]));
    const cursor = res.headers.get('x-next-cursor');
    next = cursor === null ? null : `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
  }
  return all;
}

/** GET every page of a list when the URL changes; null skips. */
export function useApiPages<T>(url: string | null): Loaded<T[]> {
  return useLoaded<T[]>(url, apiPages);
}

/** The evaluation "as of" the current year: every period up to now, every vintage known. */
/** A path that keeps the as-of chosen in the address (?asOf=…), so moving between pages keeps the same view. */
export function withAsOf(path: string): string {
  const asked = new URLSearchParams(window.location.search).get('asOf');
  return asked ? `${path}${path.includes('?') ? '&' : '?'}asOf=${encodeURIComponent(asked)}` : path;
}

/** The evaluation's as-of: ?asOf=2023 or ?asOf=2024-06-30 in the address (so a link reproduces a view), else this year. */
export function currentAsOf(): string {
  const asked = new URLSearchParams(window.location.search).get('asOf');
  return asked && /^\d{4}(-\d{2}-\d{2})?$/.test(asked) ? asked : String(new Date().getFullYear());
}
