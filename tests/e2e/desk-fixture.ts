import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { BIN, REPO, runCli } from '../integration/run-cli.js';

export interface Desk {
  dir: string;
  url: string;
  port: number;
  token: string;
}

/** Starts the real `copydesk serve` on a desk and resolves with the URL line it prints. */
export async function serve(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', dir, '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in time: ${out}${err}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Copydesk is serving (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { child, url };
}

/** Every test gets its own temporary desk with the bundled seeds, and its own server. */
export const test = base.extend<{ desk: Desk; seedPaths: string[] }>({
  seedPaths: [['seeds'], { option: true }],
  desk: async ({ seedPaths }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-'));
    const imported = await runCli(['import', ...seedPaths, '--db', dir, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const { child, url } = await serve(dir);
    const port = Number(new URL(url).port);
    const token = url.split('#token=')[1]!;
    try {
      await use({ dir, url, port, token });
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      // The page is still open while this runs, and an event stream it reopens while the server is closing
      // can hold the close open; after a grace period stop the server hard (its desk is thrown away anyway).
      const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
      if (child.exitCode === null && child.signalCode === null) await exited;
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
