import { describe, expect, it } from 'vitest';
import { parseRegionRegistry } from './schema';
import { childrenOn, isValidOn } from './region';

const registry = {
  regions: [
    { code: '440300', name: { zh: '深圳市', en: 'Shenzhen' }, level: 'city', kind: 'administrative', validFrom: '1979-03-05' },
    { code: '440300-LH', name: { zh: '龙华新区', en: 'Longhua New District' }, level: 'district', kind: 'functional', parent: '440300', validFrom: '2011-12-30', validTo: '2017-01-06' },
    { code: '440309', name: { zh: '龙华区', en: 'Longhua District' }, level: 'district', kind: 'administrative', parent: '440300', validFrom: '2017-01-07', predecessors: ['440300-LH'] },
  ],
};

describe('region registry', () => {
  it('keeps history: the district valid on a date is the one in force then', () => {
    const r = parseRegionRegistry(registry);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(childrenOn(r.regions, '440300', '2016-06-30').map((x) => x.code)).toEqual(['440300-LH']);
    expect(childrenOn(r.regions, '440300', '2017-01-07').map((x) => x.code)).toEqual(['440309']);
    expect(isValidOn({ validFrom: '2017-01-07', validTo: null }, '2030-01-01')).toBe(true);
  });

  it('rejects an unknown parent or predecessor and a validity that ends before it starts', () => {
    const broken = structuredClone(registry);
    broken.regions[2] = { ...broken.regions[2], parent: '440399', predecessors: ['440300-XX'] } as (typeof broken.regions)[2];
    (broken.regions[1] as { validTo: string }).validTo = '2000-01-01';
    const r = parseRegionRegistry(broken);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path.join('.') + ': ' + i.message)).toEqual([
      'regions.1.validTo: validTo is before validFrom',
      'regions.2.parent: unknown parent region "440399"',
      'regions.2.predecessors.0: unknown predecessor region "440300-XX"',
    ]);
  });
});

describe('registry files by GB/T 2260', () => {
  const guangzhou = (regions: object[]) => parseRegionRegistry({ regions });
  const gz = { code: '440100', name: { zh: '广州市', en: 'Guangzhou' }, level: 'city', kind: 'administrative', validFrom: '1949-10-14' };
  const messages = (r: ReturnType<typeof parseRegionRegistry>) => (r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`));

  it('accepts provinces, cities, districts and streets, and extends a registry it names parents in', () => {
    const province = parseRegionRegistry({ regions: [{ code: '440000', name: { zh: '广东省', en: 'Guangdong' }, level: 'province', kind: 'administrative', validFrom: '1949-10-01' }] });
    expect(province.ok).toBe(true);
    if (!province.ok) return;
    const r = parseRegionRegistry(
      {
        regions: [
          { ...gz, parent: '440000' },
          { code: '440106', name: { zh: '天河区', en: 'Tianhe District' }, level: 'district', kind: 'administrative', parent: '440100', validFrom: '1985-05-30' },
          { code: '440106001', name: { zh: '五山街道', en: 'Wushan Subdistrict' }, level: 'street', kind: 'administrative', parent: '440106', validFrom: '1990-01-01' },
        ],
      },
      province.regions,
    );
    expect(messages(r)).toEqual([]);
  });

  it('refuses a code that does not lie under its parent, a level above its parent\'s, a street with a district code, an unknown level', () => {
    expect(
      messages(
        guangzhou([
          gz,
          { code: '520113', name: { zh: '白云区', en: 'Baiyun District' }, level: 'district', kind: 'administrative', parent: '440100', validFrom: '1990-01-01' },
          { code: '440000', name: { zh: '广东省', en: 'Guangdong' }, level: 'province', kind: 'administrative', parent: '440100', validFrom: '1949-10-01' },
          { code: '440106', name: { zh: '某街道', en: 'A street' }, level: 'street', kind: 'administrative', parent: '440100', validFrom: '1990-01-01' },
          { code: '440104', name: { zh: '越秀区', en: 'Yuexiu' }, level: 'county', kind: 'administrative', parent: '440100', validFrom: '1990-01-01' },
        ]),
      ),
    ).toEqual(['regions.4.level: unknown level "county" (expected province | city | district | street; a functional area is kind: functional at its level)']);
    expect(
      messages(
        guangzhou([
          gz,
          { code: '520113', name: { zh: '白云区', en: 'Baiyun District' }, level: 'district', kind: 'administrative', parent: '440100', validFrom: '1990-01-01' },
          { code: '440000', name: { zh: '广东省', en: 'Guangdong' }, level: 'province', kind: 'administrative', parent: '440100', validFrom: '1949-10-01' },
          { code: '440106', name: { zh: '某街道', en: 'A street' }, level: 'street', kind: 'administrative', parent: '440100', validFrom: '1990-01-01' },
        ]),
      ),
    ).toEqual([
      'regions.3.code: a street needs its 9- or 12-digit statistical division code, not "440106"',
      'regions.1.code: code 520113 does not lie under its parent 440100 (GB/T 2260: a region\'s code starts with its parent\'s)',
      'regions.2.level: a province cannot lie under a city (parent 440100)',
    ]);
  });
});
