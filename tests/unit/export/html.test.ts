import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { toExportArticle } from '../../../electron/core/export/build-article.js';
import { CSP, escapeHtml, toHtml } from '../../../electron/core/export/html.js';
import type { ExportSet } from '../../../electron/core/export/types.js';
import { allExportArticles, CTX, hostileRecord, PAYLOADS, workedPakistan, workedPutin } from './helpers.js';

interface Attr {
  name: string;
  value: string;
}
/** The parts of parse5's default tree this test reads. */
interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: Attr[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
  data?: string;
  parentNode?: Node | null;
}

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.childNodes ?? []) yield* walk(child);
  if (node.content) yield* walk(node.content); // <template> contents live apart from the tree
}

const elements = (doc: Node): Node[] => [...walk(doc)].filter((n) => n.tagName !== undefined);
const attr = (n: Node, name: string): string | undefined => n.attrs?.find((a) => a.name === name)?.value;
const textOf = (n: Node): string => [...walk(n)].filter((x) => x.nodeName === '#text').map((x) => x.value).join('');

/** Everything the exporter may write. Anything else in the tree was injected. */
const ALLOWED_ELEMENTS = new Set([
  'html', 'head', 'body', 'meta', 'title', 'style', 'header', 'nav', 'main', 'article', 'section', 'aside', 'div',
  'h1', 'h2', 'h3', 'p', 'ol', 'ul', 'li', 'a', 'span', 'bdi', 'q', 'strong', 'br',
]);
const ALLOWED_ATTRIBUTES = new Set(['charset', 'http-equiv', 'content', 'name', 'lang', 'dir', 'class', 'id', 'href', 'aria-labelledby']);

function hostileSet(): ExportSet {
  const hostile = toExportArticle(hostileRecord());
  return {
    name: `Bundle ${PAYLOADS[0]} ${PAYLOADS[5]}`,
    description: `${PAYLOADS[6]} ${PAYLOADS[9]}`,
    articles: [{ ...hostile, id: 'hostile-1' }, toExportArticle(workedPutin()), { ...hostile, id: 'hostile-2', status: 'spiked' }],
  };
}

