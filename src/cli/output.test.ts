import { describe, expect, it } from 'vitest';
import { configureOutput, displayWidth, localeLang, renderTable, wrap } from './output';

// Colours off: cli-table3 colours headers only on a terminal that supports it; strip them anyway.
const plain = (s: string) => s.split(String.fromCharCode(27)).map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, ""))).join("");

describe('CLI tables for a person', () => {
  it('say 无 / none instead of an empty table', () => {
    configureOutput({ lang: 'zh' });
    expect(renderTable([], [['a', 'Plan']])).toBe('无\n');
    configureOutput({ lang: 'en' });
    expect(renderTable([], [['a', '规划']])).toBe('none\n');
  });

  it('fit 100 columns, wrapping long Chinese cells without cutting them', () => {
    configureOutput({ lang: 'zh' });
    const name = '信息传输、软件和信息技术服务业增加值占GDP比重'.repeat(2);
    const rows = Array.from({ length: 3 }, (_, i) => ({ no: i + 1, name, a: 'x'.repeat(40), b: '数据暂缺（2023年，推算）', c: 'y'.repeat(30) }));
    const text = plain(renderTable(rows, [['no', 'No.'], ['name', 'Indicator'], ['a', 'Baseline'], ['b', 'Latest'], ['c', 'Target']]));
    expect(Math.max(...text.trimEnd().split('\n').map(displayWidth))).toBeLessThanOrEqual(100);
    expect(text).not.toContain('…');
    expect(text).toContain('序号');
    expect(text).toContain('基期值');
    // The name goes on over the lines of its cell, to its end.
    expect(text).toContain('技术服务业增加值占GD');
    expect(text.match(/GDP比重/g)?.length).toBe(3);
  });

  it('wraps by display width and reads the language from the locale', () => {
    expect(wrap('服务业增加值', 4)).toBe('服务\n业增\n加值');
    expect(localeLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(localeLang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(localeLang({ LANG: 'C.UTF-8' })).toBe('zh');
  });
});
