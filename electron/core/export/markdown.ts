import { stringify } from 'yaml';
import type { ExportArticle, ExportContext } from './types.js';
import { quoteOf, rulings } from './verdicts.js';

/**
 * One Markdown file per article: YAML front matter, then the article as printed (headline, caption, highlights,
 * byline, paragraphs with the dateline), the desk's rulings, and the correction notice last, where readers look
 * for it. The internal editor's note is left out: this is copy, not a briefing.
 *
 * Article text is untrusted (it came from a scraped page and any editor's keyboard), so every piece of it goes
 * through `escapeMarkdown`, and the front matter is written by a YAML serialiser with every string quoted.
 */
export function toMarkdown(a: ExportArticle, ctx: ExportContext): string {
  const c = a.content;
  const blocks: string[] = [frontMatter(a)];
  if (c.headline.trim()) blocks.push(`# ${escapeMarkdown(c.headline)}`);
  if (c.caption?.trim()) blocks.push(`*${escapeMarkdown(c.caption)}*${c.credit?.trim() ? ` (${escapeMarkdown(c.credit)})` : ''}`);
  const highlights = c.highlights.filter((h) => h.trim());
  if (highlights.length > 0) blocks.push(highlights.map((h) => `- ${escapeMarkdown(h)}`).join('\n'));
  if (c.byline?.trim()) blocks.push(`By ${escapeMarkdown(c.byline)}`);
  // An age ("Updated 7 sec ago") was true only when the page was scraped; the front matter keeps it as data.
  if (c.updated?.raw.trim() && !c.updated.relative) blocks.push(`*${escapeMarkdown(c.updated.raw)}*`);
  c.paragraphs.forEach((p, i) => {
    const text = i === 0 && c.datelineText?.trim() ? `${c.datelineText} ${p}` : p;
    if (text.trim()) blocks.push(escapeMarkdown(text));
  });
  const ruled = rulings(a, ctx);
  if (ruled.length > 0) {
    blocks.push('## Fact-checks');
    blocks.push(ruled.map(({ claim, verdict }) => `- “${escapeMarkdown(quoteOf(claim))}” — **${escapeMarkdown(verdict.label)}**${claim.orphaned ? ' (no longer in the text)' : ''}`).join('\n'));
  }
  if (a.correctionNotice?.trim()) blocks.push('---', `**Correction:** ${escapeMarkdown(a.correctionNotice)}`);
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Every string double-quoted: YAML 1.1 readers (still common in static-site tools) would otherwise read a tag
 * "no" as false and a day as a date object. No line folding, so each value stays on its key's line.
 */
const YAML_OPTIONS = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0, minContentWidth: 0 } as const;

interface FrontMatter {
  id: string;
  headline: string;
  dateline: string | null;
  updated: { raw: string; date: string | null } | null;
  status: string;
  tags: string[];
  source: { file: string; sha256: string };
  corrected: boolean;
}

function frontMatter(a: ExportArticle): string {
  const c = a.content;
  const data: FrontMatter = {
    id: a.id,
    headline: c.headline,
    dateline: c.dateline,
    updated: c.updated ? { raw: c.updated.raw, date: c.updated.date } : null,
    status: a.status,
    tags: a.tags,
    source: { file: a.source.file, sha256: a.source.sha256 },
    corrected: a.corrected,
  };
  return `---\n${plainFrontMatter(data) ?? stringify(data, YAML_OPTIONS)}---`;
}

/** C0 controls, line breaks among them: the characters yaml's double quotes write differently from JSON's. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f]/u;

/**
 * The front matter exactly as `stringify(data, YAML_OPTIONS)` writes it, without building a YAML document per
 * article (which cost more than the rest of the Markdown export together). For a string without a control
 * character, yaml's double-quoted scalar is JSON's string (yaml starts from JSON.stringify and rewrites only
 * `\u00XX` escapes and line breaks); null otherwise, and yaml writes that article. Tested against yaml.
 */
function plainFrontMatter(d: FrontMatter): string | null {
  const strings = [d.id, d.headline, d.dateline ?? '', d.updated?.raw ?? '', d.updated?.date ?? '', d.status, ...d.tags, d.source.file, d.source.sha256];
  if (strings.some((s) => CONTROL.test(s))) return null;
  const q = (s: string | null): string => (s === null ? 'null' : JSON.stringify(s));
  const lines = [
    `id: ${q(d.id)}`,
    `headline: ${q(d.headline)}`,
    `dateline: ${q(d.dateline)}`,
    ...(d.updated ? ['updated:', `  raw: ${q(d.updated.raw)}`, `  date: ${q(d.updated.date)}`] : ['updated: null']),
    `status: ${q(d.status)}`,
    ...(d.tags.length > 0 ? ['tags:', ...d.tags.map((t) => `  - ${q(t)}`)] : ['tags: []']),
    'source:',
    `  file: ${q(d.source.file)}`,
    `  sha256: ${q(d.source.sha256)}`,
    `corrected: ${d.corrected}`,
  ];
  return `${lines.join('\n')}\n`;
}

// Inline syntax anywhere in a line: escapes, code, emphasis, links and images, raw HTML and autolinks, entities,
// GFM tables and strikethrough, and the `{: …}` attribute lists of kramdown (Jekyll), which can add attributes.
const INLINE = /[\\`*_[\]<>&|~{}]/gu;
// Block syntax at the start of a line: headings, list items, ordered lists, setext and thematic-break dashes,
// definition lists. (`>`, `*`, `_`, `` ` ``, `~` and `|` are already escaped inline.)
const LINE_START = /^(?:[#+\-=:]|(\d{1,9})([.)]))/u;
// Every line break, so the text stays one paragraph and no later line can begin a block of its own.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;

/**
 * Text that renders as itself: CommonMark lets any ASCII punctuation be backslash-escaped, so the escaped text
 * cannot open HTML, a link, an image, emphasis, code, a heading, a list, a thematic break or a front-matter fence.
 * Line breaks become spaces, since one piece of text is one block. Bare http(s) URLs stay as written; GFM may
 * make them links, which then go where the text says (never javascript: or data:, which GFM never autolinks).
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(BREAKS, ' ').trim().replace(INLINE, '\\$&');
  return flat.replace(LINE_START, (m, digits: string | undefined, mark: string | undefined) => (digits ? `${digits}\\${mark}` : `\\${m}`));
}
