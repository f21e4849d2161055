/**
 * Checks one import row and turns it into a figure ready to store, or lists every cell that is wrong (column and
 * reason). Pure: the indicator catalogue, the unit catalogue and the region registry come in through `RowContext`.
 */
import { formatPeriod } from '../period/format';
import type { Result } from '../result';
import { parsePeriod } from '../period/parse';
import { monthRange, type Period } from '../period/period';
import type { UnitCatalogue } from '../unit/catalogue';
import { convertValue } from '../unit/convert';
import type { Unit } from '../unit/units';
import type { Field } from './fields';
import type { Observation } from './observation';
import type { ObservationStatus, Precision, PriceBasis, SourceKind } from './terms';
import { classifySource } from './classifySource';
import { inferPrecision, parsePrecision } from './precision';
import { latestReleaseDate } from './releaseCalendar';
import { parsePriceBasis, parseSourceKind, parseStatus } from './words';

export interface RowContext {
  /** Indicator catalogue by code: its unit, and whether it is a share (0–100 %). */
  indicators: ReadonlyMap<string, { unit: string; isShare: boolean }>;
  /** The unit catalogue figures are read and converted in (the database's: bundled, loaded and plans' units). */
  units: UnitCatalogue;
  /**
   * The region code a cell means: a code, a name (深圳市, 南山区) or a name after its parent's (广州市白云区), read
   * within the import's scope; else why not (unknown, or ambiguous with the candidates).
   */
  region(text: string): Result<string>;
}

/** A checked figure before it is stored: everything a stored figure has, but its identity and provenance. */
export type ObservationDraft = Omit<Observation, 'id' | 'enteredAt' | 'origin' | 'supersededBy' | 'derivation' | 'approval'> & { period: Period };

export interface CellError {
  field: Field | null;
  message: string;
}

export type RawRow = Partial<Record<Field, string>>;

/** Largest magnitude accepted: far above any real figure in 元, and far below where doubles lose integers. */
export const MAX_ABS_VALUE = 1e15;
const MISSING = new Set(['', '-', '—', '–', '－', '——', '...', '…', 'NA', 'N/A', 'n/a', '/']);

/**
 * The readers of the cells whose values repeat down a file (period, unit, the vocabulary words, dates): a file of
 * a million figures has a few hundred distinct periods and a handful of units and words. `createRowChecker` reads
 * each distinct text once; `checkRow` reads every cell afresh. Both run the same checks, so both say the same.
 */
interface CellReaders {
  period(text: string): Result<{ period: Period; code: string }>;
  unit(text: string): Result<Unit>;
  priceBasis(text: string): Result<PriceBasis | null>;
  status(text: string): Result<ObservationStatus | null>;
  sourceKind(text: string): Result<SourceKind | null>;
  classifySource(text: string): SourceKind;
  precision(text: string): Result<Precision | null>;
  publishedDate(cell: string, source: string, periodText: string, period: Period, kind: SourceKind): PublishedDate;
}

type PublishedDate = { ok: true; value: { date: string; estimated: boolean } } | { ok: false; error: string };
type CheckResult = { ok: true; draft: ObservationDraft } | { ok: false; errors: CellError[] };

const readPeriod = (text: string): Result<{ period: Period; code: string }> => {
  const p = parsePeriod(text);
  return p.ok ? { ok: true, value: { period: p.value, code: formatPeriod(p.value) } } : p;
};

const plainReaders = (units: UnitCatalogue): CellReaders => ({
  period: readPeriod,
  unit: (text) => units.parse(text),
  priceBasis: parsePriceBasis,
  status: parseStatus,
  sourceKind: parseSourceKind,
  classifySource,
  precision: parsePrecision,
  publishedDate: (cell, source, _periodText, period, kind) => publishedDate(cell, source, period, kind),
});

export function checkRow(raw: RawRow, ctx: RowContext): CheckResult {
  return checkRowWith(raw, ctx, plainReaders(ctx.units));
}

/** Distinct texts remembered per reader; past this the memory is cleared and filled again (bounded memory). */
const MEMO_LIMIT = 10_000;

function memo<R>(read: (text: string) => R): (text: string) => R {
  const seen = new Map<string, R>();
  return (text) => {
    let r = seen.get(text);
    if (r === undefined) {
      r = read(text);
      if (seen.size >= MEMO_LIMIT) seen.clear();
      seen.set(text, r);
    }
    return r;
  };
}

