/**
 * One row of the monthly project dispatch table (重大项目月度调度表), checked cell by cell. Pure: the plan's
 * projects, the regions and the units are looked up through the context. Money is in 亿元; a header that says
 * （万元） is converted exactly (the decimal point moves, no binary rounding).
 */
import { shiftDecimal } from '../unit/decimal';
import { isIsoDay, lastDayOfMonth } from './dates';
import type { ProjectPhase } from './terms';

export const PROJECT_FIELDS = [
  'item', 'name', 'code', 'district', 'owner', 'period', 'totalInvestment', 'annualPlan', 'ytdCompleted', 'sinceStartCompleted', 'phase',
  'plannedStart', 'actualStart', 'plannedCompletion', 'actualCompletion', 'imageProgress', 'problems',
] as const;
export type ProjectField = (typeof PROJECT_FIELDS)[number];

/** The template's headers (money in 亿元). */
export const PROJECT_HEADERS: Record<ProjectField, string> = {
  item: '规划项目',
  name: '项目名称',
  code: '项目代码',
  district: '所在区',
  owner: '责任单位',
  period: '报告期',
  totalInvestment: '总投资（亿元）',
  annualPlan: '年度计划投资（亿元）',
  ytdCompleted: '本年累计完成投资（亿元）',
  sinceStartCompleted: '开工以来累计完成投资（亿元）',
  phase: '项目阶段',
  plannedStart: '计划开工日期',
  actualStart: '实际开工日期',
  plannedCompletion: '计划竣工日期',
  actualCompletion: '实际竣工日期',
  imageProgress: '形象进度',
  problems: '存在问题',
};

export const PROJECT_REQUIRED: readonly ProjectField[] = ['item', 'owner', 'period', 'ytdCompleted'];
const MONEY: readonly ProjectField[] = ['totalInvestment', 'annualPlan', 'ytdCompleted', 'sinceStartCompleted'];

/** Other words offices use for the same columns. */
const ALIASES: Partial<Record<ProjectField, string[]>> = {
  item: ['规划项目', '规划条目', '项目编号', '项目'],
  code: ['项目代码', '项目统一代码', '投资项目代码'],
  district: ['所在区', '建设地点', '区'],
  owner: ['责任单位', '填报单位', '牵头单位'],
  period: ['报告期', '调度期', '月份', '期间'],
  totalInvestment: ['总投资'],
  annualPlan: ['年度计划投资', '本年计划投资', '年度计划'],
  ytdCompleted: ['本年累计完成投资', '本年完成投资', '累计完成投资'],
  sinceStartCompleted: ['开工以来累计完成投资', '开工累计完成投资'],
  phase: ['项目阶段', '建设阶段'],
  imageProgress: ['形象进度', '工程形象进度'],
  problems: ['存在问题', '问题及需协调事项'],
};

export interface HeaderMap {
  columns: Partial<Record<ProjectField, number>>;
  /** 10000 for a 万元 column (values are divided), 1 for 亿元. */
  scale: Partial<Record<ProjectField, 1 | 10000>>;
  headers: Partial<Record<ProjectField, string>>;
  ignored: string[];
  errors: string[];
}

/** Matches a header row to fields: exact template text, then the name without its unit, then aliases. */
export function mapProjectHeader(cells: readonly string[]): HeaderMap {
  const map: HeaderMap = { columns: {}, scale: {}, headers: {}, ignored: [], errors: [] };
  cells.forEach((raw, i) => {
    const text = raw.trim().replace(/\s+/g, '');
    if (text === '') return;
    const unit = /[（(](万元|亿元)[)）]/.exec(text)?.[1];
    const bare = text.replace(/[（(][^)）]*[)）]/g, '');
    const field = PROJECT_FIELDS.find((f) => PROJECT_HEADERS[f] === text || PROJECT_HEADERS[f].replace(/（.*）/, '') === bare || (ALIASES[f] ?? []).includes(bare));
    if (!field) {
      map.ignored.push(raw);
      return;
    }
    if (map.columns[field] !== undefined) {
      map.errors.push(`column "${raw}" repeats ${PROJECT_HEADERS[field]}`);
      return;
    }
    map.columns[field] = i;
    map.headers[field] = raw;
    if (MONEY.includes(field)) map.scale[field] = unit === '万元' ? 10000 : 1;
  });
  for (const f of PROJECT_REQUIRED) if (map.columns[f] === undefined) map.errors.push(`missing column ${PROJECT_HEADERS[f]}`);
  return map;
}

