/**
 * One page of figures from GET /api/observations with the API's own paging: `limit`, and the x-next-cursor header
 * while more follow. The browser keeps the cursors it has seen, so it pages back as well as forward.
 */
import { ApiError, type ObservationDto } from '../../api';

export async function figurePage(url: string): Promise<{ items: ObservationDto[]; next: string | null }> {
  const res = await fetch(url, { credentials: 'same-origin' });
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const msg = body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : `HTTP ${res.status}`;
    throw new ApiError(res.status, msg, body);
  }
  return { items: body as ObservationDto[], next: res.headers.get('x-next-cursor') };
}
