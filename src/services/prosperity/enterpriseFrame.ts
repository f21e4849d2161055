/**
 * Where a survey's panel finds its enterprises: the sampling frame (抽样框), the enterprises in scope with the
 * attributes the sample is stratified and weighted by. `registryFrame` reads the enterprise database (issue 18): the
 * enterprises open on a day with the registry version in force then, and their size measures from their figures
 * (db/prosperityRegistry.ts). `csvFrame` reads a frame exported from the registry as a file; its enterprises must be
 * in the registry all the same (the panel refers to them: `drawSurveyPanel` refuses one that is not, by name).
 *
 * @example
 * await drawSurveyPanel(database, 'shenzhen-services-bcs', registryFrame(database, { at: '2026-01-01', synthetic: false }), { seed: 1, joined: '2026-01' });
 */
import path from 'node:path';
import { normaliseUscc, USCC_HEADERS, usccProblem } from '../../domain/prosperity/enterpriseRef';
import { sectionOf } from '../../domain/prosperity/industrySection';
import { SIZE_CLASSES, type SizeClass } from '../../domain/enterprise/size';
import type { FrameMember } from '../../domain/prosperity/sampling';
import type { Database } from '../../db/client';
import { registryFrameRows } from '../../db/prosperityRegistry';
import { BadRequestError } from '../errors';
import { readCsv } from '../import/readCsv';

export interface EnterpriseFrame {
  /** What the audit records as the frame's origin (`registry:2026-01-01`, `csv:frame.csv`). */
  source: string;
  members(): Promise<FrameMember[]>;
}

/**
 * The registry's enterprises open on `at` (an ISO day: a panel's first wave's first day), real ones or the synthetic
 * ones (合成数据, for the demo) — never both.
 */
export const registryFrame = (database: Database, o: { at: string; synthetic: boolean }): EnterpriseFrame => ({
  source: `registry:${o.at}${o.synthetic ? ' (synthetic)' : ''}`,
  members: () => registryFrameRows(database.db, o),
});

/** A frame from a CSV with the registry's columns (see `readFrameFile`). */
export const csvFrame = (file: string): EnterpriseFrame => ({ source: `csv:${path.basename(file)}`, members: () => readFrameFile(file) });

const FIELD_OF: Record<string, keyof FrameMember> = {
  ...Object.fromEntries(USCC_HEADERS.map((h) => [h, 'uscc' as const])),
  行业代码: 'industryCode', industry_code: 'industryCode', 区划代码: 'regionCode', region_code: 'regionCode',
  企业规模: 'sizeClass', size_class: 'sizeClass', 营业收入: 'revenue', revenue: 'revenue', 从业人员: 'employees', employees: 'employees',
};

/**
 * Reads a frame: 统一社会信用代码/uscc, 行业代码/industry_code, 区划代码/region_code, 企业规模/size_class
 * (large|medium|small|micro), 营业收入/revenue (万元), 从业人员/employees. Every problem names its row and column;
 * any problem refuses the whole frame (a panel is drawn once).
 */
export async function readFrameFile(file: string): Promise<FrameMember[]> {
  const out: FrameMember[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  let cols: Partial<Record<keyof FrameMember, number>> | null = null;
  for await (const rec of readCsv(file)) {
    if (!cols) {
      const found: Partial<Record<keyof FrameMember, number>> = {};
      rec.cells.forEach((h, i) => {
        const f = FIELD_OF[h.replace(/^\uFEFF/, '').trim().toLowerCase()] ?? FIELD_OF[h.replace(/^\uFEFF/, '').trim()];
        if (f) found[f] = i;
      });
      cols = found;
      for (const need of ['uscc', 'industryCode', 'regionCode'] as const) if (found[need] === undefined) problems.push(`${file}: header: no column ${need}`);
      if (problems.length > 0) break;
      continue;
    }
    const at = cols;
    const cell = (f: keyof FrameMember) => (at[f] === undefined ? '' : (rec.cells[at[f] ?? 0] ?? '').trim());
    const num = (f: 'revenue' | 'employees') => {
      const t = cell(f);
      if (t === '') return null;
      const v = Number(t);
      if (!Number.isFinite(v) || v < 0) problems.push(`${file}, row ${rec.row}, ${f}: "${t}" is not a non-negative number`);
      return Number.isFinite(v) ? v : null;
    };
    const uscc = normaliseUscc(cell('uscc'));
    const bad = usccProblem(uscc);
    if (bad) problems.push(`${file}, row ${rec.row}, uscc: ${bad}`);
    else if (seen.has(uscc)) problems.push(`${file}, row ${rec.row}, uscc: ${uscc} is listed twice (rows ${seen.get(uscc)} and ${rec.row})`);
    else seen.set(uscc, rec.row);
    const industry = cell('industryCode');
    const section = sectionOf(industry);
    if (!section) problems.push(`${file}, row ${rec.row}, industry_code: "${industry}" is not a GB/T 4754-2017 code`);
    const size = cell('sizeClass');
    if (size !== '' && !(SIZE_CLASSES as readonly string[]).includes(size)) problems.push(`${file}, row ${rec.row}, size_class: "${size}" is not one of ${SIZE_CLASSES.join(', ')}`);
    out.push({ uscc, industryCode: industry, sectionCode: section ?? '', regionCode: cell('regionCode'), sizeClass: size === '' ? null : (size as SizeClass), revenue: num('revenue'), employees: num('employees') });
  }
  if (!cols) problems.push(`${file}: the file is empty (no header row)`);
  if (problems.length > 0) throw new BadRequestError(problems.slice(0, 50).join('\n'));
  return out;
}
