import { createHash } from 'node:crypto';
import { type ArticleContent, type FieldSpan, type ParseWarning, emptyContent } from '../model.js';
import { type Extracted, extractArticle, spanOf } from './extract-article.js';
import { splitLines, type Line } from './lines.js';
import { splitArticles, type Region } from './split-articles.js';

export interface ParsedArticle {
  content: ArticleContent;
  warnings: ParseWarning[];
  /** Position in the file, from 0. */
  index: number;
  /** Offsets into the decoded text, end exclusive. */
  start: number;
  end: number;
  sha256: string;
  /** The article's text as it stands in the file, start..end. */
  text: string;
  /** Each field's place in `text` (offsets relative to `start`). */
  spans: FieldSpan[];
}

export interface SeedParse {
  articles: ParsedArticle[];
  /** Problems with the file as a whole, e.g. nothing but page furniture. */
  warnings: ParseWarning[];
}

/**
 * Pure: decoded seed text in, articles and warnings out. It never throws; when a region defeats the structured
 * reader it degrades to "first line is the headline, the rest are paragraphs" and says so.
 */
export function parseSeedText(text: string): SeedParse {
  const lines = splitLines(text);
  const regions = splitArticles(lines);
  const articles = regions.map((region, index) => {
    const { content, warnings, spans } = safeExtract(lines, region);
    const start = lines[firstContent(lines, region)]!.start;
    const end = lines[lastContent(lines, region)]!.end;
    const own = text.slice(start, end);
    const relative = spans
      .filter((s) => s.start >= start && s.end <= end && s.start <= s.end)
      .map((s) => ({ ...s, start: s.start - start, end: s.end - start }));
    return { content, warnings, index, start, end, sha256: sha256(own), text: own, spans: relative };
  });
  const warnings: ParseWarning[] = [];
  if (articles.length === 0) {
    warnings.push({ code: 'no-articles', message: 'no articles found: the file holds only page furniture or separators' });
  }
  return { articles, warnings };
}

function safeExtract(lines: Line[], region: Region): Extracted {
  try {
    const result = extractArticle(lines, region);
    if (result.content.headline !== '') return result;
  } catch {
    // Fall through to the plain reading below: a strange layout must never cost the editor the text.
  }
  return degrade(lines, region);
}

function degrade(lines: Line[], region: Region): Extracted {
  const used = lines.slice(region.from, region.to).filter((l) => l.kind !== 'blank' && l.kind !== 'separator');
  const texts = used.map((l) => l.text.trim());
  return {
    spans: used.map((l, i) => (i === 0 ? spanOf('headline', null, l) : spanOf('paragraphs', i - 1, l))),
    content: { ...emptyContent(texts[0] ?? ''), paragraphs: texts.slice(1) },
    warnings: [{ code: 'unknown-structure', message: 'structure not recognised: the first line is the headline, the rest are paragraphs' }],
  };
}

function firstContent(lines: Line[], r: Region): number {
  for (let i = r.from; i < r.to; i++) if (lines[i]!.kind !== 'blank') return i;
  return r.from;
}

function lastContent(lines: Line[], r: Region): number {
  for (let i = r.to - 1; i >= r.from; i--) if (lines[i]!.kind !== 'blank') return i;
  return r.from;
}

export const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
