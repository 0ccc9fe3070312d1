import { z } from 'zod';
import { claimReviewText, toClaimReviews } from './claimreview.js';
import { toCsv } from './csv.js';
import { type ArticleFileFormat, articleFileName } from './file-names.js';
import { toHtml } from './html.js';
import { toMarkdown } from './markdown.js';
import { ninjsText } from './ninjs.js';
import type { ExportArticle, ExportContext, ExportSet } from './types.js';

/** One file per article, written into a folder. */
export const ARTICLE_FORMATS = ['ninjs', 'claimreview', 'md'] as const;
/** One file for the whole set. */
export const SET_FORMATS = ['html', 'csv'] as const;
/** What a bundle archive can carry; all of them unless the editor chooses. */
export const ARCHIVE_FORMATS = [...ARTICLE_FORMATS, ...SET_FORMATS] as const;
export const EXPORT_FORMATS = [...ARCHIVE_FORMATS, 'bundle'] as const;

export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];
export type SetFormat = (typeof SET_FORMATS)[number];
export type ArchiveFormat = (typeof ARCHIVE_FORMATS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export const ArchiveFormatsSchema = z.array(z.enum(ARCHIVE_FORMATS)).min(1).max(ARCHIVE_FORMATS.length);

export const isArticleFormat = (f: string): f is ArticleFormat => (ARTICLE_FORMATS as readonly string[]).includes(f);

/** A rendered file: a bare name (or an archive path) and its UTF-8 text. */
export interface RenderedFile {
  name: string;
  text: string;
}

/**
 * An article's file in a per-article format, or null when the format has nothing to say about it: a
 * ClaimReview file is written only for an article with at least one rated ruling, never as an empty list.
 */
export function renderArticle(a: ExportArticle, format: ArticleFormat, ctx: ExportContext): RenderedFile | null {
  const name = articleFileName(a.id, format as ArticleFileFormat);
  if (format === 'ninjs') return { name, text: ninjsText(a, ctx) };
  if (format === 'md') return { name, text: toMarkdown(a, ctx) };
  return toClaimReviews(a, ctx).length > 0 ? { name, text: claimReviewText(a, ctx) } : null;
}

export function renderSet(set: ExportSet, format: SetFormat, ctx: ExportContext, opts: { bom?: boolean } = {}): RenderedFile {
  if (format === 'html') return { name: 'bundle.html', text: toHtml(set, ctx) };
  return { name: 'bundle.csv', text: toCsv(set.articles, ctx, { bom: opts.bom ?? false }) };
}

/** The folder a format's files sit in inside a bundle archive. */
export const archiveFolder = (format: ArchiveFormat): string => format;
