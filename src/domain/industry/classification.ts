/**
 * 国民经济行业分类 GB/T 4754-2017: four levels — 门类 section (a letter A–T), 大类 division (2 digits), 中类 group
 * (3 digits), 小类 class (4 digits). A code's level is read from its form, and every code below a section starts
 * with its parent's code, except that a division's parent is a section letter (01–05 belong to A, and so on): the
 * code list itself (classification/gbt4754-2017.csv) says which.
 */
import { err, ok, type Result } from '../result';

export const INDUSTRY_LEVELS = ['section', 'division', 'group', 'class'] as const;
export type IndustryLevel = (typeof INDUSTRY_LEVELS)[number];

export const INDUSTRY_LEVEL_LABELS: Record<IndustryLevel, { zh: string; en: string }> = {
  section: { zh: '门类', en: 'section' },
  division: { zh: '大类', en: 'division' },
  group: { zh: '中类', en: 'group' },
  class: { zh: '小类', en: 'class' },
};

export interface Industry {
  code: string;
  level: IndustryLevel;
  name: string;
  parentCode: string | null;
  /** The 门类 letter every code belongs to (itself for a section). */
  sectionCode: string;
}

/**
 * The level a code's form says it has, or null for a form no level has.
 *
 * @example
 * levelOfCode('I')    // 'section'
 * levelOfCode('6513') // 'class'
 * levelOfCode('65a')  // null
 */
export function levelOfCode(code: string): IndustryLevel | null {
  if (/^[A-T]$/.test(code)) return 'section';
  if (/^\d{2}$/.test(code)) return 'division';
  if (/^\d{3}$/.test(code)) return 'group';
  if (/^\d{4}$/.test(code)) return 'class';
  return null;
}

/** A row of the code list as read from its file (level, code, name, parent code). */
export interface ClassificationRow {
  line: number;
  level: string;
  code: string;
  name: string;
  parentCode: string;
}

/**
 * Builds the classification from its rows and proves its shape: each level's code form, one row per code, every
 * parent present at the level above, and each group and class code starting with its parent's. Problems name the
 * line.
 */
export function buildClassification(rows: readonly ClassificationRow[]): Result<Industry[], string[]> {
  const problems: string[] = [];
  const byCode = new Map<string, ClassificationRow>();
  for (const r of rows) {
    const level = levelOfCode(r.code);
    if (level === null || level !== r.level) problems.push(`line ${r.line}: code "${r.code}" is not of the form of a ${r.level}`);
    if (byCode.has(r.code)) problems.push(`line ${r.line}: code ${r.code} appears twice`);
    if (r.name.trim() === '') problems.push(`line ${r.line}: code ${r.code} has no name`);
    byCode.set(r.code, r);
  }
  const above: Record<IndustryLevel, IndustryLevel | null> = { section: null, division: 'section', group: 'division', class: 'group' };
  for (const r of rows) {
    const want = above[r.level as IndustryLevel];
    if (want === undefined) continue;
    if (want === null) {
      if (r.parentCode !== '') problems.push(`line ${r.line}: section ${r.code} has a parent (${r.parentCode})`);
      continue;
    }
    const parent = byCode.get(r.parentCode);
    if (!parent) problems.push(`line ${r.line}: ${r.level} ${r.code}: parent "${r.parentCode}" is not in the list`);
    else if (parent.level !== want) problems.push(`line ${r.line}: ${r.level} ${r.code}: parent ${r.parentCode} is a ${parent.level}, not a ${want}`);
    else if (want !== 'section' && !r.code.startsWith(r.parentCode)) problems.push(`line ${r.line}: ${r.code} does not start with its parent's code ${r.parentCode}`);
  }
  if (problems.length > 0) return err(problems);
  const sectionOf = (code: string): string => {
    let r = byCode.get(code);
    while (r && r.parentCode !== '') r = byCode.get(r.parentCode);
    return r?.code ?? code;
  };
  return ok(rows.map((r) => ({ code: r.code, level: r.level as IndustryLevel, name: r.name.trim(), parentCode: r.parentCode === '' ? null : r.parentCode, sectionCode: sectionOf(r.code) })));
}

/**
 * The chain from a code up to its section, the code first.
 *
 * @example
 * ancestry(byCode, '6513') // ['6513', '651', '65', 'I']
 */
export function ancestry(byCode: ReadonlyMap<string, Pick<Industry, 'parentCode'>>, code: string): string[] {
  const out: string[] = [];
  let c: string | null = code;
  while (c !== null && out.length < 5) {
    const node = byCode.get(c);
    if (!node) break;
    out.push(c);
    c = node.parentCode;
  }
  return out;
}

/**
 * Whether an industry code falls under any of the given codes (a section letter, or a division, group or class
 * code that it starts with).
 *
 * @example
 * industryWithin('6513', 'I', ['I', '72']) // true
 * industryWithin('7010', 'K', ['K'], ['7010']) // false: excluded
 */
export function industryWithin(code: string, sectionCode: string, include: readonly string[], exclude: readonly string[] = []): boolean {
  const under = (scope: string) => (/^[A-T]$/.test(scope) ? sectionCode === scope : code.startsWith(scope));
  return include.some(under) && !exclude.some(under);
}
