/**
 * The database schema (PostgreSQL), one file per area. Migrations in drizzle/ are generated from these files by
 * drizzle-kit and applied unchanged on PGlite and on a PostgreSQL server. Names follow docs/GLOSSARY.md.
 *
 * Values are NUMERIC, never floating point: a published figure such as 17190.4 must come back as printed.
 * A new area adds its own file here and one `export *` line below.
 */
export * from './plans';
export * from './observations';
export * from './access';
export * from './enterprises';
export * from './units';
export * from './boundaries';
export * from './supervision';
export * from './quality';
export * from './prosperity';
