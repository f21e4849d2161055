/**
 * What an import row is checked against (domain/observation/row.ts RowContext), from the database: the indicator
 * catalogue, the unit catalogue (bundled, loaded and plans' units: the same one plan loading reads) and the
 * region registry, with names read within the import's scope (`within`: 广州市 makes 白云区 440111).
 */
import type { Db } from '../../db/client';
import { indicatorUnits } from '../../db/observations';
import type { RowContext } from '../../domain/observation/row';
import { err, ok, type Result } from '../../domain/result';
import { regionRegistryOf } from '../regions/registry';
import { unitCatalogueOf } from '../units/unitCatalogue';
import { concurrently } from '../../db/concurrently';

/**
 * The row context, or why the scope is not a region. `within` may be a code or a name.
 *
 * @example
 * const ctx = await rowContextOf(db, '广州市'); // ok: 白云区 reads as 440111
 */
export async function rowContextOf(db: Db, within: string | null = null): Promise<Result<RowContext>> {
  const [indicators, units, registry] = await concurrently(db, [() => indicatorUnits(db), () => unitCatalogueOf(db), () => regionRegistryOf(db)]);
  let scope: string | null = null;
  if (within !== null && within.trim() !== '') {
    const r = registry.resolve(within);
    if (!r.ok) return err(`scope (within): ${r.error}`);
    scope = r.value.code;
  }
  return ok({
    indicators,
    units,
    region: (text) => {
      const r = registry.resolve(text, { within: scope });
      if (r.ok) return ok(r.value.code);
      return err(scope === null && r.error.startsWith('ambiguous') ? `${r.error}, or import within a region (--within, or the within field)` : r.error);
    },
  });
}
