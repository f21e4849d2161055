/** Who is signed in (GET /api/auth/me), shared by the header and the pages that need a role. */
import { createContext, useContext, type ReactNode } from 'react';
import { setCsrf, useApi, type Loaded } from './api';
import type { z } from 'zod';
import type { meResponse } from '../shared/api';
import { roleMay, type Policy } from '../shared/policies';

export type Me = z.infer<typeof meResponse>;
const Ctx = createContext<Loaded<Me> | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const me = useApi<Me>('/api/auth/me');
  // A session opened without the sign-in form (a ticket from the server's console) learns its CSRF token here.
  if (me.data?.csrfToken) setCsrf(me.data.csrfToken);
  return <Ctx.Provider value={me}>{children}</Ctx.Provider>;
}

export function useSession(): Loaded<Me> {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** Whether the signed-in user's role may act under a policy: the server's own table (shared/policies.ts). */
export const mayAct = (me: Me | null, policy: Exclude<Policy, 'public' | 'system'>): boolean => !!me?.signedIn && !!me.role && roleMay(me.role, policy);
export const mayWrite = (me: Me | null) => mayAct(me, 'write:observations');
export const isAdmin = (me: Me | null) => mayAct(me, 'manage:users');
export const mayReadAudit = (me: Me | null) => mayAct(me, 'read:audit');
export const mayApprove = (me: Me | null) => mayAct(me, 'approve:observations');
/** 企业微观数据 (read:microdata, write:enterprises): the statistics office's staff. */
export const mayReadMicrodata = (me: Me | null) => mayAct(me, 'read:microdata');
