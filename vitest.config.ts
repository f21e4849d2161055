import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Tests run in UTC so that dates and periods never depend on the machine.
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The bundled unit catalogue's English labels, registered as the platform registers them when it starts.
    setupFiles: ['test/support/unitLabels.ts'],
  },
});
