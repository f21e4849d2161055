/** The session cookie, set the same way by every sign-in (password, console ticket): HttpOnly, SameSite=Lax, Secure behind TLS. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_HOURS } from '../services/access/auth';
import { SESSION_COOKIE } from './policy';

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'lax',
    // https as the client sees it: behind a TLS proxy that is what X-Forwarded-Proto says (TRUST_PROXY).
    secure: req.protocol === 'https',
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}