export interface ProjectRowContext {
  /** The plan's project items by key and by name (zh), → key and name. */
  item(text: string): { key: string; name: string } | null;
  region(text: string): string | null;
  unit(text: string): { id: number; name: string } | null;
}

export interface ProjectRowDraft {
  itemKey: string;
  name: string;
  code: string | null;
  regionCode: string | null;
  unitId: number;
  unitName: string;
  /** The month the record runs to, YYYY-MM (2024Q1 → 2024-03). */
  month: string;
  year: number;
  monthsElapsed: number;
  totalInvestment: number | null;
  annualPlan: number | null;
  ytdCompleted: number;
  sinceStartCompleted: number | null;
  phase: ProjectPhase | null;
  plannedStart: string | null;
  actualStart: string | null;
  plannedCompletion: string | null;
  actualCompletion: string | null;
  imageProgress: string | null;
  problems: string | null;
}

export interface CellProblem {
  field: ProjectField | null;
  message: string;
}

export type ProjectRowResult = { ok: true; draft: ProjectRowDraft; warnings: CellProblem[] } | { ok: false; errors: CellProblem[] };

const PHASES: Record<string, ProjectPhase> = { 前期: 'preparation', 项目前期: 'preparation', 新开工: 'new_start', 续建: 'continuing', 竣工投产: 'completed', 竣工: 'completed', 已竣工: 'completed', 建成投产: 'completed' };

/** GB/T 40058-2021 投资项目代码: 年份-行政区划-行业-类型-流水号, e.g. 2021-440305-70-01-012345. */
export const PROJECT_CODE = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;

function period(text: string): { month: string; year: number; months: number } | null {
  const t = text.trim().replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t) ?? /^(\d{4})年1[-—~至](\d{1,2})月$/.exec(t);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{4})[Qq]([1-4])$/.exec(t) ?? /^(\d{4})年第?([一二三四1-4])季度$/.exec(t);
  if (m) return month(Number(m[1]), 3 * ('一二三四'.indexOf(m[2] ?? '') + 1 || Number(m[2])));
  m = /^(\d{4})[Hh]([12])$/.exec(t) ?? /^(\d{4})年(上|下)半年$/.exec(t);
  if (m) return month(Number(m[1]), m[2] === '上' || m[2] === '1' ? 6 : 12);
  m = /^(\d{4})年?$/.exec(t);
  if (m) return month(Number(m[1]), 12);
  return null;
}
function month(year: number, months: number): { month: string; year: number; months: number } | null {
  if (year < 2000 || year > 2100 || months < 1 || months > 12) return null;
  return { month: `${year}-${String(months).padStart(2, '0')}`, year, months };
}

function day(text: string, end: boolean): string | null | 'bad' {
  const t = text.trim();
  if (t === '') return null;
  const ymd = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (ymd) {
    const iso = `${ymd[1]}-${String(ymd[2]).padStart(2, '0')}-${String(ymd[3]).padStart(2, '0')}`;
    return isIsoDay(iso) ? iso : 'bad';
  }
  const ym = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
  if (ym) {
    const y = Number(ym[1]);
    const mo = Number(ym[2]);
    if (mo < 1 || mo > 12) return 'bad';
    return end ? lastDayOfMonth(y, mo) : `${y}-${String(mo).padStart(2, '0')}-01`;
  }
  return 'bad';
}

