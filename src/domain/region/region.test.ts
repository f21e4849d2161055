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
