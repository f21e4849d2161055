import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from './settings';

describe('readSettings', () => {
  it('defaults to an embedded database in DATA_DIR', () => {
    const s = readSettings({ DATA_DIR: '/tmp/pm' });
    expect(s.port).toBe(3000);
    expect(s.database).toEqual({ driver: 'pglite', dataDir: '/tmp/pm/pglite' });
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    expect(readSettings({ DATABASE_URL: 'postgres://u@h:5432/d' }).database).toEqual({ driver: 'postgres', url: 'postgres://u@h:5432/d' });
  });

  it('names the bad setting', () => {
    expect(() => readSettings({ PORT: '70000' })).toThrow(SettingsError);
    expect(() => readSettings({ DATABASE_URL: 'mysql://x' })).toThrow(/setting DATABASE_URL: must start with postgres:\/\//);
  });
});
