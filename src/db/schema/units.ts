/**
 * 计量单位: the units loaded into this database beyond the bundled catalogue (measurement-units/*.yaml, which ships with the
 * program and is read from its files): those of `plan-monitor units load FILE` and those plans declare. A unit
 * keeps its dimension and factor for good (figures were converted with them); names and aliases may be improved.
 */
import { sql } from 'drizzle-orm';
import { check, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Not `units`: that table holds supervision's organisational units (牵头单位, 配合单位).
export const measurementUnits = pgTable(
  'measurement_units',
  {
    /** The symbol written after a number (万标箱). */
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** What follows a number in English. */
    enShort: text('en_short').notNull(),
    dimension: text('dimension').notNull(),
    /** Size in the dimension's base unit, exact (NUMERIC, never floating point). */
    factor: numeric('factor').notNull(),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    /** Where it came from: a unit file's name, or plan:<id>. */
    source: text('source').notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('measurement_units_factor_check', sql`${t.factor} > 0`)],
);
