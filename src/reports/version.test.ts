import { describe, expect, it } from 'vitest';
import { versionParagraph } from './version';

describe('the plan version a report judges against', () => {
  it('says nothing for a plan as issued with no version block', () => {
    expect(versionParagraph({ number: 1, effectiveFrom: null, label: null }, 'zh')).toEqual([]);
    expect(versionParagraph(null, 'en')).toEqual([]);
  });

  it('names a labelled version, and an adjustment with the day it took effect', () => {
    expect(versionParagraph({ number: 1, effectiveFrom: null, label: { zh: '规划印发稿', en: 'as issued' } }, 'zh')).toEqual(['本报告对照的规划版本：规划印发稿（第1版）。']);
    expect(versionParagraph({ number: 2, effectiveFrom: '2028-07-01', label: { zh: '中期调整稿', en: 'mid-term adjustment' } }, 'zh')).toEqual(['本报告对照的规划版本：中期调整稿（第2版，2028年7月1日起施行）。']);
    expect(versionParagraph({ number: 2, effectiveFrom: '2028-07-01', label: null }, 'zh')).toEqual(['本报告对照的规划版本：第2版（2028年7月1日起施行）。']);
    expect(versionParagraph({ number: 2, effectiveFrom: '2028-07-01', label: { zh: '中期调整稿', en: 'mid-term adjustment' } }, 'en')).toEqual(['This report judges against the plan version “mid-term adjustment” (version 2, in force from 2028-07-01).']);
  });
});
