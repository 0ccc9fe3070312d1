import type { Locator, Page } from '@playwright/test';
import { expect, rows, test } from './desk-fixture.js';

/**
 * Untrusted text never becomes markup. Article text (tests/fixtures/bad/xss-everywhere.txt), a tag, a
 * correction and an uploaded file's name carry script tags, img onerror, svg onload, javascript: URLs, an
 * iframe and a right-to-left override, and are pushed through every place text is shown: the list, the reader,
 * the source pane, the Changes diff, the History, the fact-check panel (claims, quotes, names), tags and the
 * import report. The payloads set window.__pwned; none may, no dialog may open, and no element they describe
 * may exist.
 *
 * The page runs with its Content-Security-Policy bypassed: the CSP alone would stop an injected onerror from
 * running, so with it in force "no script ran" could not fail. This proves the rendering itself is safe.
 */
test.use({ seedPaths: ['seeds', 'tests/fixtures/bad/xss-everywhere.txt'], bypassCSP: true });

const HEADLINE = 'Council <script>window.__pwned=1</script> votes <img src=x onerror="window.__pwned=1"> on \u202egpj.exe budget';
const HOSTILE_TAG = '<img src=x onerror=window.__pwned=1>\u202e';
const CORRECTION = 'Mayor Jane Smith said <svg/onload=window.__pwned=1> 43 councillors <a href="javascript:window.__pwned=1">voted</a>.';
const HOSTILE_FILE = '<img src=x onerror=window.__pwned=1>.txt';

interface Breach {
  pwned: unknown;
  elements: string[];
  /** Text whose bidi override could escape its own field, outside <option>s. */
  leakingBidi: string[];
  /** The same, in <option>s, which CSS cannot isolate: their text must close its own overrides (U+2068…U+2069). */
  leakingOptions: string[];
}

/** The few DOM members the probe uses: this project's Node type-check has no DOM library to describe them. */
interface ProbeNode {
  nodeType: number;
  nodeValue: string | null;
  parentElement: ProbeElement | null;
  childNodes: ArrayLike<ProbeNode>;
}
interface ProbeElement extends ProbeNode {
  tagName: string;
  className: string;
  textContent: string | null;
  lastChild: ProbeNode | null;
  getAttributeNames(): string[];
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  closest(selector: string): ProbeElement | null;
}
interface ProbeWindow {
  document: {
    body: ProbeElement;
    querySelectorAll(selector: string): ArrayLike<ProbeElement>;
    createRange(): { setStartAfter(n: ProbeNode): void; setEndAfter(n: ProbeNode): void; toString(): string };
  };
  getComputedStyle(el: ProbeElement): { display: string; unicodeBidi: string };
  __pwned?: unknown;
}

/**
 * Everything in the page that untrusted text could have turned into: an element a payload names, an inline
 * event handler, a javascript: URL; and any text carrying a bidi control whose override could escape its own
 * field and reorder the interface around it.
 */
async function breaches(page: Page): Promise<Breach> {
  return page.evaluate(() => {
    const w = globalThis as unknown as ProbeWindow;
    const { document } = w;
    /** Every embedding or override inside an isolate (U+2066–2068 … U+2069) that is closed again. */
    const selfContained = (text: string): boolean => {
      let depth = 0;
      for (const ch of text) {
        if (/[\u2066-\u2068]/u.test(ch)) depth++;
        else if (ch === '\u2069' && depth > 0) depth--;
        else if (/[\u202a-\u202e]/u.test(ch) && depth === 0) return false;
      }
      return depth === 0;
    };
    const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;

    const elements: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const name = el.tagName.toLowerCase();
      // Elements the app never makes (an icon's <svg> is the app's own; a payload's carries an on* handler).
      if (['iframe', 'object', 'embed', 'frame', 'base'].includes(name)) elements.push(name);
      if (name === 'script' && !el.getAttribute('src')) elements.push('inline script');
      if (name === 'img' && (el.getAttribute('src') ?? '') === 'x') elements.push('img src=x');
      for (const attr of el.getAttributeNames()) {
        if (attr.startsWith('on')) elements.push(`${name}[${attr}]`);
        if (/^\s*javascript:/iu.test(el.getAttribute(attr) ?? '')) elements.push(`${name}[${attr}=javascript:]`);
      }
    }

    const leakingOptions: string[] = [];
    for (const option of Array.from(document.querySelectorAll('option'))) {
      const text = option.textContent ?? '';
      if (BIDI.test(text) && !selfContained(text)) leakingOptions.push(JSON.stringify(text));
    }

    // A field marks its own edges with dir (the renderer puts dir="auto" on every piece of article text) or
    // <bdi>, which isolate it. Without one, the override runs on to the end of the enclosing block or isolate:
    // harmless only if nothing follows it there.
    const leakingBidi: string[] = [];
    const texts: ProbeNode[] = [];
    const todo: ProbeNode[] = [document.body];
    while (todo.length > 0) {
      const node = todo.pop()!;
      if (node.nodeType === 3) texts.push(node);
      else todo.push(...Array.from(node.childNodes));
    }
    for (const node of texts) {
      const text = node.nodeValue ?? '';
      if (!BIDI.test(text) || node.parentElement?.closest('select') || selfContained(text)) continue;
      let contained = false;
      for (let el: ProbeElement | null = node.parentElement; el; el = el.parentElement) {
        const style = w.getComputedStyle(el);
        if (el.hasAttribute('dir') || el.tagName === 'BDI' || style.unicodeBidi === 'plaintext') {
          contained = true;
          break;
        }
        if (style.unicodeBidi.startsWith('isolate') || !style.display.startsWith('inline')) {
          const after = document.createRange();
          after.setStartAfter(node);
          after.setEndAfter(el.lastChild!);
          contained = after.toString().trim() === '';
          break;
        }
      }
      if (!contained) {
        const at = node.parentElement!;
        leakingBidi.push(`<${at.tagName.toLowerCase()} class="${at.className}"> ${JSON.stringify(text.slice(0, 40))}`);
      }
    }
    return { pwned: w.__pwned, elements, leakingBidi, leakingOptions };
  });
}

