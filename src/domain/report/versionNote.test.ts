import { describe, expect, it } from 'vitest';
import { versionNote } from './versionNote';

const v1 = { number: 1, effectiveFrom: null, label: null };
const v2 = { number: 2, effectiveFrom: '2028-07-01', label: { zh: '中期调整', en: 'mid-term adjustment' } };

describe('the plan version a report names', () => {
  it('says nothing for a plan never adjusted that does not name its version, and names one that does', () => {
    expect(versionNote(v1, v1, 'zh')).toBeNull();
    const issued = { number: 1, effectiveFrom: null, label: { zh: '规划印发稿', en: 'as issued' } };
    expect(versionNote(issued, issued, 'zh')).toBe('依据规划第1版（规划印发稿）');
  });
  it('names the adjusted version judged against, with its label and date', () => {
    expect(versionNote(v2, v2, 'zh')).toBe('依据规划第2版（中期调整，2028年7月1日起施行）');
    expect(versionNote(v2, v2, 'en')).toBe('judged against version 2 of the plan (mid-term adjustment, in force from 2028-07-01)');
  });
  it('says an earlier version was in force on the as-of date, and that a later one exists', () => {
    expect(versionNote(v1, v2, 'zh')).toBe('依据当时施行的规划第1版；第2版自2028年7月1日起施行');
    expect(versionNote(v1, v2, 'en')).toBe('judged against version 1 of the plan, in force then; version 2 is in force from 2028-07-01');
  });
});
