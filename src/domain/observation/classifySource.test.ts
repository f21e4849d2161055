import { describe, expect, it } from 'vitest';
import { classifySource } from './classifySource';

describe('classifySource', () => {
  it.each([
    ['tjj.sz.gov.cn 深圳市2022年国民经济和社会发展统计公报 (深圳市统计局、国家统计局深圳调查队, 2023-05-08)', 'bureau_bulletin'],
    ['福田区统计局 szft.gov.cn/xxgk/zjft/tjsj', 'bureau'],
    ['深圳市2024年政府工作报告 (2024-01-30, 市长覃伟中)', 'government'],
    ['Commerce Bureau of Shenzhen Municipality', 'government'],
    ['GitHub SQL file mart_city_timeseries (third-party parse of bulletin)', 'third_party'],
    ['罗湖区政府 统计分析 (mirror suitable.com)', 'third_party'],
    ['香港商报 hkcd.com.hk/content/2021-02/02/content_1246763.html', 'press'],
    ['羊城晚报 (m.jinbaonet.com/zixun/2023/0129/200091944.html) citing 深圳市统计局 2022年数据', 'press'],
    ['360doc.com/content/22/0129 (转载深圳特区报 2022-01-29)', 'press'],
  ])('%s → %s', (source, kind) => {
    expect(classifySource(source)).toBe(kind);
  });
});
