// Lint: typescript-eslint's recommended rules, plus the one architectural rule the brief insists on:
// domain/ is pure and imports nothing outside itself (no I/O, no Node, no outer layer).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const outerLayers = ['db', 'services', 'server', 'cli', 'reports', 'web'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'var/**', '.cache/**', 'drizzle/**', 'src/web/public/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: outerLayers.flatMap((l) => [`../${l}/*`, `../../${l}/*`, `../../../${l}/*`, `**/${l}/*`]), message: 'domain/ must not import an outer layer.' },
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'child_process', 'os', 'pg', '@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*', 'fastify', '@fastify/*', 'react', 'react-dom'], message: 'domain/ is pure: no I/O, Node built-ins, database, HTTP or DOM libraries.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', fetch: 'readonly', performance: 'readonly', document: 'readonly' } },
  },
);
