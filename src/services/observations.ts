/** Read and write use cases for figures (observations). */
import type { Database } from '../db/client';
import { getImportBatch, indicatorUnits, listObservations, type ObservationFilter } from '../db/observations';
import { importBatchRegions } from '../db/importBatchRegions';
import { listObservationsPage, type ObservationKey } from '../db/observationsPage';
import { listPlanIndicators } from '../db/plans';
import { FIELDS, type Field } from '../domain/observation/fields';
import type { Observation } from '../domain/observation/observation';
import type { ApprovalState } from '../domain/observation/approval';
import { deriveSinglePeriods, type DerivedFigure } from '../domain/observation/deriveSingle';
import { choosePreferred, type Preference } from '../domain/observation/preference';
import { isMoneyAmount } from '../domain/unit/kind';
import { unitCatalogueOf } from './units/unitCatalogue';
import { formatPeriod } from '../domain/period/format';
import { parsePeriod } from '../domain/period/parse';
import type { AuditContext } from './access/audit';
import { importRecords, type ImportReport } from './import/importObservations';
import type { SourceRecord } from './import/readCsv';
import { BadRequestError, NotFoundError } from './errors';

export interface FigureQuery {
  indicator?: string[] | undefined;
  region?: string[] | undefined;
  period?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  plan?: string | undefined;
  /** Approval states to read (absent = all); the route narrows it to what the asker may see. */
  state?: readonly ApprovalState[] | undefined;
  /** Figures not yet approved only in these regions (a reporter's own); absent = anywhere. */
  draftRegions?: readonly string[] | undefined;
}

/** Turns a query into a filter: periods are normalised (2023年 → 2023), bounds become year*100+month. */
export async function toFilter(database: Database, q: FigureQuery): Promise<ObservationFilter> {
  const filter: ObservationFilter = {};
  if (q.indicator) filter.indicatorCodes = q.indicator;
  if (q.region) filter.regionCodes = q.region;
  if (q.period) filter.periodCodes = q.period.map(normalisePeriod);
  if (q.from) filter.from = bound(q.from, 1);
  if (q.to) filter.to = bound(q.to, 12);
  if (q.state) filter.states = q.state;
  if (q.draftRegions) filter.draftRegions = q.draftRegions;
  if (q.plan) {
    const codes = (await listPlanIndicators(database.db, q.plan)).map((i) => i.code);
    if (codes.length === 0) throw new NotFoundError(`no plan with id "${q.plan}"`);
    filter.indicatorCodes = filter.indicatorCodes ? filter.indicatorCodes.filter((c) => codes.includes(c)) : codes;
  }
  return filter;
}

const bound = (text: string, month: number) => (text.length === 4 ? Number(text) * 100 + month : Number(text.slice(0, 4)) * 100 + Number(text.slice(5, 7)));

function normalisePeriod(text: string): string {
  const p = parsePeriod(text);
  if (!p.ok) throw new BadRequestError(p.error);
  return formatPeriod(p.value);
}

export const observationsService = {
  async list(database: Database, q: FigureQuery): Promise<Observation[]> {
    return listObservations(database.db, await toFilter(database, q));
  },

  /** One page of figures, from the key after which it starts (the API pages every list). */
  async page(database: Database, q: FigureQuery, page: { limit: number; after?: ObservationKey | undefined }) {
    return listObservationsPage(database.db, await toFilter(database, q), page);
  },

  /** Every figure for one indicator, region and period, ranked by the preference rule, with reasons. */
  async candidates(database: Database, q: { indicator: string; region: string; period: string; asOf?: string | undefined; states: readonly ApprovalState[] }): Promise<Preference> {
    const figures = await listObservations(database.db, { indicatorCodes: [q.indicator], regionCodes: [q.region], periodCodes: [normalisePeriod(q.period)], states: q.states });
    return choosePreferred(figures, q.asOf ?? null);
  },

  /** Figures entered by hand or by a program, checked exactly as an imported file is (one transaction). */
  async post(
    database: Database,
    figures: ReadonlyArray<Partial<Record<Field, string | number>>>,
    dryRun: boolean,
    access: { mayWriteRegion?: (regionCode: string) => boolean; audit: AuditContext; approve?: boolean; within?: string | null },
  ): Promise<ImportReport> {
    async function* records(): AsyncGenerator<SourceRecord> {
      yield { row: 1, cells: [...FIELDS] };
      let row = 2;
      for (const f of figures) yield { row: row++, cells: FIELDS.map((k) => (f[k] === undefined ? '' : String(f[k]))) };
    }
    return importRecords(database, records(), { fileName: 'api', format: 'json', dryRun, fileHash: async () => 'api', ...access });
  },

  /**
   * Single quarters and months derived from cumulative figures, for a flow indicator (money amounts). A rate or a
   * share is refused: differences of cumulative rates mean nothing.
   */
  async derived(database: Database, q: { indicator: string; region: string; asOf?: string | undefined; states: readonly ApprovalState[] }): Promise<DerivedFigure[]> {
    const unit = (await indicatorUnits(database.db)).get(q.indicator);
    if (!unit) throw new NotFoundError(`no indicator "${q.indicator}"`);
    if (unit.isShare || !isMoneyAmount(unit.unit, await unitCatalogueOf(database.db))) {
      throw new BadRequestError(`${q.indicator} is measured in ${unit.unit}: only amounts that add up over time (亿元, 亿美元 …) can be differenced into single periods`);
    }
    const figures = await listObservations(database.db, { indicatorCodes: [q.indicator], regionCodes: [q.region], states: q.states });
    return deriveSinglePeriods(figures, q.asOf ?? null);
  },

  /** An import batch and its report; a reader scoped to regions sees only batches of its regions' figures. */
  async batch(database: Database, id: number, regions?: readonly string[]) {
    const batch = await getImportBatch(database.db, id);
    const inScope = async () => !regions || (await importBatchRegions(database.db, id)).every((r) => regions.includes(r));
    if (!batch || !(await inScope())) throw new NotFoundError(`no import batch ${id}`);
    return batch;
  },
};
