/** The version printed by `plan-monitor --version`: package.json's, read from the project root. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../services/settings';

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
