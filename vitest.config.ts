import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests and process-level CLI tests can take a few seconds each on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
