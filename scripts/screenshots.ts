/**
 * Screenshots of the desk as an editor sees it: the list with article 1 open in the reader and one paragraph
 * chosen, in light and dark, at 1280×800. Runs the real CLI and server in browser mode on a temporary desk.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/copydesk.js');
const outDir = join(root, 'docs/screenshots');

const dir = await mkdtemp(join(tmpdir(), 'copydesk-shots-'));
await new Promise((resolve) => spawn(process.execPath, [bin, 'import', 'seeds', '--db', dir], { cwd: root, stdio: 'ignore' }).on('exit', resolve));
const server = spawn(process.execPath, [bin, 'serve', '--db', dir, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve) => {
  let out = '';
  server.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /Copydesk is serving (\S+)/.exec(out);
    if (m) resolve(m[1]!);
  });
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    await page.goto(url);
    await page.getByRole('listbox', { name: /^Articles/ }).getByRole('option').first().click();
    await page.locator('.body p').nth(1).click();
    await page.locator('.source mark').waitFor();
    await page.waitForTimeout(200);
    const file = join(outDir, `desk-reader-${scheme}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
}
