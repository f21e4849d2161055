import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password';
import { decide, mayActForUnit, mayWriteRegion, seesAllTasks, POLICIES, ROLES, type Principal, type Role } from './roles';

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
      'read:microdata': ['admin', 'statistician'],
      'write:enterprises': ['admin', 'statistician'],
      'supervise:tasks': ['admin', 'planner'],
      'report:tasks': ['admin', 'planner', 'reporter'],
      'manage:regions': ['admin'],
      'assess:targets': ['admin', 'planner'],
      system: [],
      'write:survey': ['admin', 'statistician'],
    });
  });

  it('lets the named system principal (the operator\'s CLI) do everything, and no user act as it', () => {
    for (const p of POLICIES) expect(decide(p, { kind: 'system', name: 'cli' })).toEqual({ allow: true });
    expect(decide('system', { kind: 'public' })).toMatchObject({ allow: false, status: 401 });
    expect(decide('system', user('admin'))).toMatchObject({ allow: false, status: 403 });
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

describe('supervision scope', () => {
  it('lets a unit member act for its unit only; an administrator for any; a viewer for none', () => {
    expect(mayActForUnit(user('reporter'), [3], 3)).toBe(true);
    expect(mayActForUnit(user('reporter'), [3], 4)).toBe(false);
    expect(mayActForUnit(user('admin'), [], 4)).toBe(true);
    expect(mayActForUnit(user('viewer'), [3], 3)).toBe(false);
    expect(mayActForUnit({ kind: 'public' }, [3], 3)).toBe(false);
  });
  it('shows a reporter only its own tasks', () => {
    expect(seesAllTasks(user('reporter'))).toBe(false);
    expect(seesAllTasks(user('viewer'))).toBe(true);
  });
});
