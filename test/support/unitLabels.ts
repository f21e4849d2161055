/**
 * Vitest setup: registers the bundled unit catalogue's labels, as every process of the platform does when it
 * reads the catalogue (services/units), so that domain tests format 亿元 as "100 million yuan" in English.
 */
import { bundledUnits } from '../../src/services/units/bundledUnits';

await bundledUnits();
