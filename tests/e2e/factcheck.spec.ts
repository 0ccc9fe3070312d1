import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { HEADLINE_1, HEADLINE_2, expect, rows, test } from './desk-fixture.js';

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

/** Calls the desk's API as the page does, with the token: for changes a test needs but does not test. */
async function api(page: Page, desk: { url: string; token: string }, method: string, input: unknown): Promise<unknown> {
  const res = await page.request.post(new URL(`/api/${method}`, desk.url).toString(), { headers: { Authorization: `Bearer ${desk.token}` }, data: input });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

/** Selects `words` inside the element, as a drag with the mouse would (the nth occurrence in its text). */
async function selectWords(target: Locator, words: string): Promise<void> {
  // This file is type-checked without the DOM library: reach the page's globals through the element.
  await target.evaluate((el, w) => {
    const doc = el.ownerDocument;
    const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(w);
      if (at === -1) continue;
      const range = doc.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const sel = doc.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return;
    }
    throw new Error(`"${w}" is not in the element`);
  }, words);
}

test('the list filters by claims: “has false or misleading claims” after a claim is ruled false', async ({ page, desk }) => {
  await page.goto(desk.url);
  const claimsFilter = page.getByRole('combobox', { name: 'Claims' });
  await expect(claimsFilter.locator('option[value="unchecked"]')).toHaveText('Has unchecked claims (2)');
  await expect(claimsFilter.locator('option[value="false-or-misleading"]')).toHaveText('Has false or misleading claims (0)');

  const panel = await openFactcheck(page);
  const claim = pactClaim(panel);
  await claim.getByRole('combobox', { name: 'Verdict' }).selectOption('false');
  await claim.getByRole('button', { name: 'Save' }).click();
  await expect(claim.locator('.verdict')).toHaveText('False');

  await claimsFilter.selectOption('false-or-misleading');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(HEADLINE_1);
  await expect(claimsFilter.locator('option[value="false-or-misleading"]')).toHaveText('Has false or misleading claims (1)');
  await claimsFilter.selectOption('unchecked');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(HEADLINE_2);
  await claimsFilter.selectOption('');
  await expect(rows(page)).toHaveCount(2);
});

test('choosing a name in the fact-check shows every article that names it, as a removable chip', async ({ page, desk }) => {
  // Article 2 names Putin once a correction says so; the desk-wide view reads the current text.
  const list = (await api(page, desk, 'listArticles', {})) as { items: { id: string; headline: string }[] };
  const two = list.items.find((i) => i.headline === HEADLINE_2)!;
  const article = (await api(page, desk, 'getArticle', { id: two.id })) as { paragraphs: string[] };
  await api(page, desk, 'correctField', { id: two.id, field: 'paragraph:2', text: `${article.paragraphs[1]} Vladimir Putin called for restraint.` });

  await page.goto(desk.url);
  const panel = await openFactcheck(page);
  const putin = panel.getByRole('button', { name: /^Vladimir Putin, \d+ mentions: show every article that names it$/ });
  await putin.click();
  const chip = page.getByRole('button', { name: 'Mentions: Vladimir Putin. Remove this filter' });
  await expect(chip).toBeVisible();
  await expect(chip).toHaveText('Mentions: Vladimir Putin ×');
  await expect(putin).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page)).toHaveCount(2);

  // A place only article 1 names: one article.
  await panel.getByRole('button', { name: /^Kursk, / }).click();
  await expect(page.getByRole('button', { name: 'Mentions: Kursk. Remove this filter' })).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(HEADLINE_1);
  await page.getByRole('button', { name: 'Mentions: Kursk. Remove this filter' }).click();
  await expect(page.getByRole('group', { name: 'Active filters' })).toHaveCount(0);
  await expect(rows(page)).toHaveCount(2);
  expect(await seriousViolations(page)).toEqual([]);
});

test('an entity fix from the panel persists: retype, and remove then restore', async ({ page, desk }) => {
  await page.goto(desk.url);
  let panel = await openFactcheck(page);
  await panel.getByRole('button', { name: 'Fix Kursk' }).click();
  const form = panel.getByRole('form', { name: 'Fix Kursk' });
  await form.getByRole('combobox', { name: 'Type' }).selectOption('organization');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect(panel.getByRole('list', { name: 'Organizations' })).toContainText('Kursk');

  await panel.getByRole('button', { name: 'Fix Seoul' }).click();
  await panel.getByRole('form', { name: 'Fix Seoul' }).getByRole('combobox', { name: 'Type' }).selectOption('none');
  await panel.getByRole('form', { name: 'Fix Seoul' }).getByRole('button', { name: 'Remove' }).click();
  await expect(panel.getByRole('list', { name: 'Places' })).not.toContainText('Seoul');

  await page.reload();
  panel = await openFactcheck(page);
  await expect(panel.getByRole('list', { name: 'Organizations' })).toContainText('Kursk');
  await expect(panel.getByRole('list', { name: 'Places' })).not.toContainText('Kursk');
  await panel.getByRole('button', { name: 'Restore Seoul' }).click();
  await expect(panel.getByRole('list', { name: 'Places' })).toContainText('Seoul');
});

