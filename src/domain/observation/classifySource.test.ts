import { describe, expect, it } from 'vitest';
import { classifySource } from './classifySource';

describe('classifySource (the publication named, never where it was read)', () => {
  it.each([
    ['深圳市2022年国民经济和社会发展统计公报 深圳市统计局', 'bureau_bulletin'],
    ['深圳统计年鉴2023 深圳市统计局', 'yearbook'],
    ['福田区统计局 【福田统计2016年第22期】福田区2016年前三季度经济发展报告', 'bureau'],
    ['深圳市2024年政府工作报告 深圳市人民政府', 'work_report'],
    ['Commerce Bureau of Shenzhen Municipality', 'department'],
    ['深圳市交通运输局 新闻发布会', 'department'],
    ['2023年罗湖区经济运行 罗湖区政府', 'government'],
    ['GitHub SQL file mart_city_timeseries', 'third_party'],
    ['香港商报 2021-02-02', 'press'],
    ['羊城晚报 citing 深圳市统计局 2022年数据', 'press'],
    ['360doc.com (转载深圳特区报 2022-01-29)', 'press'],
    // A transcription of the bulletin names the bulletin: it is the bulletin's figure.
    ['深圳市2023年国民经济和社会发展统计公报 (third-party transcription on GitHub)', 'bureau_bulletin'],
  ])('%s → %s', (source, kind) => {
    expect(classifySource(source)).toBe(kind);
  });
});
