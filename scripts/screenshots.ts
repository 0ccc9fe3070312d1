/**
 * Screenshots of the desk as an editor sees it, at 1280×800: the list with article 1 open in the reader and one
 * paragraph chosen, in light and dark; article 1 with a paragraph corrected and the diff view open; and both
 * articles selected and tagged from the bulk bar; and article 1's fact-check with a claim ruled true; then a bundle of
 * both articles in the bundles panel, and the export dialog with its preview and after the export. Runs the real
 * CLI and server in browser mode on a temporary desk.
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

/** `npm run screenshots -- --only export-dialog.png,bundles-panel.png` rewrites just those files. */
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg === -1 ? null : new Set((process.argv[onlyArg + 1] ?? '').split(',').filter(Boolean));

async function shot(page: import('playwright-core').Page, name: string): Promise<void> {
  if (only && !only.has(name)) return;
  const file = join(outDir, name);
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
}

/** Set-up the pictures need but do not show, through the same API and token as the page. */
async function callApi(method: string, input: unknown): Promise<unknown> {
  const res = await fetch(new URL(`/api/${method}`, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${url.split('#token=')[1]}` },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

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
    // Clicking may have nudged the reader down to reach the paragraph; show it from its top bar.
    await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, 0));
    await page.waitForTimeout(200);
    await shot(page, `desk-reader-${scheme}.png`);
    await page.close();
  }

  // The editorial workflow: a tracked correction shown as a diff, then a bulk tag. These change the desk, so
  // they come after the pristine reader shots above.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await page.goto(url);
  const rows = page.getByRole('listbox', { name: /^Articles/ }).getByRole('option');
  await rows.first().click();
  const reader = page.getByRole('article');
  await reader.getByRole('combobox', { name: 'Status', exact: true }).selectOption('in-review');
  const tagBox = reader.getByRole('combobox', { name: 'Add a tag to this article' });
  for (const tag of ['russia', 'north-korea']) {
    await tagBox.fill(tag);
    await tagBox.press('Enter');
    await reader.getByRole('button', { name: `Remove tag ${tag}` }).waitFor();
  }
  const p3 = reader.locator('.body p').nth(2);
  await p3.hover();
  await reader.getByRole('button', { name: 'Edit paragraph 3' }).click();
  const box = reader.getByRole('textbox', { name: 'Paragraph 3' });
  await box.fill(
    'Putin expressed gratitude for “the self-sacrificing spirit displayed by service personnel of the Korean People’s Army in liberating Kursk,” KCNA said, a reference to North Korea’s participation in Russia’s war on Ukraine.',
  );
  await reader.getByRole('textbox', { name: 'Reason' }).fill('KCNA’s English text says “gratitude”');
  await box.press('Control+Enter');
  await box.waitFor({ state: 'detached' });
  await reader.getByRole('tab', { name: /Changes/ }).click();
  await page.getByRole('region', { name: 'Changes' }).locator('ins').first().waitFor();
  // Show the corrected paragraph beside its diff.
  await p3.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(200);
  await shot(page, 'diff-view.png');

  await reader.getByRole('tab', { name: /Source/ }).click();
  await page.getByRole('checkbox', { name: 'Select all in view' }).check();
  const bulkTag = page.getByRole('combobox', { name: 'Tag for the selected articles' });
  for (const tag of ['asia', 'security']) {
    await bulkTag.fill(tag);
    await page.getByRole('button', { name: 'Add tag', exact: true }).click();
    await rows.nth(1).locator('.tag', { hasText: tag }).waitFor();
  }
  await bulkTag.fill('diplomacy');
  await reader.evaluate((el) => el.closest('.reader-pane')?.scrollTo(0, 0));
  await page.waitForTimeout(200);
  await shot(page, 'bulk-tags.png');
  await page.close();

  // The fact-check beside article 1: the defence-pact claim ruled true, with its note and source, and marked.
  const fc = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await fc.goto(url);
  await fc.getByRole('listbox', { name: /^Articles/ }).getByRole('option').first().click();
  await fc.getByRole('article').getByRole('tab', { name: 'Fact-check' }).click();
  const panel = fc.getByRole('region', { name: 'Fact-check' });
  const pact = () =>
    panel.locator('.fc-claim').filter({ has: fc.locator('.fc-claim-text', { hasText: /^The two countries signed a mutual defense pact last year\.?$/ }) });
  await pact().getByRole('combobox', { name: 'Verdict' }).selectOption('true');
  await pact().getByRole('textbox', { name: 'Note' }).fill('Treaty signed 19 June 2024');
  await pact().getByRole('textbox', { name: 'Source URL' }).fill('https://example.org/treaty');
  await pact().getByRole('button', { name: 'Save' }).click();
  await pact().locator('.verdict.v-true').waitFor();
  await pact().locator('.fc-mark').click();
  await pact().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await fc.mouse.move(0, 0);
  await fc.waitForTimeout(600);
  await shot(fc, 'factcheck-panel.png');
  await fc.close();

  // Bundles and the export dialog, on the desk as the steps above left it (a correction, a ruling, tags).
  await callApi('updateSettings', { organizationName: 'Copydesk Fact Check' });
  const articles = (await callApi('listArticles', {})) as { items: { id: string }[] };
  await callApi('createBundle', { name: 'Fact-checks to publish', description: 'Ruled claims, ready for ClaimReview.', ids: [articles.items[0]!.id] });
  const bp = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await bp.goto(url);
  const bundleRows = bp.getByRole('listbox', { name: /^Articles/ }).getByRole('option');
  await bundleRows.first().waitFor();
  await bp.getByRole('checkbox', { name: 'Select all in view' }).check();
  await bp.getByRole('button', { name: 'New bundle from selection' }).click();
  const create = bp.getByRole('dialog', { name: 'New bundle' });
  await create.getByRole('textbox', { name: 'Name' }).fill('Asia security brief');
  await create.getByRole('textbox', { name: 'Description' }).fill('The Putin–Kim call and the Pakistan–Afghanistan border clashes, for the morning page.');
  await create.getByRole('button', { name: 'Create bundle' }).click();
  const bundles = bp.getByRole('region', { name: 'Bundles', exact: true });
  // One keyboard move, so Undo says what it would take back.
  await bundles.locator('.bundle-open').first().focus();
  await bp.keyboard.press('Alt+ArrowDown');
  await bundles.getByRole('button', { name: /^↶ Undo moving/ }).waitFor();
  await bundles.locator('.bundle-open').first().focus();
  await bp.waitForTimeout(300);
  await shot(bp, 'bundles-panel.png');

  await bundles.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = bp.getByRole('dialog', { name: 'Export' });
  await exportDialog.getByTestId('export-articles').waitFor();
  await bp.waitForTimeout(300);
  await shot(bp, 'export-dialog.png');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  await exportDialog.getByRole('heading', { name: /^Exported/ }).waitFor();
  await bp.waitForTimeout(300);
  await shot(bp, 'export-dialog-done.png');
  await bp.close();
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
}
