import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { HEADLINE_1, HEADLINE_2, expect, rows, test } from './desk-fixture.js';

const SEED = 'seeds/000_9aa4e691ff5375b9.txt';
const P3 =
  'Putin expressed appreciation for “the self-sacrificing spirit displayed by service personnel of the Korean People’s Army in liberating Kursk,” KCNA added, a reference to North Korea’s participation in Russia’s war on Ukraine.';
const P3_FIXED =
  'Putin expressed gratitude for “the self-sacrificing spirit displayed by service personnel of the Korean People’s Army in liberating Kursk,” KCNA said, a reference to North Korea’s participation in Russia’s war on Ukraine.';

async function openArticle(page: Page, headline: string): Promise<Locator> {
  await rows(page).filter({ hasText: headline }).click();
  const reader = page.getByRole('article');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
  return reader;
}

const statusSelect = (reader: Locator) => reader.getByRole('combobox', { name: 'Status', exact: true });
const tagBox = (reader: Locator) => reader.getByRole('combobox', { name: 'Add a tag to this article' });
const paragraph = (reader: Locator, n: number) => reader.locator('.body p').nth(n - 1);

/** Opens paragraph n's editor with its Edit button (shown on hover), types the new text and saves with Ctrl+Enter. */
async function correctParagraph(reader: Locator, n: number, text: string, reason?: string): Promise<void> {
  await paragraph(reader, n).hover();
  await reader.getByRole('button', { name: `Edit paragraph ${n}` }).click();
  const box = reader.getByRole('textbox', { name: `Paragraph ${n}` });
  await expect(box).toBeFocused();
  await box.fill(text);
  if (reason) await reader.getByRole('textbox', { name: 'Reason' }).fill(reason);
  await box.press('Control+Enter');
  await expect(box).toHaveCount(0);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('status, tags and a tracked correction survive a reload; the diff, undo and redo follow them; bulk tagging', async ({ page, desk }) => {
  await page.goto(desk.url);
  let reader = await openArticle(page, HEADLINE_1);
  const saved = reader.locator('.save-state');
  await expect(saved).toHaveText('Unedited');

  // 1. Review status.
  await statusSelect(reader).selectOption('in-review');
  await expect(saved).toContainText('Saved');
  await expect(rows(page).first()).toContainText('In review');

  // 2. Tags, typed and added with Enter.
  await tagBox(reader).fill('russia');
  await tagBox(reader).press('Enter');
  await expect(reader.getByRole('button', { name: 'Remove tag russia' })).toBeVisible();
  await expect(tagBox(reader)).toHaveValue('');
  await tagBox(reader).fill('north-korea');
  await tagBox(reader).press('Enter');
  await expect(reader.locator('.tag-list .tag')).toHaveText(['russia×', 'north-korea×']);

  // 3. Correct paragraph 3, with a reason.
  await expect(paragraph(reader, 3)).toHaveText(P3);
  await correctParagraph(reader, 3, P3_FIXED, 'KCNA’s English text says “gratitude”');
  await expect(paragraph(reader, 3)).toHaveText(P3_FIXED);
  await expect(saved).toContainText('Saved');

  // 4. Reload: the desk kept everything.
  await page.reload();
  reader = await openArticle(page, HEADLINE_1);
  await expect(statusSelect(reader)).toHaveValue('in-review');
  await expect(reader.locator('.tag-list .tag')).toHaveText(['russia×', 'north-korea×']);
  await expect(paragraph(reader, 3)).toHaveText(P3_FIXED);
  await expect(reader.locator('.save-state')).toContainText('Saved');
  await expect(rows(page).first()).toContainText('russia');
  await expect(rows(page).first()).toContainText('In review');

  // The history says who did what, and why.
  await reader.getByRole('tab', { name: /History/ }).click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.locator('.rev')).toHaveCount(5);
  await expect(history.locator('.rev').first()).toContainText('Paragraph 3');
  await expect(history.locator('.rev').first()).toContainText('KCNA’s English text says “gratitude”');
  await expect(history.locator('.rev').first()).toContainText('next undo');

  // 5. The diff view: original against now, track-changes style.
  await reader.getByRole('tab', { name: /Changes/ }).click();
  const changes = page.getByRole('region', { name: 'Changes' });
  const body = changes.locator('.diff-section', { has: page.getByRole('heading', { name: 'Body' }) });
  await expect(body.locator('del')).toHaveText(['appreciation', 'added']);
  await expect(body.locator('ins')).toHaveText(['gratitude', 'said']);
  // One field only.
  await changes.getByRole('combobox', { name: 'Field' }).selectOption('status');
  await expect(changes.locator('.diff-section del')).toHaveText(['New']);
  await expect(changes.locator('.diff-section ins')).toHaveText(['In review']);
  await changes.getByRole('combobox', { name: 'Field' }).selectOption('article');

  // 6. Ctrl+Z undoes the correction, Ctrl+Shift+Z puts it back (focus is on the tab, not in a text box).
  await expect(reader.getByRole('tab', { name: /Changes/ })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(paragraph(reader, 3)).toHaveText(P3);
  await expect(body).toHaveCount(0);
  await page.keyboard.press('Control+Shift+Z');
  await expect(paragraph(reader, 3)).toHaveText(P3_FIXED);
  await expect(body.locator('ins')).toHaveText(['gratitude', 'said']);
  await expect(reader.locator('.save-state')).toContainText('Saved');

  // 7. Select both articles and tag them at once.
  await page.getByRole('checkbox', { name: 'Select all in view' }).check();
  await expect(rows(page).nth(0)).toHaveAttribute('aria-checked', 'true');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('combobox', { name: 'Tag for the selected articles' }).fill('asia');
  await page.getByRole('button', { name: 'Add tag', exact: true }).click();
  await expect(rows(page).nth(0).locator('.tag')).toHaveText(['russia', 'north-korea', 'asia']);
  await expect(rows(page).nth(1).locator('.tag')).toHaveText(['asia']);
  await expect(page.getByRole('status').filter({ hasText: 'Tagged 2 articles' })).toBeVisible();
  // The open article follows.
  await expect(reader.locator('.tag-list .tag')).toHaveText(['russia×', 'north-korea×', 'asia×']);
});

test('changes made in quick succession all land, in order', async ({ page, desk }) => {
  await page.goto(desk.url);
  const reader = await openArticle(page, HEADLINE_1);
  // No waiting between them: the page sends each change only after the desk has committed the one before.
  await statusSelect(reader).selectOption('checked');
  await tagBox(reader).fill('russia');
  await tagBox(reader).press('Enter');
  await statusSelect(reader).selectOption('approved');
  await tagBox(reader).fill('kursk');
  await tagBox(reader).press('Enter');
  await expect(reader.locator('.tag-list .tag')).toHaveText(['russia×', 'kursk×']);
  await expect(reader.locator('.save-state')).toContainText('Saved');

  await page.reload();
  const again = await openArticle(page, HEADLINE_1);
  await expect(statusSelect(again)).toHaveValue('approved');
  await expect(again.locator('.tag-list .tag')).toHaveText(['russia×', 'kursk×']);
  await expect(again.getByRole('tab', { name: /History/ })).toHaveText('History 4');
});

test('a tag longer than 64 characters is refused with the desk’s message, and nothing changes', async ({ page, desk }) => {
  await page.goto(desk.url);
  const reader = await openArticle(page, HEADLINE_1);
  const long = 'a'.repeat(65);
  await tagBox(reader).fill(long);
  await tagBox(reader).press('Enter');
  await expect(reader.getByRole('alert')).toContainText('longer than 64 characters');
  await expect(tagBox(reader)).toHaveValue(long);
  await expect(tagBox(reader)).toHaveAttribute('aria-invalid', 'true');
  await expect(reader.locator('.tag-list')).toHaveCount(0);
  await expect(reader.getByRole('tab', { name: /History/ })).toHaveText('History');
  await expect(rows(page).first().locator('.tag')).toHaveCount(0);

  // An empty tag is refused the same way; typing again clears the message.
  await tagBox(reader).fill('   ');
  await reader.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(reader.getByRole('alert')).toContainText('a tag cannot be empty');
  await tagBox(reader).fill('ok');
  await expect(reader.getByRole('alert')).toHaveCount(0);

  // After a reload the desk still has no tag and no revision.
  await page.reload();
  const again = await openArticle(page, HEADLINE_1);
  await expect(again.locator('.tag-list')).toHaveCount(0);
  await expect(again.locator('.save-state')).toHaveText('Unedited');
});

test('the keyboard selects rows for a bulk status change, which one Undo takes back', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('listbox').focus();
  await page.keyboard.press(' ');
  await expect(rows(page).nth(0)).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('j');
  await page.keyboard.press(' ');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-checked', 'true');
  // Space again unselects; Shift+click selects the range back.
  await page.keyboard.press(' ');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-checked', 'false');
  await rows(page).nth(1).click({ modifiers: ['Shift'] });
  await expect(rows(page).nth(1)).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('article')).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Set the status of the selected articles' }).selectOption('checked');
  await expect(rows(page).nth(0)).toContainText('Checked');
  await expect(rows(page).nth(1)).toContainText('Checked');
  await expect(page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: /Checked/ })).toContainText('2');
  const notice = page.getByRole('status').filter({ hasText: 'Set 2 articles to Checked' });
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page).nth(0)).toContainText('New');
  await expect(rows(page).nth(1)).toContainText('New');
});

