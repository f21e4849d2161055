/**
 * Plan indicators defined as aggregates of the enterprise database (enterprises/aggregate-indicators.yaml) become
 * figures of the indicator: for each year with enterprise figures, the aggregate is computed from the same cube the
 * industry dashboard publishes and imported through the figures import (checked, idempotent, a new vintage when the
 * value changes), marked as computed (source 重点行业企业数据库, origin enterprise-database:…). A year is skipped —
 * and said so — when its value would rest on a suppressed cell (it could undo the suppression) or on synthetic
 * enterprises (never mixed into a plan's figures unless asked for, e.g. in a demo).
 */
import type { Database } from '../../db/client';
import { figuresVintage, periodsWithFigures, syntheticShare, type CellQuery } from '../../db/enterprises/aggregates';
import { baseCells } from '../../db/enterprises/aggregates';
import { listRegions } from '../../db/regions';
import { determinedCells, primaryReason, suppress, type CellStats, type ConfidentialityRules } from '../../domain/confidentiality/suppression';
import { COMPUTED_ORIGIN_PREFIX, COMPUTED_SOURCE, type AggregateIndicator } from '../../domain/enterprise/aggregateIndicator';
import { buildCube, cellId } from '../../domain/enterprise/cube';
import type { AuditContext } from '../access/audit';
import { importRecords, type ImportReport } from '../import/importObservations';
import type { SourceRecord } from '../import/readCsv';
import { enterpriseConfig } from './config';
import { industryTrees } from './aggregates';

export interface MaterialisedYear {
  period: string;
  value: number | null;
  enterprises: number;
  /** Why the year is not written (null: written, or unchanged). */
  skipped: 'confidential' | 'synthetic' | null;
}

export interface MaterialiseReport {
  indicator: string;
  item: string;
  region: string;
  years: MaterialisedYear[];
  import: ImportReport | null;
}

export interface MaterialiseOptions {
  /** Who writes the computed figures: the signed-in writer, or the system named explicitly. */
  audit: AuditContext;
  /** Write values computed from synthetic enterprises too (a demo database); never the default. */
  allowSynthetic?: boolean;
  dryRun?: boolean;
  /** Only these indicators (default: every definition). */
  indicators?: readonly string[];
}

