import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { runCli } from '../integration/run-cli.js';
import { serveDesk } from '../support/serve-desk.js';

export interface Desk {
  dir: string;
  url: string;
  port: number;
  token: string;
}

/** Every test gets its own temporary desk with the bundled seeds, and its own server. */
export const test = base.extend<{ desk: Desk; seedPaths: string[] }>({
  seedPaths: [['seeds'], { option: true }],
  desk: async ({ seedPaths }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-'));
    const imported = await runCli(['import', ...seedPaths, '--db', dir, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const { child, url, token, exited } = await serveDesk(dir);
    const port = Number(new URL(url).port);
    try {
      await use({ dir, url, port, token });
    } finally {
      child.kill('SIGTERM');
      // The page is still open while this runs, and an event stream it reopens while the server is closing
      // can hold the close open; after a grace period stop the server hard (its desk is thrown away anyway).
      const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(hard);
      await rm(dir, { recursive: true, force: true });
    }
  },
});

export { expect };

export const HEADLINE_1 = 'Putin, North Korea’s Kim in phone call ahead of Alaska summit';
export const HEADLINE_2 = 'Pakistan, Afghanistan exchange heavy fire along border, officials say';

/** The article rows (not the filter bar's <option>s, which share the role). */
export const rows = (page: import('@playwright/test').Page) => page.getByRole('listbox', { name: /^Articles/ }).getByRole('option');