test('renaming a tag across the desk is one step, and Undo takes it back', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByRole('checkbox', { name: 'Select all in view' }).check();
  await page.getByRole('combobox', { name: 'Tag for the selected articles' }).fill('Asia');
  await page.getByRole('combobox', { name: 'Tag for the selected articles' }).press('Enter');
  await expect(rows(page).nth(1).locator('.tag')).toHaveText(['Asia']);

  await page.getByRole('button', { name: 'Tags…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags on the desk' });
  await expect(dialog.getByRole('row', { name: /Asia/ })).toContainText('2');
  await dialog.getByRole('button', { name: 'Rename or merge Asia' }).click();
  await dialog.getByRole('textbox', { name: 'New name for Asia' }).fill('asia-pacific');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Renamed “Asia” to “asia-pacific” on 2 articles');
  await expect(dialog.getByRole('row', { name: /asia-pacific/ })).toContainText('2');
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByRole('row', { name: /Asia/ })).toContainText('2');
  await expect(dialog.getByRole('row', { name: /asia-pacific/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(rows(page).nth(0).locator('.tag')).toHaveText(['Asia']);
});

test('paragraphs are added and removed, notes kept, fields reverted, and each change is signed', async ({ page, desk }) => {
  await page.goto(desk.url);
  // Editor identity, from the top bar.
  await page.getByRole('button', { name: /^Editor .* \(settings\)$/ }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('textbox', { name: 'Editor name' }).fill('Dana Night-Desk');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Editor Dana Night-Desk (settings)' })).toBeVisible();

  const reader = await openArticle(page, HEADLINE_2);
  await expect(reader.locator('.body p')).toHaveCount(8);

  // Add a paragraph after paragraph 2.
  await paragraph(reader, 2).hover();
  await reader.getByRole('button', { name: 'Add a paragraph after paragraph 2' }).click();
  const added = reader.getByRole('textbox', { name: 'New paragraph after paragraph 2' });
  await added.fill('Neither side gave casualty figures by late evening.');
  await added.press('Control+Enter');
  await expect(reader.locator('.body p')).toHaveCount(9);
  await expect(paragraph(reader, 3)).toHaveText('Neither side gave casualty figures by late evening.');

  // Remove paragraph 1, with a reason.
  await paragraph(reader, 1).hover();
  await reader.getByRole('button', { name: 'Remove paragraph 1' }).click();
  await reader.getByRole('textbox', { name: 'Reason' }).fill('duplicate of the headline');
  await reader.getByRole('button', { name: 'Remove paragraph', exact: true }).click();
  await expect(reader.locator('.body p')).toHaveCount(8);

  // The keyboard opens a field's editor too: E on the focused headline; Esc cancels and keeps focus there.
  await reader.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('e');
  const headline = reader.getByRole('textbox', { name: 'Headline' });
  await expect(headline).toBeFocused();
  await headline.fill('Changed my mind');
  await page.keyboard.press('Escape');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(HEADLINE_2);
  await expect(reader.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('article')).toHaveCount(1);

  // An empty headline is refused with the desk's message, and the typed text stays.
  await page.keyboard.press('e');
  await headline.fill('   ');
  await headline.press('Control+Enter');
  await expect(reader.getByRole('alert')).toContainText('empty');
  await expect(headline).toHaveValue('   ');
  await expect(reader.locator('.save-state')).toContainText('Not saved');
  await page.keyboard.press('Escape');

  // The public correction notice and the internal note: choosing the empty field opens its editor.
  await reader.locator('.note-correctionNotice .field').click();
  await reader.getByRole('textbox', { name: 'Correction notice' }).fill('An earlier version misattributed a quote.');
  await reader.getByRole('button', { name: 'Save' }).click();
  await expect(reader.locator('.note-correctionNotice')).toContainText('An earlier version misattributed a quote.');
  await reader.locator('.note-notes .field').click();
  await reader.getByRole('textbox', { name: 'Editor’s note' }).fill('Check casualty figures with the bureau.');
  await reader.getByRole('textbox', { name: 'Editor’s note' }).press('Control+Enter');
  await expect(reader.locator('.note-notes')).toContainText('Check casualty figures with the bureau.');
  // Saving it empty clears it.
  await reader.locator('.note-notes .field').hover();
  await reader.getByRole('button', { name: 'Edit editor’s note' }).click();
  await reader.getByRole('textbox', { name: 'Editor’s note' }).fill('');
  await reader.getByRole('textbox', { name: 'Editor’s note' }).press('Control+Enter');
  await expect(reader.locator('.note-notes')).toContainText('None.');

  // Correct the byline-less article's dateline, then revert the field.
  await reader.getByRole('button', { name: 'Edit dateline' }).click();
  await reader.getByRole('textbox', { name: 'Dateline' }).fill('ISLAMABAD');
  await reader.getByRole('textbox', { name: 'Dateline' }).press('Control+Enter');
  await expect(reader.locator('.meta')).toContainText('ISLAMABAD');
  await expect(reader.locator('.dateline-mark')).toHaveText('ISLAMABAD');
  await reader.getByRole('button', { name: 'Edit dateline' }).click();
  await reader.getByRole('button', { name: 'Revert to original' }).click();
  await expect(reader.locator('.meta')).toContainText('KABUL');

  // Every revision is signed with the editor's name.
  await reader.getByRole('tab', { name: /History/ }).click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.locator('.rev-editor').first()).toHaveText('Dana Night-Desk');
  await expect(history.locator('.rev', { hasText: 'Removed paragraph 1' })).toContainText('duplicate of the headline');

  // Revert the whole article: the text is back as imported, the notice (not text) stays.
  await reader.getByRole('button', { name: 'Revert article to original' }).click();
  await expect(reader.locator('.body p')).toHaveCount(8);
  await expect(paragraph(reader, 1)).toContainText('Pakistan and Afghanistan exchanged heavy fire');
  await expect(reader.getByRole('button', { name: 'Revert article to original' })).toBeDisabled();
  await expect(reader.locator('.note-correctionNotice')).toContainText('An earlier version misattributed a quote.');
});

test('a re-import under a correction holds it for review: re-apply it, and see what changed upstream', async ({ page, desk }) => {
  await page.goto(desk.url);
  const reader = await openArticle(page, HEADLINE_1);
  await correctParagraph(reader, 3, P3_FIXED, 'house style');
  await reader.locator('.caption').hover();
  await reader.getByRole('button', { name: 'Edit caption' }).click();
  await reader.getByRole('textbox', { name: 'Caption' }).fill('Kim Jong Un on the phone with Vladimir Putin, August 13, 2025.');
  await reader.getByRole('textbox', { name: 'Caption' }).press('Control+Enter');
  await expect(reader.locator('.caption')).toContainText('Kim Jong Un on the phone');

  // The wire sends the story again with paragraph 3 and the caption changed upstream.
  const seed = await readFile(SEED, 'utf8');
  const updated = seed
    .replace('\nPutin expressed appreciation for', '\nPutin expressed deep appreciation for')
    .replace('holds a call with Russian President', 'holds a phone call with Russian President');
  expect(updated).not.toBe(seed);
  await page.getByTestId('import-input').setInputFiles({ name: '000_9aa4e691ff5375b9.txt', mimeType: 'text/plain', buffer: Buffer.from(updated) });
  await expect(page.getByRole('region', { name: 'Import' })).toContainText('1 updated');

  const banner = reader.getByRole('region', { name: /The source changed under 2 corrections/ });
  await expect(banner).toBeVisible();
  const held = banner.locator('.held', { hasText: 'Paragraph 3' });
  await expect(held.locator('del')).toHaveText(['appreciation', 'added']);
  await expect(held).toContainText('Putin expressed deep appreciation for');
  await expect(paragraph(reader, 3)).toContainText('deep appreciation');
  await expect(rows(page).first()).toContainText('review 2');

  // What changed upstream: the previous source against the new one.
  await banner.getByRole('button', { name: 'What changed upstream' }).click();
  const upstream = page.locator('.upstream');
  await expect(upstream.locator('ins')).toContainText(['deep']);

  // Re-apply the paragraph, dismiss the caption.
  await held.getByRole('button', { name: 'Re-apply correction' }).click();
  await expect(paragraph(reader, 3)).toHaveText(P3_FIXED);
  await expect(reader.getByRole('region', { name: /The source changed under a correction/ })).toBeVisible();
  await reader.locator('.held', { hasText: 'Caption' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(reader.locator('.review-banner')).toHaveCount(0);
  await expect(reader.locator('.caption')).toContainText('holds a phone call');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious with the editor and the diff open (${scheme})`, async ({ page, desk }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(desk.url);
    const reader = await openArticle(page, HEADLINE_1);
    await tagBox(reader).fill('russia');
    await tagBox(reader).press('Enter');
    await correctParagraph(reader, 3, P3_FIXED, 'house style');
    await rows(page).nth(1).locator('.row-check').click();
    await expect(rows(page).nth(1)).toHaveAttribute('aria-checked', 'true');
    await reader.getByRole('tab', { name: /Changes/ }).click();
    await expect(page.getByRole('region', { name: 'Changes' }).locator('ins').first()).toBeVisible();
    await paragraph(reader, 4).hover();
    await reader.getByRole('button', { name: 'Edit paragraph 4' }).click();
    await expect(reader.getByRole('textbox', { name: 'Paragraph 4' })).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await reader.getByRole('tab', { name: /History/ }).click();
    await expect(page.getByRole('region', { name: 'History' }).locator('.rev:not(.original)')).toHaveCount(2);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
