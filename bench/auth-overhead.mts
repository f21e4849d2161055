// Authentication and authorisation cost per request (issue 4): the same read — GET a plan's indicators, through the
// same app and the same serialisation — sent (a) with no credentials, where the policy hook has nothing to look up,
// (b) signed in with a session cookie, (c) with an API token; in one run, in-process. Target: overhead under 10 %.
import path from 'node:path';
import { openDatabase } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { createUser } from '../src/services/access/users';
import { prepare } from '../src/services/bootstrap';

const root = path.resolve(import.meta.dirname, '..');
const database = await openDatabase({ driver: 'pglite', dataDir: null });
await prepare(database, { regionsDir: path.join(root, 'regions'), plansDir: path.join(root, 'plans') });
await createUser(database, { username: 'bench', password: 'Shenzhen-Plan-2025!', role: 'planner' });
const app = await buildApp(database);
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench', password: 'Shenzhen-Plan-2025!' } });
const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
const csrf = login.json<{ csrfToken: string }>().csrfToken;
const tok = await app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie, 'x-csrf-token': csrf }, payload: { name: 'bench', scopes: ['read'] } });
const token = tok.json<{ token: string }>().token;


const N = 3000;
const url = '/api/plans/shenzhen-services-14th-fyp/indicators';
const kinds = {
  bare: () => app.inject({ method: 'GET', url }),
  session: () => app.inject({ method: 'GET', url, headers: { cookie } }),
  token: () => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }),
};
type Kind = keyof typeof kinds;
const total: Record<Kind, number> = { bare: 0, session: 0, token: 0 };
// Interleaved, in rotating order, so that warm-up, garbage collection and machine noise fall on all three alike.
const order: Kind[] = ['bare', 'session', 'token'];
for (let i = 0; i < N + 100; i++) {
  for (let j = 0; j < 3; j++) {
    const k = order[(i + j) % 3] as Kind;
    const t0 = performance.now();
    const r = await kinds[k]();
    if (r.statusCode !== 200) throw new Error(`status ${r.statusCode}`);
    if (i >= 100) total[k] += performance.now() - t0;
  }
}
const us = (k: Kind) => (total[k] / N) * 1000;
console.log(`authenticated read vs the same read with nothing to check, ${N} interleaved requests each, in-process, PGlite`);
console.log('| request | µs per request | overhead |');
console.log('|---|---|---|');
console.log(`| no credentials (nothing to check) | ${us('bare').toFixed(0)} | — |`);
for (const k of ['session', 'token'] as const) console.log(`| signed in (${k}) | ${us(k).toFixed(0)} | ${(((us(k) - us('bare')) / us('bare')) * 100).toFixed(1)} % |`);
await app.close();
await database.close();