describe('toHtml on a desk seeded with XSS payloads', () => {
  const html = toHtml(hostileSet(), { ...CTX, organizationName: `Org ${PAYLOADS[1]}` });
  const doc = parse(html) as unknown as Node;
  const all = elements(doc);

  it('holds only the elements and attributes the exporter writes', () => {
    expect([...new Set(all.map((e) => e.tagName))].filter((t) => !ALLOWED_ELEMENTS.has(t!))).toEqual([]);
    const attrs = all.flatMap((e) => (e.attrs ?? []).map((a) => a.name));
    expect([...new Set(attrs)].filter((a) => !ALLOWED_ATTRIBUTES.has(a))).toEqual([]);
  });

  it('has no script, no event handler, no plugin, frame, base, link or refresh', () => {
    for (const tag of ['script', 'iframe', 'frame', 'object', 'embed', 'base', 'link', 'img', 'svg', 'math', 'form', 'template', 'noscript']) {
      expect(all.filter((e) => e.tagName === tag), tag).toEqual([]);
    }
    expect(all.flatMap((e) => (e.attrs ?? []).filter((a) => /^on/i.test(a.name)))).toEqual([]);
    const metas = all.filter((e) => e.tagName === 'meta');
    expect(metas.filter((m) => /refresh/i.test(attr(m, 'http-equiv') ?? '') || /url=/i.test(attr(m, 'content') ?? ''))).toEqual([]);
    expect([...walk(doc)].filter((n) => n.nodeName === '#comment')).toEqual([]);
  });

  it('links only within the page, and every link lands on an element', () => {
    const ids = new Set(all.map((e) => attr(e, 'id')).filter(Boolean));
    const hrefs = all.flatMap((e) => (e.attrs ?? []).filter((a) => a.name === 'href' || a.name === 'src').map((a) => a.value));
    expect(hrefs).toHaveLength(3);
    for (const href of hrefs) {
      expect(href).toMatch(/^#[a-z0-9-]+$/);
      expect(ids.has(href.slice(1))).toBe(true);
    }
  });

  it('refers to nothing outside the page: no URL in any attribute or in the style sheet', () => {
    for (const e of all) {
      for (const a of e.attrs ?? []) expect(a.value, `${e.tagName} ${a.name}`).not.toMatch(/(?:javascript|vbscript|data|https?|ftp|file):|\/\/|url\(/i);
    }
    const styles = all.filter((e) => e.tagName === 'style');
    expect(styles).toHaveLength(1);
    const css = textOf(styles[0]!);
    expect(css).not.toMatch(/url\(|@import|@font-face|expression\(|evil/i);
    expect(css).toContain('@media print');
  });

  it('puts the Content-Security-Policy first in the head, before the style sheet', () => {
    const head = all.find((e) => e.tagName === 'head')!;
    const kids = (head.childNodes ?? []).filter((n) => n.tagName);
    expect(kids.slice(0, 2).map((k) => [k.tagName, attr(k, 'charset') ?? attr(k, 'http-equiv')])).toEqual([
      ['meta', 'utf-8'],
      ['meta', 'Content-Security-Policy'],
    ]);
    expect(attr(kids[1]!, 'content')).toBe(CSP);
    expect(CSP).toMatch(/^default-src 'none';/);
    expect(kids.findIndex((k) => k.tagName === 'style')).toBeGreaterThan(1);
  });

  it('shows every payload as the text it is', () => {
    const text = textOf(doc);
    for (const p of PAYLOADS) expect(text).toContain(p);
    expect(textOf(all.find((e) => e.tagName === 'title')!)).toBe(hostileSet().name);
  });

  it('isolates every piece of text holding a direction override', () => {
    const overrides = [...walk(doc)].filter((n) => n.nodeName === '#text' && /[\u202A-\u202E\u2066-\u2069]/.test(n.value ?? ''));
    expect(overrides.length).toBeGreaterThan(3);
    for (const node of overrides) {
      let at = node.parentNode;
      while (at && at.tagName !== 'bdi' && attr(at, 'dir') === undefined) at = at.parentNode;
      expect(at, JSON.stringify(node.value)).toBeTruthy();
    }
  });
});

describe('toHtml', () => {
  const set: ExportSet = { name: 'Monday’s bundle', description: 'Two stories from the seed.', articles: [toExportArticle(workedPutin()), toExportArticle(workedPakistan())] };
  const doc = parse(toHtml(set, CTX)) as unknown as Node;
  const all = elements(doc);
  const byClass = (root: Node, cls: string) => elements(root).filter((e) => (attr(e, 'class') ?? '').split(' ').includes(cls));

  it('lists the articles in bundle order in a table of contents', () => {
    const nav = all.find((e) => e.tagName === 'nav')!;
    expect(elements(nav).filter((e) => e.tagName === 'a').map((a) => [attr(a, 'href'), textOf(a)])).toEqual(
      set.articles.map((a) => [`#article-${a.id}`, a.content.headline]),
    );
  });

  it('prints each article with its status, text, rulings, correction and tags', () => {
    const [putin, pakistan] = all.filter((e) => e.tagName === 'article');
    expect(attr(putin!, 'lang')).toBe(''); // language unknown, not guessed
    expect(textOf(byClass(putin!, 'meta')[0]!)).toBe('Approved · SEOUL · Updated 13 August 2025 · corrected');
    expect(textOf(byClass(putin!, 'caption')[0]!)).toMatch(/^North Korean leader .* \(REUTERS\)$/);
    expect(elements(byClass(putin!, 'body')[0]!).filter((e) => e.tagName === 'p')).toHaveLength(7);
    expect(textOf(byClass(putin!, 'factchecks')[0]!)).toContain('North Korea confirmed for the first time in April');
    expect(elements(byClass(putin!, 'factchecks')[0]!).filter((e) => e.tagName === 'li').map((li) => textOf(li))).toEqual([
      'The two countries signed a mutual defense pact last year — TrueSources: https://example.org/treaty',
      'US President Trump is expected to press Russia to end the Ukraine war — Unproven',
      'North Korea confirmed for the first time in April — False (no longer in the text)Sources: https://example.org/a, https://example.org/b',
    ]);
    expect(textOf(byClass(putin!, 'correction')[0]!)).toBe('Correction: An earlier version misstated when North Korea confirmed its deployment.');
    expect(textOf(byClass(putin!, 'tags')[0]!)).toBe('Tags: Russia, North Korea, no');
    expect(textOf(putin!)).not.toContain('Check KCNA wording'); // the internal note is not for readers
    expect(textOf(byClass(pakistan!, 'meta')[0]!)).toBe('In review · KABUL · corrected') // an age is not printed;
    expect(byClass(pakistan!, 'caption')).toEqual([]);
  });

  it('gives an article listed twice its own anchor each time', () => {
    const a = set.articles[0]!;
    const twice = parse(toHtml({ ...set, articles: [a, a] }, CTX)) as unknown as Node;
    expect(elements(twice).filter((e) => e.tagName === 'article').map((e) => attr(e, 'id'))).toEqual([`article-${a.id}`, `article-${a.id}-2`]);
  });

  it('refuses an id that is not safe to use as an anchor', () => {
    expect(() => toHtml({ ...set, articles: [{ ...set.articles[0]!, id: 'x" onclick="alert(1)' }] }, CTX)).toThrow(/cannot be used as a file name/);
  });

  it('escapes all five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('is deterministic, ending in one newline, for the whole seed', () => {
    const everything: ExportSet = { name: 'All', description: '', articles: allExportArticles() };
    const page = toHtml(everything, CTX);
    expect(toHtml(structuredClone(everything), CTX)).toBe(page);
    expect(page.endsWith('</html>\n')).toBe(true);
    expect(elements(parse(page) as unknown as Node).filter((e) => e.tagName === 'article')).toHaveLength(everything.articles.length);
  });
});
