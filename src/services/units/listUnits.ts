/** The unit catalogue as pages (GET /api/measurement-units): catalogue order, a page after the cursor's symbol. */
import type { Database } from '../../db/client';
import type { Unit } from '../../domain/unit/units';
import { BadRequestError } from '../errors';
import { unitCatalogueOf } from './unitCatalogue';

export async function listUnits({ db }: Database, page: { limit: number; cursor?: string | undefined }): Promise<{ items: Unit[]; nextCursor: string | null }> {
  const { units } = await unitCatalogueOf(db);
  const start = page.cursor === undefined ? 0 : units.findIndex((u) => u.code === page.cursor) + 1;
  if (start === 0 && page.cursor !== undefined) throw new BadRequestError(`cursor "${page.cursor}" is not a unit of the catalogue`);
  const items = units.slice(start, start + page.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: start + page.limit < units.length && last ? last.code : null };
}
