import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/crash/**/*.test.ts', 'electron/**/*.test.ts'],
    // Integration tests spawn the real CLI many times per test (~1 s each on a loaded 2-core machine). This is
    // a guard against hangs, not a performance assertion: performance is measured by `npm run bench`.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { NODE_ENV: 'test' },
  },
});
