import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema/ into drizzle/ and applied by the same
// migrator on PGlite and on a PostgreSQL server. Landed migrations are never edited.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/*.ts',
  out: './drizzle',
});
