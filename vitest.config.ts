import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    coverage: {
      provider: 'v8',
      include: ['src/core/**/*.ts'],
      reporter: ['text-summary', 'text'],
      // The orchestrator is proven code: every branch of src/core is exercised (issue 2).
      thresholds: { 'src/core/**/*.ts': { branches: 100, functions: 100, lines: 100, statements: 100 } },
    },
  },
});
