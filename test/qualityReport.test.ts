/** The annual report's data-quality paragraph (completeness and open violations), on both databases. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { reportDraft } from '../src/reports/generate';
import { qualityParagraph } from '../src/reports/quality';
import { prepare } from '../src/services/bootstrap';
import { drivers } from './support/databases';
import { plansDir, regionsDir, root } from './support/paths';

describe.each(drivers)('data quality in the annual report ($name)', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
    await prepare(database, { regionsDir, plansDir, catalogueDir: path.join(root, 'catalogue'), datasetsDir: path.join(root, 'datasets') });
  });
  afterAll(async () => database.close());

  it('says how many figures were due for 2021–2023 and came, which districts sent nothing, and what is still open', async () => {
    const draft = await reportDraft(database, { planId: 'shenzhen-services-14th-fyp', kind: 'annual', asOf: '2023-12-31', lang: 'zh' });
    const overview = draft.sections.find((s) => s.id === 'overview')?.text ?? '';
    // Due by 2023-12-31 for periods up to 2023: the 2021–2022 years and every 2021–2023 quarter (the 2023 year is due
    // in 2024): city 10 × 2 + 3 × 3 × 3, trade in services 2, districts 11 × 3 × (4 × 2 + 3) = 363; 412 in all.
    const paragraph = overview.split('\n').find((p) => p.startsWith('数据质量：'));
    // 23 of them had come by that day (23 / 412 = 5.6 %), all approved (the bundled data is); eight districts sent none.
    // Late: the 389 missing, and 5 that came after their due day on a date the source states (GDP 2022: bulletin
    // 2023-05-08, due 2023-03-31; RETAIL 2021H1 2021-09-23, due 07-30; the city's three 2023 1–9月 on 11-01, due 10-30).
    expect(paragraph).toBe(
      '数据质量：按报送日历，截至2023-12-31应报送数据412项，已报送23项（报送率5.6%），已审核23项，逾期未报或迟报394项，大鹏新区、深汕特别合作区、罗湖区、南山区、盐田区、龙华区、坪山区、光明区尚无报送。' +
        '数据质量审核发现待处理问题4个（错误0个、警告4个），涉及文化及相关产业增加值增速与总量相符、比重指标等于分子除以分母、社会消费品零售总额增速与总额相符。',
    );
    const final = await reportDraft(database, { planId: 'shenzhen-services-14th-fyp', kind: 'final', asOf: '2023', lang: 'zh' });
    expect(final.sections[0]?.text).not.toContain('数据质量：');
  });
});

describe('the data-quality paragraph', () => {
  it('reads in both languages, and only in the annual report', () => {
    const q = { completeness: { asOf: '2024-03-31', due: 10, received: 8, approved: 6, late: 2, rate: 0.8, missingRegions: ['坪山区'] }, open: { errors: 1, warnings: 0, rules: [{ zh: '累计数逐期不减', en: 'Cumulative amounts never decrease' }] } };
    expect(qualityParagraph(q, 'annual', 'zh')).toEqual(['数据质量：按报送日历，截至2024-03-31应报送数据10项，已报送8项（报送率80.0%），已审核6项，逾期未报或迟报2项，坪山区尚无报送。数据质量审核发现待处理问题1个（错误1个、警告0个），涉及累计数逐期不减。']);
    expect(qualityParagraph({ ...q, completeness: null, open: { errors: 0, warnings: 0, rules: [] } }, 'annual', 'en')).toEqual(['Data quality: The plan has no reporting calendar yet: the reporting rate is not available. The data-quality checks found no open issue.']);
    expect(qualityParagraph(q, 'midterm', 'zh')).toEqual([]);
  });
});