async function expectNoBreach(page: Page, where: string): Promise<void> {
  // Give an injected onerror or onload (they fire asynchronously) the chance to run before looking.
  await page.waitForTimeout(200);
  const found = await breaches(page);
  expect(found.pwned, `${where}: a payload ran`).toBeUndefined();
  expect(found.elements, `${where}: payload markup in the DOM`).toEqual([]);
  expect(found.leakingBidi, `${where}: a bidi override not isolated to its own field`).toEqual([]);
}

/** Calls the desk's HTTP API directly, as the page would, to set up state the UI would take many steps for. */
function deskApi(desk: { port: number; token: string }) {
  return async <T>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${desk.port}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${desk.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const result = (await res.json()) as { ok: boolean; value: T };
    expect(result.ok, JSON.stringify(result)).toBe(true);
    return result.value;
  };
}

/** Tags the hostile article with HOSTILE_TAG. */
async function tagHostileArticle(desk: { port: number; token: string }): Promise<void> {
  const api = deskApi(desk);
  const page = await api<{ items: { id: string; headline: string }[] }>('listArticles', { query: 'onerror', limit: 5 });
  const hostile = page.items.find((a) => a.headline === HEADLINE)!;
  await api('addTags', { ids: [hostile.id], tags: [HOSTILE_TAG] });
}

async function openTab(reader: Locator, name: string): Promise<Locator> {
  await reader.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  const region = reader.page().getByRole('region', { name });
  await expect(region).toBeVisible();
  return region;
}

