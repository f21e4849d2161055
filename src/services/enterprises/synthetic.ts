/**
 * Synthetic enterprise files: the generator's enterprises as an enterprise file in our template (a registry part —
 * one row per dated version, 合成数据 = 是 — and a figure part), written to disk (`plan-monitor enterprises
 * generate`) or streamed straight into the import (the sample `npm start` loads).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { z } from 'zod';
import { ENTERPRISE_HEADERS, type EnterpriseField } from '../../domain/enterprise/fields';
import { SIZE_CLASS_LABELS } from '../../domain/enterprise/size';
import { syntheticEnterprises, syntheticFigures, type SyntheticEnterprise, type SyntheticItem, type SyntheticOptions } from '../../domain/enterprise/synthetic/generate';
import type { Region } from '../../domain/region/region';
import type { SourceRecord } from '../import/readCsv';
import type { EnterpriseConfig } from './config';

const REGISTRY_FIELDS: EnterpriseField[] = ['uscc', 'name', 'industry', 'region', 'aboveDesignatedSize', 'sizeClass', 'openedOn', 'closedOn', 'validFrom', 'keyLists', 'synthetic'];
const FIGURE_FIELDS: EnterpriseField[] = ['uscc', 'period', 'item', 'value'];

/** District weights: a district's share of the city's enterprises (Shenzhen-like; the functional areas are small). */
const DISTRICT_WEIGHTS: Readonly<Record<string, number>> = {
  '440303': 10, '440304': 18, '440305': 20, '440306': 15, '440307': 12, '440308': 3, '440309': 10, '440310': 3, '440311': 4, '440300-DP': 1, '440300-SS': 1,
};

/** The districts in force today, weighted (unknown ones weigh 5). */
export function districtWeights(regions: readonly Region[]): Array<[string, number]> {
  return regions.filter((r) => r.level !== 'city' && r.validTo === null).map((r) => [r.code, DISTRICT_WEIGHTS[r.code] ?? 5]);
}

export function syntheticOptions(config: EnterpriseConfig, regions: readonly Region[], o: { seed: number; enterprises: number; from: number; to: number; items?: readonly SyntheticItem[] }): SyntheticOptions {
  return {
    ...o,
    regions: districtWeights(regions),
    industries: config.industries,
    thresholds: config.thresholds,
    keyLists: config.keyLists.some((l) => l.code === 'SZ14-DIGITAL') ? [{ code: 'SZ14-DIGITAL', divisions: ['63', '64', '65'], size: Math.max(3, Math.round(o.enterprises / 40)) }] : [],
  };
}

function registryCells(e: SyntheticEnterprise): string[][] {
  return e.versions.map((v) => [
    e.uscc, v.name, v.industryCode, v.regionCode, v.aboveDesignatedSize ? '是' : '否', v.sizeClass ? SIZE_CLASS_LABELS[v.sizeClass].zh : '', v.openedOn, v.closedOn ?? '', v.validFrom, v.keyLists.join(';'), '是',
  ]);
}

/** The whole synthetic file as records: header, registry rows, then figure rows (the long layout's two parts). */
export async function* syntheticRecords(enterprises: readonly SyntheticEnterprise[], items?: readonly SyntheticItem[], seed = 0): AsyncGenerator<SourceRecord> {
  const fields = [...REGISTRY_FIELDS, ...FIGURE_FIELDS.slice(1)];
  yield { row: 1, cells: fields.map((f) => ENTERPRISE_HEADERS[f]) };
  let row = 2;
  const blankFigure = FIGURE_FIELDS.slice(1).map(() => '');
  for (const e of enterprises) for (const cells of registryCells(e)) yield { row: row++, cells: [...cells, ...blankFigure] };
  const blankRegistry = REGISTRY_FIELDS.slice(1).map(() => '');
  for (const e of enterprises) {
    for (const f of syntheticFigures(e, items, seed)) yield { row: row++, cells: [f.uscc, ...blankRegistry, f.period, f.item, String(f.value)] };
  }
}

/** Writes the registry (enterprises.csv) and the figures (figures.csv) of a synthetic population; returns row counts. */
export async function writeSyntheticFiles(dir: string, enterprises: readonly SyntheticEnterprise[], items?: readonly SyntheticItem[], seed = 0): Promise<{ registry: string; figures: string; registryRows: number; figureRows: number }> {
  const registry = path.join(dir, 'enterprises.csv');
  const figures = path.join(dir, 'figures.csv');
  let registryRows = 0;
  let figureRows = 0;
  await writeLines(registry, (function* () {
    yield REGISTRY_FIELDS.map((f) => ENTERPRISE_HEADERS[f]);
    for (const e of enterprises) for (const cells of registryCells(e)) {
      registryRows++;
      yield cells;
    }
  })());
  await writeLines(figures, (function* () {
    yield FIGURE_FIELDS.map((f) => ENTERPRISE_HEADERS[f]);
    for (const e of enterprises) for (const f of syntheticFigures(e, items, seed)) {
      figureRows++;
      yield [f.uscc, f.period, f.item, String(f.value)];
    }
  })());
  return { registry, figures, registryRows, figureRows };
}

async function writeLines(file: string, rows: Iterable<string[]>): Promise<void> {
  const out = createWriteStream(file);
  // A UTF-8 byte-order mark, so that Excel on a Chinese Windows opens the file as UTF-8.
  out.write('\uFEFF');
  let chunk: string[] = [];
  for (const cells of rows) {
    chunk.push(cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
    if (chunk.length >= 5000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  out.write(chunk.length > 0 ? `${chunk.join('\n')}\n` : '');
  out.end();
  await once(out, 'finish');
}

/** enterprises/sample.yaml: what the start-up sample is made of. */
export const sampleSchema = z
  .object({
    seed: z.number().int(),
    enterprises: z.number().int().min(1).max(10_000),
    from: z.string().regex(/^\d{4}-\d{2}$/),
    to: z.string().regex(/^\d{4}-\d{2}$/),
    items: z.array(z.enum(['REVENUE', 'PROFIT', 'PAYROLL', 'EMPLOYEES', 'RD_EXP', 'TAXES', 'ASSETS'])).min(1),
  })
  .strict();

export const monthNumber = (text: string): number => Number(text.slice(0, 4)) * 100 + Number(text.slice(5, 7));

export { syntheticEnterprises };
