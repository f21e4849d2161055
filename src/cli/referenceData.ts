/**
 * `plan-monitor regions load|list` and `plan-monitor units load|list`: reference data as files, loaded into the
 * database the settings name (all or nothing, audited as the operator's).
 */
import path from 'node:path';
import type { Command } from 'commander';
import { listRegions } from '../db/regions';
import type { Region } from '../domain/region/region';
import type { MeasurementUnitDto } from '../shared/api';
import { SYSTEM } from '../services/access/audit';
import type { LoadBoundariesResult } from '../services/regions/boundaries';
import type { LoadRegionsResult } from '../services/regions/loadRegions';
import { loadRegionFiles } from '../services/regions/loadRegionFiles';
import { loadUnitFile, type LoadUnitsResult } from '../services/units/loadUnits';
import { unitCatalogueOf } from '../services/units/unitCatalogue';
import { onDatabase } from './target';
import { printTable, type OutputOptions } from './output';

/** Registry files (.yaml) and boundary files (.geojson), in the order given, in one transaction — directly, or by the running server. */
async function loadRegionsCommand(files: string[], opts: OutputOptions & { parent?: string }): Promise<void> {
  const paths = files.map((x) => path.resolve(x));
  const parent = opts.parent ?? null;
  const results = await onDatabase(
    (database) => loadRegionFiles(database, paths, { parent, who: SYSTEM }),
    (server) => server.json<Array<LoadRegionsResult | LoadBoundariesResult>>('POST', '/api/admin/regions/load', { files: paths, parent }),
  );
  printTable(
    results.map((r) =>
      'added' in r
        ? { file: r.source, what: 'regions', detail: `${r.added.length} added, ${r.updated.length} updated` }
        : { file: r.source, what: `boundaries of ${r.region}`, detail: `${r.regions.length} regions: ${r.regions.join(', ')}` },
    ),
    [['file', 'File'], ['what', 'Loaded'], ['detail', 'Detail']],
    opts,
    results,
  );
}

async function listRegionsCommand(opts: OutputOptions): Promise<void> {
  const regions = await onDatabase(
    (database) => listRegions(database.db),
    (server) => server.pages<Region>('/api/regions?limit=1000'),
  );
  printTable(
    regions.map((r) => ({ code: r.code, name: r.name.zh, level: r.level, kind: r.kind, parent: r.parentCode, validFrom: r.validFrom, validTo: r.validTo })),
    [['code', 'Code'], ['name', '名称'], ['level', 'Level'], ['kind', 'Kind'], ['parent', 'Parent'], ['validFrom', 'From'], ['validTo', 'To']],
    opts,
    regions,
  );
}

async function loadUnitsCommand(file: string, opts: OutputOptions): Promise<void> {
  const result = await onDatabase(
    (database) => loadUnitFile(database, path.resolve(file)),
    (server) => server.json<LoadUnitsResult>('POST', '/api/admin/units/load', { file: path.resolve(file) }),
  );
  printTable([{ file: path.basename(file), added: result.added, known: result.known }], [['file', 'File'], ['added', 'Added'], ['known', 'Already known']], opts, result);
}

async function listUnitsCommand(opts: OutputOptions): Promise<void> {
  const units = await onDatabase(
    async (database): Promise<Array<Pick<MeasurementUnitDto, 'symbol' | 'name' | 'dimension' | 'factor' | 'aliases'>>> =>
      (await unitCatalogueOf(database.db)).units.map((u) => ({ symbol: u.code, name: u.name, dimension: u.dimension, factor: u.factor, aliases: [...u.aliases] })),
    (server) => server.pages<MeasurementUnitDto>('/api/measurement-units?limit=1000'),
  );
  printTable(
    units.map((u) => ({ symbol: u.symbol, name: u.name.en, dimension: u.dimension, factor: u.factor, aliases: u.aliases })),
    [['symbol', 'Symbol'], ['name', 'Name'], ['dimension', 'Dimension'], ['factor', 'Factor'], ['aliases', 'Aliases']],
    opts,
    units,
  );
}

export function registerReferenceDataCommands(program: Command): void {
  const regions = program.command('regions').description('the region registry (行政区划) and region boundaries');
  regions
    .command('load')
    .description('load or extend the registry (YAML, docs/REGIONS.md) and region boundaries (GeoJSON of one region\'s subdivisions); all files in one transaction')
    .argument('<files...>', 'registry .yaml files and boundary .geojson files')
    .option('--parent <region>', 'for a .geojson: the region whose subdivisions it holds (default: the one its features share)')
    .option('--json', 'print JSON')
    .action((files: string[], o) => loadRegionsCommand(files, o));
  regions.command('list').description('list the registry').option('--json', 'print JSON').action((o) => listRegionsCommand(o));

  const units = program.command('units').description('the unit catalogue (计量单位)');
  units
    .command('load')
    .description('add the units of a file (docs/UNITS.md) to the catalogue; a known unit keeps its dimension and factor')
    .argument('<file>', 'unit .yaml file')
    .option('--json', 'print JSON')
    .action((file: string, o) => loadUnitsCommand(file, o));
  units.command('list').description('list the catalogue: bundled and loaded units').option('--json', 'print JSON').action((o) => listUnitsCommand(o));
}
