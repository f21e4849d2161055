import { describe, expect, it } from 'vitest';
import type { Region } from './region';
import { createRegionRegistry } from './registry';

const region = (code: string, zh: string, en: string, level: Region['level'], parentCode: string | null, extra: Partial<Region> = {}): Region => ({
  code, name: { zh, en }, level, kind: 'administrative', parentCode, validFrom: '1990-01-01', validTo: null, predecessors: [], note: null, ...extra,
});

// 白云区 exists twice: 广州市 440111 and 贵阳市 520113 (GB/T 2260).
const regions = [
  region('440000', '广东省', 'Guangdong', 'province', null),
  region('440100', '广州市', 'Guangzhou', 'city', '440000'),
  region('440106', '天河区', 'Tianhe District', 'district', '440100'),
  region('440111', '白云区', 'Baiyun District', 'district', '440100'),
  region('440300', '深圳市', 'Shenzhen', 'city', '440000'),
  region('440305', '南山区', 'Nanshan District', 'district', '440300'),
  region('440300-LH', '龙华新区', 'Longhua New District (former)', 'district', '440300', { kind: 'functional', validTo: '2017-01-06' }),
  region('440309', '龙华区', 'Longhua District', 'district', '440300', { predecessors: ['440300-LH'] }),
  region('520000', '贵州省', 'Guizhou', 'province', null),
  region('520100', '贵阳市', 'Guiyang', 'city', '520000'),
  region('520113', '白云区', 'Baiyun District', 'district', '520100'),
];
const registry = createRegionRegistry(regions);
const code = (text: string, within?: string) => {
  const r = registry.resolve(text, within === undefined ? {} : { within });
  return r.ok ? r.value.code : r.error;
};

describe('resolving a region name', () => {
  it('reads the same district name within the city of the plan or the file', () => {
    expect(code('白云区', '440100')).toBe('440111');
    expect(code('白云区', '520100')).toBe('520113');
    // within a province, a region of a city of it
    expect(code('白云区', '520000')).toBe('520113');
    expect(code('Baiyun District', '440100')).toBe('440111');
  });

  it('refuses an unscoped ambiguous name, naming the candidates with their codes', () => {
    expect(code('白云区')).toBe('ambiguous region "白云区": 440111 白云区 (广州市), 520113 白云区 (贵阳市); write the code, or the name after its parent\'s (e.g. 广州市白云区)');
    // a scope that holds neither does not pick one either
    expect(code('白云区', '440300')).toMatch(/^ambiguous region "白云区": 440111 .*, 520113 /);
  });

  it('reads a name after its parent\'s, and a code as it is', () => {
    expect(code('广州市白云区')).toBe('440111');
    expect(code('贵阳市/白云区')).toBe('520113');
    expect(code('贵州省 贵阳市 白云区')).toBe('520113');
    expect(code('520113', '440100')).toBe('520113');
  });

  it('resolves a unique name outside the scope, and prefers a region in force to a former one', () => {
    expect(code('南山区', '440100')).toBe('440305');
    expect(code('龙华区')).toBe('440309');
    expect(code('龙华新区')).toBe('440300-LH');
  });

  it('says what it does not know, with the nearest name where one is obvious', () => {
    expect(code('天河', '440100')).toBe('unknown region "天河" (not in the region registry; did you mean 天河区?)');
    expect(code('坪洲区')).toBe('unknown region "坪洲区" (not in the region registry)');
    expect(code('440399')).toBe('unknown region code "440399" (not in the region registry)');
    expect(code('  ')).toBe('region is missing');
  });

  it('walks up the hierarchy', () => {
    expect(registry.isWithin('440111', '440000')).toBe(true);
    expect(registry.isWithin('440111', '520000')).toBe(false);
    expect(registry.isWithin('440100', '440100')).toBe(false);
  });
});