/**
 * A row checker for one import: the same checks and messages as `checkRow`, but each distinct period, unit,
 * word and date text is read once (the per-row work is the number cell and the lookups). The results it hands out
 * share their period objects between rows: treat them as read-only.
 */
export function createRowChecker(ctx: RowContext): (raw: RawRow) => CheckResult {
  const dates = new Map<string, PublishedDate>();
  const readers: CellReaders = {
    period: memo(readPeriod),
    unit: memo((text) => ctx.units.parse(text)),
    priceBasis: memo(parsePriceBasis),
    status: memo(parseStatus),
    sourceKind: memo(parseSourceKind),
    classifySource: memo(classifySource),
    precision: memo(parsePrecision),
    publishedDate(cell, source, periodText, period, kind) {
      // The source and kind matter only when the date cell is empty (a date may be read from the source's text,
      // else the release calendar of that kind of publication gives it).
      const key = `${cell}\u0000${periodText}\u0000${cell === '' ? `${source}\u0000${kind}` : ''}`;
      let r = dates.get(key);
      if (r === undefined) {
        r = publishedDate(cell, source, period, kind);
        if (dates.size >= MEMO_LIMIT) dates.clear();
        dates.set(key, r);
      }
      return r;
    },
  };
  const memoCtx: RowContext = { indicators: ctx.indicators, units: ctx.units, region: memo((text: string) => ctx.region(text)) };
  return (raw) => checkRowWith(raw, memoCtx, readers);
}

function checkRowWith(raw: RawRow, ctx: RowContext, read: CellReaders): CheckResult {
  const errors: CellError[] = [];
  const cell = (f: Field) => (raw[f] ?? '').trim();
  const fail = (field: Field | null, message: string) => errors.push({ field, message });

  const indicatorCode = cell('indicator');
  const indicator = ctx.indicators.get(indicatorCode);
  if (indicatorCode === '') fail('indicator', 'indicator code is missing');
  else if (!indicator) fail('indicator', `unknown indicator "${indicatorCode}" (not in the indicator catalogue)`);

  const regionText = cell('region');
  const region = regionText === '' ? null : ctx.region(regionText);
  const regionCode = region?.ok ? region.value : null;
  if (region === null) fail('region', 'region is missing');
  else if (!region.ok) fail('region', `${region.error} (give a GB/T 2260 code or a name such as 深圳市, 南山区)`);

  const periodText = cell('period');
  const periodResult = read.period(periodText);
  if (!periodResult.ok) fail('period', periodResult.error);

  const value = parseNumber(cell('value'));
  if (!value.ok) fail('value', value.error);

  const unitText = cell('unit');
  const unit = read.unit(unitText);
  if (!unit.ok) fail('unit', unit.error);

  let valueStd: number | null = null;
  if (value.ok && unit.ok && indicator) {
    const indicatorUnit = read.unit(indicator.unit);
    const converted = indicatorUnit.ok
      ? convertValue(value.value, unit.value, indicatorUnit.value)
      : { ok: false as const, error: `the indicator's own unit is not in the unit catalogue (${indicatorUnit.error})` };
    if (!converted.ok) fail('unit', `${converted.error} (indicator ${indicatorCode} is in ${indicator.unit})`);
    else {
      valueStd = converted.value;
      if (indicator.isShare && (valueStd < 0 || valueStd > 100)) fail('value', `a share must lie between 0 and 100 %, not ${value.value}`);
    }
  }

  const priceBasis = read.priceBasis(cell('priceBasis'));
  if (!priceBasis.ok) fail('priceBasis', priceBasis.error);
  const statusCell = read.status(cell('status'));
  if (!statusCell.ok) fail('status', statusCell.error);
  const kindCell = read.sourceKind(cell('sourceKind'));
  if (!kindCell.ok) fail('sourceKind', kindCell.error);

  const source = cell('source');
  if (source === '') fail('source', 'source is missing: say where the figure was published');
  // The publication's own title and publisher say what kind it is; where the text was read (readAt) never does.
  const sourceKind = (kindCell.ok ? kindCell.value : null) ?? read.classifySource(`${source} ${cell('publisher')}`);
  const precisionCell = read.precision(cell('precision'));
  if (!precisionCell.ok) fail('precision', precisionCell.error);

  const period = periodResult.ok ? periodResult.value.period : null;
  const periodCode = periodResult.ok ? periodResult.value.code : null;
  const dateText = `${source} ${cell('readAt')}`;
  const published = period ? read.publishedDate(cell('publishedDate'), dateText, periodText, period, sourceKind) : null;
  if (published && !published.ok) fail('publishedDate', published.error);

  if (errors.length > 0 || !indicator || regionCode === null || !period || periodCode === null || !value.ok || !unit.ok || valueStd === null || !published?.ok) {
    return { ok: false, errors };
  }
  const text = (f: Field) => (cell(f) === '' ? null : cell(f));
  return {
    ok: true,
    draft: {
      indicatorCode,
      regionCode,
      period,
      periodCode,
      value: value.value,
      unit: unit.value.code,
      valueStd,
      priceBasis: priceBasis.ok ? priceBasis.value : null,
      status: (statusCell.ok ? statusCell.value : null) ?? inferStatus(cell('indicatorName'), cell('notes')),
      sourceKind,
      source: { publication: source, publisher: text('publisher'), link: text('link'), readAt: text('readAt') },
      precision: (precisionCell.ok ? precisionCell.value : null) ?? inferPrecision(value.value, cell('quote')),
      quote: text('quote'),
      notes: text('notes'),
      publishedDate: published.value.date,
      publishedDateEstimated: published.value.estimated,
    },
  };
}

