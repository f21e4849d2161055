/**
 * Test fixture: a unit catalogue for the domain's own tests, which cannot read measurement-units/units.yaml (the domain does
 * no I/O). Each unit here is copied from the bundled catalogue, and test/units.test.ts checks that they agree.
 * Used only by *.test.ts files.
 */
import { createUnitCatalogue } from './catalogue';
import type { Unit } from './units';

const unit = (code: string, dimension: string, factor: string, en: string, enShort: string, aliases: string[] = [], zh = code): Unit => ({
  code,
  name: { zh, en },
  enShort,
  dimension,
  factor,
  aliases,
});

export const FIXTURE_UNITS: readonly Unit[] = [
  unit('元', 'currency:CNY', '1', 'yuan (CNY)', 'yuan', ['cny', 'rmb', 'yuan']),
  unit('万元', 'currency:CNY', '10000', '10,000 yuan (CNY)', '10,000 yuan'),
  unit('亿元', 'currency:CNY', '100000000', '100 million yuan (CNY)', '100 million yuan'),
  unit('万亿元', 'currency:CNY', '1000000000000', 'trillion yuan (CNY)', 'trillion yuan'),
  unit('美元', 'currency:USD', '1', 'US dollars (USD)', 'US dollars', ['usd', 'us$']),
  unit('万美元', 'currency:USD', '10000', '10,000 US dollars (USD)', '10,000 US dollars'),
  unit('亿美元', 'currency:USD', '100000000', '100 million US dollars (USD)', '100 million US dollars'),
  unit('元/人', 'currency:CNY/person', '1', 'yuan per person', 'yuan per person'),
  unit('万元/人', 'currency:CNY/person', '10000', '10,000 yuan per person', '10,000 yuan per person'),
  unit('%', 'percent', '1', 'percent', '%', ['percent'], '百分比'),
  unit('个百分点', 'percentage_point', '1', 'percentage points', 'percentage points', ['百分点', 'pp', 'p.p.', 'percentage point', 'percentage points']),
  unit('个', 'count', '1', 'number (个)', 'units'),
  unit('家', 'count', '1', 'number of establishments (家)', 'establishments'),
  unit('项', 'count', '1', 'number of items (项)', 'items'),
  unit('人', 'persons', '1', 'persons', 'persons', ['persons']),
  unit('万人', 'persons', '10000', '10,000 persons', '10,000 persons'),
  unit('微克/立方米', 'concentration:ug/m3', '1', 'micrograms per cubic metre', 'μg/m³', ['μg/m3', 'ug/m3']),
  unit('吨', 'mass', '1', 'tonnes', 'tonnes', ['t', 'tonnes']),
  unit('万吨', 'mass', '10000', '10,000 tonnes', '10,000 tonnes'),
  unit('万标箱', 'containers', '10000', '10,000 TEU', '10,000 TEU', ['万标准箱', '万teu'], '万标准箱'),
  unit('亿件', 'parcels', '100000000', '100 million parcels', '100 million parcels'),
  unit('千克/元', 'mass/currency:CNY', '1', 'kilograms per yuan', 'kg per yuan', ['公斤/元']),
  unit('吨/万元', 'mass/currency:CNY', '0.1', 'tonnes per 10,000 yuan', 'tonnes per 10,000 yuan'),
];

/** The fixture as a catalogue. */
export const FIXTURE_CATALOGUE = createUnitCatalogue(FIXTURE_UNITS);
