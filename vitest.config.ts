import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'electron/**/*.test.ts'],
    // Integration tests spawn the real CLI; two cores are shared with tsc and eslint in CI.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    env: { NODE_ENV: 'test' },
  },
});
