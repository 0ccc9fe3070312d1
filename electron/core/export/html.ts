import type { Status } from '../statuses.js';
import { safeArticleId } from './file-names.js';
import type { ExportArticle, ExportContext, ExportSet } from './types.js';
import { quoteOf, rulings } from './verdicts.js';

/**
 * One self-contained page per bundle, for reading on screen or printing: a table of contents, then each article
 * as printed with its status, tags, rulings and correction notice. The internal editor's note is left out.
 *
 * The page must be safe to open whatever the articles say, and must never reach the network:
 * - all text is escaped (`& < > " '`), in text and attributes alike, and the only markup is written here;
 * - no script, no event handler, no form; links are in-page anchors to ids built from validated article ids;
 * - no external resource of any kind: one inline style sheet with no `url()`, `@import` or web fonts, no images;
 *   evidence links are printed as text, not links;
 * - a Content-Security-Policy of `default-src 'none'` (inline style only), `base-uri` and `form-action` 'none',
 *   so that even a flaw in the escaping could load or run nothing;
 * - every piece of article text sits in an element that isolates its direction (`dir="auto"` or `<bdi>`), so a
 *   right-to-left override in a headline cannot reorder the text around it;
 * - the article's language is unknown to the desk, so articles carry `lang=""` (unknown) rather than a guess.
 */
export function toHtml(set: ExportSet, ctx: ExportContext): string {
  const title = set.name.trim() || 'Copydesk bundle';
  const count = `${set.articles.length} article${set.articles.length === 1 ? '' : 's'}`;
  const anchors = anchorIds(set.articles);
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Copydesk ${escapeHtml(ctx.appVersion)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header class="bundle">',
    `<h1 dir="auto">${escapeHtml(title)}</h1>`,
    ...(set.description.trim() ? [`<p class="description" dir="auto">${escapeHtml(set.description)}</p>`] : []),
    `<p class="meta">${count}${ctx.organizationName.trim() ? ` · <bdi>${escapeHtml(ctx.organizationName)}</bdi>` : ''}</p>`,
    '</header>',
    ...tableOfContents(set.articles, anchors),
    '<main>',
    ...set.articles.flatMap((a, i) => articleHtml(a, anchors[i]!, ctx)),
    '</main>',
    '</body>',
    '</html>',
  ];
  return `${lines.join('\n')}\n`;
}

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => ESCAPES[ch]!);
}