test('selected words become a claim, at the occurrence selected; C does it from the keyboard', async ({ page, desk }) => {
  await page.goto(desk.url);
  await rows(page).filter({ hasText: HEADLINE_1 }).click();
  const reader = page.getByRole('article');
  // Paragraph 7 repeats highlight 2 word for word: the claim must land on the body's copy.
  const p7 = reader.locator('.body p').nth(6);
  await expect(p7).toContainText('The two countries signed a mutual defense pact last year');
  await selectWords(p7, 'signed a mutual defense pact last year');
  const check = page.getByRole('button', { name: 'Check this claim' });
  await expect(check).toBeVisible();
  await check.click();
  await expect(reader.getByRole('tab', { name: 'Fact-check' })).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('region', { name: 'Fact-check' });
  const made = panel.locator('.fc-claim').filter({ has: page.locator('.fc-claim-text', { hasText: /^signed a mutual defense pact last year$/ }) });
  await expect(made).toHaveCount(1);
  await expect(made.locator('.verdict')).toHaveText('Unverified');
  await expect(made.locator('.fc-mark')).toHaveAttribute('aria-pressed', 'true');
  await expect(made.getByRole('combobox', { name: 'Verdict' })).toBeFocused();
  // Marked where it was selected: paragraph 7, not highlight 2.
  await expect(reader.locator('.field.factcheck-target')).toHaveCount(1);
  await expect(p7).toHaveClass(/factcheck-target/);
  await expect(check).toHaveCount(0);

  // Ruled on, saved by its place: still the body's copy after a reload.
  await made.getByRole('combobox', { name: 'Verdict' }).selectOption('true');
  await made.getByRole('button', { name: 'Save' }).click();
  await expect(made.locator('.verdict')).toHaveText('True');

  // The keyboard path: select, then C. (Selecting across two paragraphs is refused, with the reason.)
  await reader.locator('.body').evaluate((body) => {
    const [a, b] = [body.querySelectorAll('p')[2]!, body.querySelectorAll('p')[3]!];
    const range = body.ownerDocument.createRange();
    range.setStart(a.querySelector('[data-fc-field]')!.firstChild!, 5);
    range.setEnd(b.querySelector('[data-fc-field]')!.firstChild!, 5);
    body.ownerDocument.getSelection()!.removeAllRanges();
    body.ownerDocument.getSelection()!.addRange(range);
  });
  await expect(page.locator('.selection-claim').getByRole('alert')).toContainText('A claim stays within one field');
  await expect(check).toHaveCount(0);
  await selectWords(reader.locator('.body p').nth(3), 'Kim in turn pledged');
  await expect(check).toBeVisible();
  await page.keyboard.press('c');
  await expect(panel.locator('.fc-claim-text', { hasText: /^Kim in turn pledged$/ })).toHaveCount(1);

  await page.reload();
  const again = await openFactcheck(page);
  const kept = again.locator('.fc-claim').filter({ has: page.locator('.fc-claim-text', { hasText: /^signed a mutual defense pact last year$/ }) });
  await expect(kept.locator('.verdict')).toHaveText('True');
  await kept.locator('.fc-mark').click();
  await expect(page.getByRole('article').locator('.body p').nth(6)).toHaveClass(/factcheck-target/);
});

test('the Settings dialog edits the verdict scale; a claim keeps a verdict the scale dropped, and says so', async ({ page, desk }) => {
  await page.goto(desk.url);
  let panel = await openFactcheck(page);
  let claim = pactClaim(panel);
  await claim.getByRole('combobox', { name: 'Verdict' }).selectOption('mostly-true');
  await claim.getByRole('button', { name: 'Save' }).click();
  await expect(claim.locator('.verdict')).toHaveText('Mostly true');

  await page.getByRole('button', { name: /^Editor .* \(settings\)$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('textbox', { name: 'Label of unproven' }).fill('No evidence');
  await dialog.getByRole('button', { name: 'Remove Mostly true' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove Unverified' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Add a verdict' }).click();
  await dialog.getByRole('textbox', { name: 'Label of new verdict 6' }).fill('Satire');
  await dialog.getByRole('combobox', { name: 'Rating of Satire' }).selectOption('1');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);

  panel = page.getByRole('region', { name: 'Fact-check' });
  claim = pactClaim(panel);
  await expect(claim.locator('.verdict')).toHaveText('mostly-true (no longer on the scale)');
  const options = claim.getByRole('combobox', { name: 'Verdict' }).locator('option');
  await expect(options).toHaveText(['Unverified', 'True', 'Misleading', 'False', 'No evidence', 'Satire', 'mostly-true (no longer on the scale)']);
  // A note is added without ruling again.
  await claim.getByRole('textbox', { name: 'Note' }).fill('Awaiting the treaty text');
  await claim.getByRole('button', { name: 'Save' }).click();
  await expect(claim.locator('.fc-notes')).toContainText('Awaiting the treaty text');
  await expect(claim.locator('.verdict')).toHaveText('mostly-true (no longer on the scale)');
  // Satire is rated 1: the list counts it as false or misleading.
  await claim.getByRole('combobox', { name: 'Verdict' }).selectOption('satire');
  await claim.getByRole('button', { name: 'Save' }).click();
  await expect(claim.locator('.verdict')).toHaveText('Satire');
  await expect(page.getByRole('combobox', { name: 'Claims' }).locator('option[value="false-or-misleading"]')).toHaveText('Has false or misleading claims (1)');
});
