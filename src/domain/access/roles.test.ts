import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password';
import { decide, mayWriteRegion, POLICIES, ROLES, type Principal, type Role } from './roles';

const user = (role: Role, regions: string[] = []): Principal => ({ kind: 'user', userId: 1, username: 'u', role, regions, departments: [], via: 'session' });

describe('decide', () => {
  it('follows the role table for every policy and role', () => {
    const table = Object.fromEntries(POLICIES.map((p) => [p, ROLES.filter((r) => decide(p, user(r)).allow)]));
    expect(table).toEqual({
      public: [...ROLES],
      read: [...ROLES],
      'write:observations': ['admin', 'statistician', 'reporter'],
      'approve:observations': ['admin', 'planner'],
      'manage:users': ['admin'],
      'read:audit': ['admin', 'planner'],
      'write:survey': ['admin', 'statistician'],
    });
  });

  it('asks the public to sign in (401) and refuses a role (403)', () => {
    expect(decide('read', { kind: 'public' })).toMatchObject({ allow: false, status: 401 });
    expect(decide('write:observations', user('viewer'))).toMatchObject({ allow: false, status: 403 });
  });

  it('holds an API token to its scopes', () => {
    const token: Principal = { ...(user('statistician') as Extract<Principal, { kind: 'user' }>), via: 'token', tokenScopes: [] };
    expect(decide('write:observations', token)).toMatchObject({ allow: false, status: 403 });
    expect(decide('write:observations', { ...token, tokenScopes: ['write:observations'] })).toEqual({ allow: true });
  });
});

describe('mayWriteRegion', () => {
  it('keeps a 南山区 reporter out of 福田区', () => {
    expect(mayWriteRegion(user('reporter', ['440305']), '440305')).toBe(true);
    expect(mayWriteRegion(user('reporter', ['440305']), '440304')).toBe(false);
    expect(mayWriteRegion(user('statistician'), '440304')).toBe(true);
    expect(mayWriteRegion(user('planner'), '440304')).toBe(false);
  });
});

describe('passwordProblems', () => {
  it('accepts a strong password and names what a weak one lacks', () => {
    expect(passwordProblems('Shenzhen-2025-plan', 'li')).toEqual([]);
    expect(passwordProblems('short', 'li')).toEqual(['at least 12 characters', 'at least three of: lower case, upper case, digits, other characters']);
    expect(passwordProblems('Wang.Planner2025', 'wang')).toEqual(['must not contain the user name']);
  });
});
