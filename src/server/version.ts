import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package version, shown by /api/health and the OpenAPI document. */
export const version: string = (JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string }).version;
