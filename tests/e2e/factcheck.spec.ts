import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { HEADLINE_1, expect, rows, test } from './desk-fixture.js';

const PACT = /^The two countries signed a mutual defense pact last year\.?$/;
const PACT_FIXED = 'The two countries signed a mutual-defence pact last year.';

async function openFactcheck(page: Page): Promise<Locator> {
  await rows(page).filter({ hasText: HEADLINE_1 }).click();
  const reader = page.getByRole('article');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(HEADLINE_1);
  await reader.getByRole('tab', { name: 'Fact-check' }).click();
  const panel = page.getByRole('region', { name: 'Fact-check' });
  await expect(panel.locator('.fc-claim').first()).toBeVisible();
  return panel;
}

const pactClaim = (panel: Locator) => panel.locator('.fc-claim').filter({ has: panel.page().locator('.fc-claim-text', { hasText: PACT }) });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a verdict with a note and a source survives a reload and a correction of the claim’s words', async ({ page, desk }) => {
  await page.goto(desk.url);
  let panel = await openFactcheck(page);

  // The analysis found the claim, the speakers and the dates.
  let claim = pactClaim(panel);
  await expect(claim).toHaveCount(1);
  await expect(claim.locator('.verdict')).toHaveText('Unverified');
  await expect(panel.locator('.fc-speaker', { hasText: /^Kim$/ })).toHaveCount(1);
  await expect(panel.locator('.fc-dates li', { hasText: 'last year' }).first()).toContainText('last year → 2024');

  // A source that is not a web address: the desk refuses, and says why.
  await claim.getByRole('combobox', { name: 'Verdict' }).selectOption('true');
  await claim.getByRole('textbox', { name: 'Source URL' }).fill('javascript:alert(1)');
  await claim.getByRole('button', { name: 'Save' }).click();
  await expect(claim.getByRole('alert')).toContainText('http');
  await expect(claim.locator('.verdict')).toHaveText('Unverified');

  // Verdict, note and source.
  await claim.getByRole('textbox', { name: 'Note' }).fill('Treaty signed 19 June 2024');
  await claim.getByRole('textbox', { name: 'Source URL' }).fill('https://example.org/treaty');
  await claim.getByRole('button', { name: 'Save' }).click();
  claim = pactClaim(panel);
  await expect(claim.locator('.verdict')).toHaveText('True');
  await expect(claim.locator('.fc-notes')).toContainText('Treaty signed 19 June 2024');
  await expect(claim.locator('.fc-sources')).toContainText('https://example.org/treaty');
  // Sources are shown as text, never as links.
  await expect(panel.locator('a')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // Reload: the desk kept it.
  await page.reload();
  panel = await openFactcheck(page);
  claim = pactClaim(panel);
  await expect(claim.locator('.verdict')).toHaveText('True');
  await expect(claim.getByRole('combobox', { name: 'Verdict' })).toHaveValue('true');
  await expect(claim.locator('.fc-notes')).toContainText('Treaty signed 19 June 2024');
  await expect(claim.locator('.fc-sources')).toContainText('https://example.org/treaty');

  // Correct highlight 2 (the pact sentence) slightly: the claim keeps its verdict and is not orphaned.
  const reader = page.getByRole('article');
  const highlight = reader.locator('.highlights li').nth(1);
  await expect(highlight).toContainText('mutual defense pact');
  await highlight.hover();
  await reader.getByRole('button', { name: 'Edit highlight 2' }).click();
  const box = reader.getByRole('textbox', { name: 'Highlight 2' });
  await box.fill(PACT_FIXED);
  await box.press('Control+Enter');
  await expect(box).toHaveCount(0);
  await expect(highlight).toContainText(PACT_FIXED);
  panel = page.getByRole('region', { name: 'Fact-check' });
  claim = pactClaim(panel);
  await expect(claim.locator('.verdict')).toHaveText('True');
  await expect(claim.locator('.fc-notes')).toContainText('Treaty signed 19 June 2024');
  await expect(claim).not.toHaveClass(/orphaned/);
  await expect(claim.locator('.fc-orphaned')).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const) {
test(`choosing a quote with the keyboard shows its paragraph in the article; axe finds nothing serious (${scheme})`, async ({ page, desk }) => {
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(desk.url);
  const panel = await openFactcheck(page);
  const kim = panel.locator('.fc-quotes .fc-mark').filter({ has: page.locator('.fc-speaker', { hasText: /^Kim$/ }) });
  await kim.focus();
  await expect(kim).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(kim).toHaveAttribute('aria-pressed', 'true');
  const p = page.getByRole('article').locator('.body p.factcheck-target');
  await expect(p).toHaveCount(1);
  await expect(p).toContainText('fully support all measures');
  await expect(p).toBeInViewport();
  expect(await seriousViolations(page)).toEqual([]);
});
}