/** In-page ids from validated article ids; an article listed twice gets a numbered second anchor. */
function anchorIds(articles: readonly ExportArticle[]): string[] {
  const seen = new Map<string, number>();
  return articles.map((a) => {
    const base = `article-${safeArticleId(a.id)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

function tableOfContents(articles: readonly ExportArticle[], anchors: readonly string[]): string[] {
  if (articles.length === 0) return ['<p class="empty">This bundle has no articles.</p>'];
  return [
    '<nav aria-labelledby="contents">',
    '<h2 id="contents">Contents</h2>',
    '<ol>',
    ...articles.map((a, i) => `<li><a href="#${anchors[i]}" dir="auto">${escapeHtml(headlineOf(a))}</a></li>`),
    '</ol>',
    '</nav>',
  ];
}

function articleHtml(a: ExportArticle, anchor: string, ctx: ExportContext): string[] {
  const c = a.content;
  const out = [`<article id="${anchor}" lang="">`, `<h2 dir="auto">${escapeHtml(headlineOf(a))}</h2>`, `<p class="meta">${metaLine(a)}</p>`];
  if (c.caption?.trim() || c.credit?.trim()) {
    const credit = c.credit?.trim() ? ` <span class="credit">(<bdi>${escapeHtml(c.credit)}</bdi>)</span>` : '';
    out.push(`<p class="caption" dir="auto">${escapeHtml(c.caption ?? '')}${credit}</p>`);
  }
  const highlights = c.highlights.filter((h) => h.trim());
  if (highlights.length > 0) out.push('<ul class="highlights">', ...highlights.map((h) => `<li dir="auto">${escapeHtml(h)}</li>`), '</ul>');
  if (c.byline?.trim()) out.push(`<p class="byline" dir="auto">By ${escapeHtml(c.byline)}</p>`);
  out.push('<div class="body">');
  c.paragraphs.forEach((p, i) => {
    const dateline = i === 0 && c.datelineText?.trim() ? `<span class="dateline"><bdi>${escapeHtml(c.datelineText)}</bdi></span> ` : '';
    out.push(`<p dir="auto">${dateline}${escapeHtml(p)}</p>`);
  });
  out.push('</div>');
  out.push(...factChecks(a, ctx));
  if (a.correctionNotice?.trim()) out.push(`<aside class="correction" dir="auto"><strong>Correction:</strong> ${escapeHtml(a.correctionNotice)}</aside>`);
  if (a.tags.length > 0) out.push(`<p class="tags">Tags: ${a.tags.map((t) => `<span class="tag"><bdi>${escapeHtml(t)}</bdi></span>`).join(', ')}</p>`);
  out.push('</article>');
  return out;
}

function metaLine(a: ExportArticle): string {
  const status = escapeHtml(a.status);
  const parts = [`<span class="status status-${status}">${STATUS_LABELS[a.status] ?? status}</span>`];
  if (a.content.dateline?.trim()) parts.push(`<bdi>${escapeHtml(a.content.dateline)}</bdi>`);
  // An age ("Updated 7 sec ago") was true only when the page was scraped, so only a dated line is printed.
  if (a.content.updated?.raw.trim() && !a.content.updated.relative) parts.push(`<bdi>${escapeHtml(a.content.updated.raw)}</bdi>`);
  if (a.corrected) parts.push('corrected');
  return parts.join(' · ');
}

function factChecks(a: ExportArticle, ctx: ExportContext): string[] {
  const ruled = rulings(a, ctx);
  if (ruled.length === 0) return [];
  return [
    '<section class="factchecks">',
    '<h3>Fact-checks</h3>',
    '<ul>',
    ...ruled.map(({ claim, verdict }) => {
      const orphaned = claim.orphaned ? ' <span class="orphaned">(no longer in the text)</span>' : '';
      const sources = claim.sources.length > 0
        ? `<br><span class="sources">Sources: ${claim.sources.map((s) => `<bdi>${escapeHtml(s)}</bdi>`).join(', ')}</span>`
        : '';
      return `<li><q dir="auto">${escapeHtml(quoteOf(claim))}</q> — <strong class="verdict"><bdi>${escapeHtml(verdict.label)}</bdi></strong>${orphaned}${sources}</li>`;
    }),
    '</ul>',
    '</section>',
  ];
}

const headlineOf = (a: ExportArticle): string => (a.content.headline.trim() ? a.content.headline : '(no headline)');

const STATUS_LABELS: Record<Status, string> = {
  new: 'New',
  'in-review': 'In review',
  checked: 'Checked',
  approved: 'Approved',
  flagged: 'Flagged',
  spiked: 'Spiked',
};

// System fonts only: a web font would be a request. Each article starts a printed page.
const STYLE = [
  'body{font:11pt/1.5 Georgia,"Times New Roman",serif;color:#111;background:#fff;max-width:42em;margin:2em auto;padding:0 1em}',
  'h1,h2,h3,nav,.meta,.tags{font-family:system-ui,-apple-system,"Segoe UI",sans-serif}',
  'h1{font-size:1.8em;margin:0 0 .3em}h2{font-size:1.35em;line-height:1.25;margin:0 0 .3em}h3{font-size:1.05em}',
  '.meta,.tags,.caption,.description{color:#444;font-size:.9em}',
  'nav ol{padding-left:1.6em}nav a{color:#114}',
  'article{border-top:1px solid #999;margin-top:2.5em;padding-top:1em}',
  '.caption{font-style:italic}.dateline{font-weight:bold}',
  '.status{font-weight:bold;text-transform:uppercase;letter-spacing:.03em}',
  '.correction{border-left:3px solid #a00;padding:.4em .8em;margin:1em 0}',
  '.factchecks ul{padding-left:1.2em}.factchecks li{margin-bottom:.4em}.sources{font-size:.85em;color:#444;word-break:break-all}',
  '@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}nav{break-after:page}article{break-before:page;border-top:none;margin-top:0}a{color:inherit;text-decoration:none}}',
].join('\n');
