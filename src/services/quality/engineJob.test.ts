import { describe, expect, it } from 'vitest';
import { StagedRows } from '../../domain/quality/stagedRows';
import { runEngineJob, type EngineJob } from './engineJob';

const job = (approvedKey: string | null): EngineJob => ({
  rules: [], approved: null, approvedKey, staged: new StagedRows().columns(), indicators: new Map(), regions: [], units: [], keep: 'all',
});

describe('runEngineJob', () => {
  it('refuses a job that leans on approved figures the thread does not hold, rather than check against none', () => {
    expect(() => runEngineJob(job('1|7|f|0'), { key: null, figures: [] })).toThrow(/does not hold the approved figures 1\|7\|f\|0/);
    expect(() => runEngineJob(job('1|8|f|0'), { key: '1|7|f|0', figures: [] })).toThrow(/does not hold/);
    expect(() => runEngineJob(job(null), { key: null, figures: [] })).toThrow(/does not hold/);
  });

  it('keeps the figures it was sent under their key, and uses them when the next job names the same key', () => {
    const sent = runEngineJob({ ...job('k'), approved: [] }, { key: null, figures: [] });
    expect(sent.kept.key).toBe('k');
    expect(sent.output.results).toEqual([]);
    const again = runEngineJob(job('k'), sent.kept);
    expect(again.kept.figures).toBe(sent.kept.figures);
    expect(again.kept.key).toBe('k');
  });
});