/**
 * A plain decimal number (thousands separators allowed). Missing-value marks (—, -, …) and words are errors:
 * a figure is never guessed from "约2600" or "突破2600".
 */
export function parseNumber(text: string): { ok: true; value: number } | { ok: false; error: string } {
  if (MISSING.has(text)) return { ok: false, error: text === '' ? 'value is missing' : `value is missing ("${text}" marks no figure): give the number or leave the row out` };
  const plain = text.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(plain)) {
    return { ok: false, error: `not a number: "${text.length > 40 ? `${text.slice(0, 40)}…` : text}" (write the figure alone, e.g. 2600 or 17190.4)` };
  }
  const n = Number(plain);
  if (!Number.isFinite(n) || Math.abs(n) > MAX_ABS_VALUE) return { ok: false, error: `value ${text} is out of range (at most ${MAX_ABS_VALUE} in absolute value)` };
  return { ok: true, value: n };
}

/**
 * The vintage date: the published-date cell; else an ISO date written in the source or where it was read (e.g.
 * "…统计公报 (2023-05-08)") when it falls after the period (an earlier date in a source is usually something else,
 * e.g. a page id); else the latest date the release calendar allows for the period and kind of publication
 * (releaseCalendar.ts) — conservative, so an evaluation as of a date never uses a figure that could not have been
 * known then — flagged as estimated.
 */
function publishedDate(cell: string, source: string, period: Period, kind: SourceKind): { ok: true; value: { date: string; estimated: boolean } } | { ok: false; error: string } {
  const { start, end } = monthRange(period);
  const startMonth = `${start.year}-${String(start.month).padStart(2, '0')}`;
  const afterEnd = end.month === 12 ? `${end.year + 1}-01-01` : `${end.year}-${String(end.month + 1).padStart(2, '0')}-01`;
  if (cell !== '') {
    const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(cell);
    const iso = m ? `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}` : null;
    if (!iso || !isRealDate(iso)) return { ok: false, error: `not a date: "${cell}" (write 2023-05-08 or 2023年5月8日)` };
    // An estimate (预计) may appear before its period ends, but no figure before its period begins.
    if (iso < startMonth) return { ok: false, error: `published ${iso}, before the period began: check the date or the period` };
    return { ok: true, value: { date: iso, estimated: false } };
  }
  for (const m of source.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) {
    const iso = m[0];
    if (isRealDate(iso) && iso >= afterEnd.slice(0, 7)) return { ok: true, value: { date: iso, estimated: false } };
  }
  return { ok: true, value: { date: latestReleaseDate(period, kind), estimated: true } };
}

/** A calendar date that exists: 2023-02-30 parses in JavaScript (as 2 March) but is no date. */
function isRealDate(iso: string): boolean {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === iso;
}

/**
 * When no status is given: a name or note saying 预计 makes an estimate, 初步/initial/preliminary a preliminary
 * figure; otherwise the figure is taken as final. 修订 (revised) is never inferred: only a figure that revises an
 * earlier release is one, and a note such as "initial value, later revised" speaks of another figure — a revision
 * says so in its status cell.
 */
export function inferStatus(name: string, notes: string): ObservationStatus {
  const text = `${name} ${notes}`;
  if (/预计|estimate/i.test(text)) return 'estimate';
  if (/初步|initial|preliminary/i.test(text)) return 'preliminary';
  return 'final';
}