test('hostile text shows as text everywhere it appears, and never runs', async ({ page, desk }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(desk.url);

  // The list.
  const row = rows(page).filter({ hasText: 'Council <script>' });
  await expect(row).toContainText(HEADLINE);
  await expectNoBreach(page, 'list');

  // The reader: headline, highlight, paragraphs, each as the exact text.
  await row.click();
  const reader = page.getByRole('article');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  await expect(reader.locator('.highlights')).toContainText('<svg onload="window.__pwned=1"> inside and \u2067an unclosed isolate');
  await expect(reader.locator('.body')).toContainText('42 councillors <img src=x onerror="window.__pwned=1"> voted');
  await expect(reader.locator('.body')).toContainText('<a href="javascript:window.__pwned=1">click</a> and <iframe src="javascript:window.__pwned=1"></iframe>');
  await expectNoBreach(page, 'reader');

  // The source pane: the raw seed text.
  const source = await openTab(reader, 'Source');
  await expect(source).toContainText(`${HEADLINE}\n\nShort Url`);
  await expectNoBreach(page, 'source pane');

  // A tag, typed by the editor: in the reader and on the list row.
  const tagBox = reader.getByRole('combobox', { name: 'Add a tag to this article' });
  await tagBox.fill(HOSTILE_TAG);
  await tagBox.press('Enter');
  await expect(reader.getByRole('button', { name: `Remove tag ${HOSTILE_TAG}` })).toBeVisible();
  await expect(row).toContainText(HOSTILE_TAG);
  await expectNoBreach(page, 'tags');

  // A correction carrying new markup: the Changes diff shows the old and the new text.
  await reader.locator('.body p').first().hover();
  await reader.getByRole('button', { name: 'Edit paragraph 1' }).click();
  const box = reader.getByRole('textbox', { name: 'Paragraph 1' });
  await box.fill(CORRECTION);
  await reader.getByRole('textbox', { name: 'Reason' }).fill('<script>window.__pwned=1</script> reason');
  await box.press('Control+Enter');
  await expect(reader.locator('.body p').first()).toContainText(CORRECTION);
  const changes = await openTab(reader, 'Changes');
  // A word diff: the new markup-looking words are marked inserted, the old ones removed, all of it as text.
  await expect(changes.locator('ins', { hasText: '<svg/onload=window.__pwned=1>' })).toHaveCount(1);
  await expect(changes.locator('ins', { hasText: 'javascript:' })).not.toHaveCount(0);
  await expect(changes.locator('del', { hasText: 'Tuesday' })).not.toHaveCount(0);
  await expect(changes).toContainText('<script>window.__pwned=1</script> by Friday');
  await expectNoBreach(page, 'Changes diff');

  // History: the revision, its before and after, and its reason.
  const history = await openTab(reader, 'History');
  await expect(history).toContainText('<script>window.__pwned=1</script> reason');
  await expectNoBreach(page, 'History');

  // The fact-check panel: claims, a quote and the names, from the hostile text; choosing a claim marks it.
  const factcheck = await openTab(reader, 'Fact-check');
  await expect(factcheck.locator('.fc-claim-text').filter({ hasText: '<script>window.__pwned=1</script> by Friday' })).toHaveCount(1);
  await expect(factcheck).toContainText('We will publish the minutes <script>window.__pwned=1</script> by Friday');
  await expect(factcheck).toContainText('Jane Smith');
  await factcheck.locator('.fc-claim-text').first().click();
  await expectNoBreach(page, 'fact-check panel');

  // Search marks matches inside the hostile headline.
  await page.getByRole('searchbox', { name: 'Search the desk' }).fill('onerror');
  await expect(row.locator('mark').first()).toBeVisible();
  await expectNoBreach(page, 'search highlighting');

  // An uploaded file whose very name is markup, reported in the import panel.
  await page.getByLabel('Seed files to import').setInputFiles({
    name: HOSTILE_FILE,
    mimeType: 'text/plain',
    buffer: Buffer.from('Upload <img src=x onerror=window.__pwned=1> headline\n\nLONDON: A paragraph.\n'),
  });
  const report = page.getByRole('region', { name: 'Import' });
  await expect(report).toContainText(HOSTILE_FILE);
  await expectNoBreach(page, 'import report');

  // The same name as a suggestion of the source filter: the exact text, and choosing it filters by it.
  const sourceFilter = page.getByRole('combobox', { name: 'Source' });
  await sourceFilter.fill('<img');
  const listId = await sourceFilter.getAttribute('list');
  await expect(page.locator(`datalist[id="${listId}"] option`)).toHaveCount(1);
  await expect(page.locator(`datalist[id="${listId}"] option`)).toHaveAttribute('value', HOSTILE_FILE);
  await sourceFilter.fill(HOSTILE_FILE);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Upload <img src=x onerror=window.__pwned=1> headline');
  await expectNoBreach(page, 'source filter');

  expect(dialogs).toEqual([]);
});

test('tag and file filter options keep a right-to-left override to themselves', async ({ page, desk }) => {
  await tagHostileArticle(desk);
  await page.goto(desk.url);
  await expect(page.locator('option', { hasText: '<img src=x' })).toHaveCount(1);
  expect((await breaches(page)).leakingOptions).toEqual([]);
});

test('bundle names and descriptions stay text in the bundle list, the bundle view and the export dialog', async ({ page, desk }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const api = deskApi(desk);
  const list = await api<{ items: { id: string; headline: string }[] }>('listArticles', { query: 'onerror', limit: 5 });
  const hostile = list.items.find((a) => a.headline === HEADLINE)!;
  const name = `Picks <img src=x onerror=window.__pwned=1> \u202e${'<script>window.__pwned=1</script>'}`;
  await api('createBundle', { name, description: CORRECTION, ids: [hostile.id] });

  await page.goto(desk.url);
  await page.getByRole('button', { name: /^Bundles/ }).click();
  const panel = page.getByRole('region', { name: 'Bundles', exact: true });
  await expect(panel.getByText('Picks <img src=x', { exact: false }).first()).toBeVisible();
  await expectNoBreach(page, 'bundle list');
  await panel.getByText('Picks <img src=x', { exact: false }).first().click();
  await expect(panel).toContainText('<svg/onload=window.__pwned=1>');
  await expectNoBreach(page, 'bundle view');
  await panel.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toContainText('Picks <img src=x');
  await expect(dialog).toContainText(HEADLINE);
  await expectNoBreach(page, 'export dialog');
  expect(dialogs).toEqual([]);
});
// The HTML and Markdown exports of hostile text are parsed with parse5 in tests/unit/export/html.test.ts and
// checked in tests/unit/export/markdown.test.ts.
