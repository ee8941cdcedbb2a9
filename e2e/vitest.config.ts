import { defineConfig } from 'vitest/config';

// Browser tests: one worker (each spec starts its own server and chromium), long timeouts.
// Run after `npm run build`: npx vitest run --config e2e/vitest.config.ts
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
  },
});
