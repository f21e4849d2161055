/**
 * The layers' arrows point one way (docs/ARCHITECTURE.md). ESLint enforces the same for domain/; this test
 * makes the rule hold even where lint is not run, and covers the other layers too.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/paths';

const layers = ['domain', 'db', 'services', 'server', 'cli', 'reports', 'web', 'shared'] as const;
type Layer = (typeof layers)[number];

/** Which layers each layer may import (besides itself). */
const allowed: Record<Layer, Layer[]> = {
  domain: [],
  shared: ['domain'],
  db: ['domain'],
  services: ['domain', 'db'],
  // The server and the CLI deliver the reports (issue 7): they call into reports/, never the other way round.
  server: ['domain', 'services', 'shared', 'db', 'reports'],
  cli: ['domain', 'services', 'server', 'db', 'shared', 'reports'],
  reports: ['domain', 'services', 'shared'],
  web: ['shared'],
};
/** Packages domain/ may use: pure computation only. */
// polylabel: the pole of inaccessibility of a polygon (pure geometry; its one dependency is a priority queue).
const domainPackages = ['zod', 'polylabel'];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
}

function imports(source: string): string[] {
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe('layering', () => {
  it('every import goes in an allowed direction, and domain/ imports no package but pure ones', async () => {
    const violations: string[] = [];
    for (const layer of layers) {
      const dir = path.join(root, 'src', layer);
      for (const file of await sourceFiles(dir).catch(() => [])) {
        for (const spec of imports(await readFile(file, 'utf8'))) {
          const rel = path.relative(root, file);
          if (spec.startsWith('.')) {
            const target = path.relative(path.join(root, 'src'), path.resolve(path.dirname(file), spec)).split(path.sep)[0] as Layer;
            if (target !== layer && !allowed[layer].includes(target)) violations.push(`${rel} imports ${spec} (${layer} → ${target})`);
          } else if (layer === 'domain' && !domainPackages.some((p) => spec === p || spec.startsWith(`${p}/`)) && !file.endsWith('.test.ts')) {
            violations.push(`${rel} imports package ${spec}: domain/ must stay pure`);
          } else if (layer === 'domain' && file.endsWith('.test.ts') && !['vitest', 'fast-check', ...domainPackages].includes(spec)) {
            violations.push(`${rel} imports package ${spec}: domain tests stay pure too`);
          }
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('the checker itself catches a forbidden import', () => {
    expect(imports("import { readFile } from 'node:fs/promises';\nimport x from '../db/client';")).toEqual(['node:fs/promises', '../db/client']);
  });
});
