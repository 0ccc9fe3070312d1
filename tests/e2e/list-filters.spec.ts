import type { Locator, Page } from '@playwright/test';
import { HEADLINE_1, expect, rows, test } from './desk-fixture.js';

/**
 * The source-file filter is a text box with suggestions, not a menu of every file: a desk of 100,000 articles
 * has 20,000 source files, and a <select> holding them all took seconds to render on every list page.
 */
test.use({ seedPaths: ['seeds', 'tests/fixtures/bad/emoji-and-astral.txt', 'tests/fixtures/bad/homoglyph-headline.txt'] });

const SEED_FILE = '000_9aa4e691ff5375b9.txt';
const sourceBox = (page: Page): Locator => page.getByRole('combobox', { name: 'Source' });
const countLine = (page: Page): Locator => page.locator('.count-line');

/** The suggestions the box offers (its <datalist>), as file names. */
async function suggestions(box: Locator): Promise<string[]> {
  const id = await box.getAttribute('list');
  return box
    .page()
    .locator(`datalist[id="${id}"] option`)
    .evaluateAll((options) => options.map((o) => o.getAttribute('value') ?? ''));
}

test('the source filter suggests the files matching what is typed, and shows only the file chosen', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(rows(page)).toHaveCount(4);
  const box = sourceBox(page);
  await expect(box).toHaveAttribute('placeholder', 'Any file');
  expect(await suggestions(box)).toEqual(expect.arrayContaining([SEED_FILE, 'emoji-and-astral.txt', 'homoglyph-headline.txt']));

  // Part of a name narrows the suggestions and does not filter the list yet.
  await box.fill('HOMO');
  await expect.poll(() => suggestions(box)).toEqual(['homoglyph-headline.txt']);
  await expect(rows(page)).toHaveCount(4);

  // The exact name (what choosing a suggestion puts in the box) filters the list.
  await box.fill(SEED_FILE);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toContainText(HEADLINE_1);
  await expect(countLine(page)).toHaveText('2 articles');

  // Emptied: any file again.
  await box.fill('');
  await expect(rows(page)).toHaveCount(4);
});

test('the source filter works from the keyboard: Enter takes the one file left, Esc leaves the box', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(rows(page)).toHaveCount(4);
  const box = sourceBox(page);
  await box.focus();
  await page.keyboard.type('emoji');
  await expect.poll(() => suggestions(box)).toEqual(['emoji-and-astral.txt']);
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue('emoji-and-astral.txt');
  await expect(rows(page)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox', { name: /^Articles/ })).toBeFocused();
  await expect(box).toHaveValue('emoji-and-astral.txt');

  // Text that names no file is not kept when the box is left: the box shows the filter in force.
  await box.fill('nothing like it');
  await expect(rows(page)).toHaveCount(4);
  await box.blur();
  await expect(box).toHaveValue('');
});

