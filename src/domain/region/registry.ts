/**
 * The region registry as one value: look a region up by code, walk up its parents, and resolve what people write
 * — a code, a Chinese or English name, or a name with its parent's (广州市白云区, 广州市/白云区) — within a scope.
 *
 * Names are not unique across the country (白云区 is 440111 in 广州市 and 520113 in 贵阳市), so a name is read
 * within the region the plan or the file is about; a name still ambiguous there is an error that lists the
 * candidates with their codes. Nothing is resolved by load order.
 */
import { didYouMean, nearest } from '../nearest';
import { err, ok, type Result } from '../result';
import { isRegionCode } from './code';
import type { Region } from './region';

export interface ResolveOptions {
  /** The region whose subdivisions a name is read among first (the plan's region, the import's scope). */
  within?: string | null;
}

export interface RegionRegistry {
  readonly regions: readonly Region[];
  get(code: string): Region | undefined;
  /** Whether `code` lies below `ancestor` (a child, a child's child …). */
  isWithin(code: string, ancestor: string): boolean;
  /** The region a code or name means, or why none or several do. */
  resolve(text: string, opts?: ResolveOptions): Result<Region>;
}

/** Separators people put between a parent's name and a child's: 广州市/白云区, 广州市 白云区, 广州市·白云区. */
const SEPARATOR = /^[\s/／·・-]+/;

/**
 * @example
 * const registry = createRegionRegistry(regions);
 * registry.resolve('白云区', { within: '440100' }) // ok(440111 白云区)
 * registry.resolve('白云区')                        // err('ambiguous region "白云区": 440111 白云区 (广州市), 520113 白云区 (贵阳市); …')
 */
export function createRegionRegistry(regions: readonly Region[]): RegionRegistry {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const byName = new Map<string, Region[]>();
  const addName = (name: string, r: Region) => {
    const list = byName.get(name) ?? [];
    if (!list.includes(r)) list.push(r);
    byName.set(name, list);
  };
  for (const r of regions) {
    addName(r.name.zh, r);
    addName(r.name.en.toLowerCase(), r);
  }

  const isWithin = (code: string, ancestor: string): boolean => {
    const seen = new Set<string>();
    let at = byCode.get(code)?.parentCode ?? null;
    while (at !== null && !seen.has(at)) {
      if (at === ancestor) return true;
      seen.add(at);
      at = byCode.get(at)?.parentCode ?? null;
    }
    return false;
  };

  const parentName = (r: Region) => (r.parentCode === null ? null : (byCode.get(r.parentCode)?.name.zh ?? r.parentCode));
  const describe = (r: Region) => `${r.code} ${r.name.zh}${parentName(r) ? ` (${parentName(r)})` : ''}${r.validTo !== null ? ` (until ${r.validTo})` : ''}`;

  /** Regions a plain name or a parent-qualified name means, before scoping. */
  const candidates = (text: string, depth: number): Region[] => {
    const direct = byName.get(text) ?? byName.get(text.toLowerCase()) ?? [];
    if (direct.length > 0 || depth > 3) return direct;
    // 广州市白云区: a region's name, then a name among its subdivisions.
    const found: Region[] = [];
    for (const [name, parents] of byName) {
      if (name.length === 0 || !text.startsWith(name) && !text.toLowerCase().startsWith(name)) continue;
      const rest = text.slice(name.length).replace(SEPARATOR, '');
      if (rest === '' || rest.length === text.length) continue;
      for (const p of parents) for (const c of candidates(rest, depth + 1)) if (isWithin(c.code, p.code) && !found.includes(c)) found.push(c);
    }
    return found;
  };

  const inScope = (list: readonly Region[], within: string | null | undefined) =>
    within ? list.filter((r) => r.code === within || isWithin(r.code, within)) : [...list];

  const resolve = (input: string, opts: ResolveOptions = {}): Result<Region> => {
    const text = input.trim();
    if (text === '') return err('region is missing');
    const coded = byCode.get(text);
    if (coded) return ok(coded);
    let list = candidates(text, 0);
    if (list.length === 0) {
      if (isRegionCode(text)) return err(`unknown region code "${text}" (not in the region registry)`);
      // A near name is suggested only within the scope: across the country 南沙区 is one edit from 南山区.
      const hint = opts.within ? didYouMean(nearest(text, new Set(inScope(regions, opts.within).map((r) => r.name.zh)))) : '';
      return err(`unknown region "${text}" (not in the region registry${hint ? `; ${hint}` : ''})`);
    }
    // Within the scope first; a name found only outside it still resolves (a plan may name a region elsewhere).
    const scoped = inScope(list, opts.within);
    if (scoped.length > 0) list = scoped;
    // A region still in force wins over a former one of the same name.
    const current = list.filter((r) => r.validTo === null);
    if (current.length > 0) list = current;
    const [only, ...more] = list;
    if (only && more.length === 0) return ok(only);
    return err(
      `ambiguous region "${text}": ${list.map(describe).join(', ')}; write the code, or the name after its parent's (e.g. ${parentName(list[0] as Region) ?? ''}${text})`,
    );
  };

  return { regions, get: (code) => byCode.get(code), isWithin, resolve };
}

/**
 * A region cell (a code or a name) read to its code, null when unknown or ambiguous: for imports whose cells take no
 * scope. A name shared by two cities (白云区) is refused, never resolved by load order.
 */
export function regionCodeResolver(regions: readonly Region[]): (text: string) => string | null {
  const registry = createRegionRegistry(regions);
  return (text) => {
    const r = registry.resolve(text);
    return r.ok ? r.value.code : null;
  };
}
