import { defineConfig } from '@playwright/test';

/**
 * The Electron specs (`npm run test:electron`): they launch the built app through Playwright's `_electron`, so
 * they need an Electron binary and a display (xvfb-run on a headless Linux box). Kept apart from the browser
 * e2e config, which runs everywhere.
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/electron',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Each test has its own desk and profile, but every instance is a whole Chromium; two at a time is plenty.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report/electron' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