export function checkProjectRow(raw: Partial<Record<ProjectField, string>>, scale: HeaderMap['scale'], ctx: ProjectRowContext): ProjectRowResult {
  const errors: CellProblem[] = [];
  const warnings: CellProblem[] = [];
  const cell = (f: ProjectField) => (raw[f] ?? '').trim();
  for (const f of PROJECT_REQUIRED) if (cell(f) === '') errors.push({ field: f, message: 'required, empty' });

  const item = cell('item') === '' ? null : ctx.item(cell('item'));
  if (cell('item') !== '' && !item) errors.push({ field: 'item', message: `"${cell('item')}" is not a major project of this plan (give its key, e.g. p2-01, or its name as printed)` });
  const name = cell('name');
  if (item && name !== '' && name !== item.name) warnings.push({ field: 'name', message: `the plan names this project "${item.name}"; the plan's name is kept` });
  const code = cell('code') || null;
  if (code !== null && !PROJECT_CODE.test(code)) errors.push({ field: 'code', message: `"${code}" is not a project code of GB/T 40058-2021 (e.g. 2021-440305-70-01-012345)` });
  const regionCode = cell('district') === '' ? null : ctx.region(cell('district'));
  if (cell('district') !== '' && regionCode === null) errors.push({ field: 'district', message: `unknown district "${cell('district')}"` });
  const unit = cell('owner') === '' ? null : ctx.unit(cell('owner'));
  if (cell('owner') !== '' && !unit) errors.push({ field: 'owner', message: `unknown unit "${cell('owner')}" (units are listed at GET /api/units)` });
  const p = cell('period') === '' ? null : period(cell('period'));
  if (cell('period') !== '' && !p) errors.push({ field: 'period', message: `"${cell('period')}" is not a reporting period (2024-03, 2024年3月, 2024Q1, 2024年1-3月, 2024H1)` });

  const money: Partial<Record<ProjectField, number | null>> = {};
  for (const f of MONEY) {
    const t = cell(f).replace(/,/g, '');
    if (t === '') {
      money[f] = null;
      continue;
    }
    const v = /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
    if (!Number.isFinite(v)) errors.push({ field: f, message: `not a number: "${cell(f)}"` });
    else if (v < 0) errors.push({ field: f, message: `investment cannot be negative (${t})` });
    else money[f] = (scale[f] ?? 1) === 10000 ? shiftDecimal(v, -4) : v;
  }
  const phaseText = cell('phase');
  const phase = phaseText === '' ? null : (PHASES[phaseText] ?? null);
  if (phaseText !== '' && phase === null) errors.push({ field: 'phase', message: `"${phaseText}" is not a phase (前期, 新开工, 续建, 竣工投产)` });
  const dates: Record<'plannedStart' | 'actualStart' | 'plannedCompletion' | 'actualCompletion', string | null> = { plannedStart: null, actualStart: null, plannedCompletion: null, actualCompletion: null };
  for (const f of ['plannedStart', 'actualStart', 'plannedCompletion', 'actualCompletion'] as const) {
    const d = day(cell(f), f.endsWith('Completion'));
    if (d === 'bad') errors.push({ field: f, message: `not a date: "${cell(f)}" (2024-03-15 or 2024-03)` });
    else dates[f] = d;
  }
  if (dates.actualStart && dates.actualCompletion && dates.actualCompletion < dates.actualStart) errors.push({ field: 'actualCompletion', message: 'completed before it started' });
  if (p && dates.actualStart && dates.actualStart > lastDayOfMonth(p.year, p.months)) errors.push({ field: 'actualStart', message: `actual start ${dates.actualStart} is after the reporting period ${p.month}` });

  const total = money.totalInvestment ?? null;
  const ytd = money.ytdCompleted ?? null;
  const since = money.sinceStartCompleted ?? null;
  if (total !== null && since !== null && since > total) warnings.push({ field: 'sinceStartCompleted', message: `completed since start (${since}) exceeds the total investment (${total})` });
  else if (total !== null && ytd !== null && ytd > total) warnings.push({ field: 'ytdCompleted', message: `completed this year (${ytd}) exceeds the total investment (${total})` });
  if (since !== null && ytd !== null && ytd > since) warnings.push({ field: 'ytdCompleted', message: `completed this year (${ytd}) exceeds completed since start (${since})` });
  if (phase === 'completed' && dates.actualCompletion === null) warnings.push({ field: 'actualCompletion', message: '竣工投产 without an actual completion date' });

  if (errors.length > 0 || !item || !unit || !p || ytd === null) return { ok: false, errors };
  return {
    ok: true,
    warnings,
    draft: {
      itemKey: item.key, name: item.name, code, regionCode, unitId: unit.id, unitName: unit.name, month: p.month, year: p.year, monthsElapsed: p.months,
      totalInvestment: total, annualPlan: money.annualPlan ?? null, ytdCompleted: ytd, sinceStartCompleted: since, phase, ...dates,
      imageProgress: cell('imageProgress') || null, problems: cell('problems') || null,
    },
  };
}