export async function materialiseAggregateIndicators(database: Database, rules: ConfidentialityRules, opts: MaterialiseOptions): Promise<MaterialiseReport[]> {
  const config = await enterpriseConfig();
  const trees = industryTrees(config, await listRegions(database.db));
  const out: MaterialiseReport[] = [];
  for (const d of config.aggregateIndicators.filter((x) => !opts.indicators || opts.indicators.includes(x.indicator))) {
    const item = config.items.find((i) => i.code === d.item);
    if (!item) throw new Error(`enterprises/aggregate-indicators.yaml: ${d.indicator} uses item ${d.item}, which enterprises/items.yaml does not define`);
    const years: MaterialisedYear[] = [];
    const rows: Array<{ period: string; value: number; count: number; vintage: string }> = [];
    for (const p of await periodsWithFigures(database.db, d.item)) {
      if (p.periodStart % 100 !== 1 || (d.periods === 'year' && p.periodEnd % 100 !== 12)) continue;
      const q: CellQuery = { itemCode: d.item, periodStart: p.periodStart, periodEnd: p.periodEnd, aboveDesignatedSize: d.aboveDesignatedSize };
      const period = p.periodEnd % 100 === 12 ? String(Math.floor(p.periodEnd / 100)) : `${Math.floor(p.periodEnd / 100)}-01~${String(p.periodEnd % 100).padStart(2, '0')}`;
      const result = await yearValue(database, d, q, trees, rules);
      const synthetic = (await syntheticShare(database.db, q)).synthetic > 0;
      const skipped = result.hidden ? 'confidential' : synthetic && !opts.allowSynthetic ? 'synthetic' : null;
      years.push({ period, value: skipped === 'confidential' ? null : result.value, enterprises: result.count, skipped });
      const vintage = await figuresVintage(database.db, q);
      if (!skipped && vintage && result.count > 0) rows.push({ period, value: result.value, count: result.count, vintage });
    }
    let report: ImportReport | null = null;
    if (rows.length > 0) {
      const header = ['indicator', 'region', 'period', 'value', 'unit', 'sourceKind', 'source', 'publisher', 'publishedDate', 'notes'];
      const scope = `${d.industries.join('、')}${d.excludeIndustries.length > 0 ? `（不含${d.excludeIndustries.join('、')}）` : ''}`;
      async function* records(): AsyncGenerator<SourceRecord> {
        yield { row: 1, cells: header };
        let row = 2;
        for (const r of rows) {
          yield {
            row: row++,
            cells: [d.indicator, d.region, r.period, String(r.value), item?.unit ?? '', 'bureau', COMPUTED_SOURCE.zh, '规划监测评估平台', r.vintage,
              `由${r.count}家${d.aboveDesignatedSize ? '规模以上' : ''}企业的${item?.name.zh ?? d.item}汇总（行业：${scope}；地区：${d.region}）`],
          };
        }
      }
      report = await importRecords(database, records(), {
        fileName: `${COMPUTED_ORIGIN_PREFIX}${d.indicator}`, format: 'json', dryRun: opts.dryRun === true, fileHash: async () => `${COMPUTED_ORIGIN_PREFIX}${d.indicator}`,
        audit: opts.audit,
      });
    }
    out.push({ indicator: d.indicator, item: d.item, region: d.region, years, import: report });
  }
  return out;
}

/**
 * The definition's value for one period from the cube: included industry nodes minus excluded ones, in its region.
 * Hidden when publishing it beside the public cube would let a suppressed cell be worked out: the value is added to
 * the cube's relations (Σ included = value + Σ excluded) and the same exact audit as the public tables' is run with
 * the public suppression pattern; the value must also pass the primary rules itself.
 */
async function yearValue(database: Database, d: AggregateIndicator, q: CellQuery, trees: ReturnType<typeof industryTrees>, rules: ConfidentialityRules): Promise<{ value: number; count: number; hidden: boolean }> {
  const cube = buildCube(await baseCells(database.db, q), trees);
  const { suppressed } = suppress(cube.cells, cube.relations, rules);
  const present = (codes: readonly string[]) => codes.map((c) => cellId(c, d.region)).filter((id) => cube.cells.has(id));
  const included = present(d.industries);
  const excluded = present(d.excludeIndustries);
  const sum = (ids: readonly string[], pick: (c: CellStats) => number) => ids.reduce((s, id) => s + pick(cube.cells.get(id) ?? { total: 0, count: 0, max: 0, absTotal: 0 }), 0);
  const value = Math.round((sum(included, (c) => c.total) - sum(excluded, (c) => c.total)) * 1e6) / 1e6;
  const count = sum(included, (c) => c.count) - sum(excluded, (c) => c.count);
  const max = Math.max(0, ...included.map((id) => cube.cells.get(id)?.max ?? 0));
  const absTotal = sum(included, (c) => c.absTotal) - sum(excluded, (c) => c.absTotal);
  if (primaryReason({ total: value, count, max, absTotal }, rules) !== null) return { value, count, hidden: true };
  // The value as one more published total: an auxiliary unknown Σ included = value + Σ excluded.
  const SUM = '#included';
  const VALUE = '#value';
  const relations = [...cube.relations, { total: SUM, parts: included }, { total: SUM, parts: [VALUE, ...excluded] }];
  const hidden = new Set([...suppressed.keys(), SUM]);
  const leaks = determinedCells(relations, hidden).filter((c) => c.cell !== SUM);
  return { value, count, hidden: leaks.length > 0 };
}
