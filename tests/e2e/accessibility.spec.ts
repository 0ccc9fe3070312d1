import AxeBuilder from '@axe-core/playwright';
import { HEADLINE_1, expect, rows, test } from './desk-fixture.js';

async function seriousViolations(page: import('@playwright/test').Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious on the list and the reader (${scheme})`, async ({ page, desk }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(desk.url);
    await expect(rows(page)).toHaveCount(2);
    expect(await seriousViolations(page)).toEqual([]);
    await rows(page).filter({ hasText: HEADLINE_1 }).click();
    await expect(page.getByRole('article').locator('.body p')).toHaveCount(8);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious in the bundles panel, the bundle dialogs and the export dialog (${scheme})`, async ({ page, desk }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(desk.url);
    await expect(rows(page)).toHaveCount(2);
    await page.getByRole('checkbox', { name: 'Select all in view' }).check();
    await page.getByRole('button', { name: 'New bundle from selection' }).click();
    const create = page.getByRole('dialog', { name: 'New bundle' });
    await create.getByRole('textbox', { name: 'Name' }).fill('Morning brief');
    expect(await seriousViolations(page)).toEqual([]);
    await create.getByRole('button', { name: 'Create bundle' }).click();
    const panel = page.getByRole('region', { name: 'Bundles', exact: true });
    await expect(panel.getByRole('heading', { name: 'Morning brief' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add to bundle…' }).click();
    await expect(page.getByRole('dialog', { name: /^Add 2 articles/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await panel.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog.getByTestId('export-articles')).toHaveText('2');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('heading', { name: 'Exported 2 articles' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
