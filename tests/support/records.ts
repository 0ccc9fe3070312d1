import { createHash } from 'node:crypto';
import type { ArticleContent, ArticleRecord, Revision } from '../../electron/core/model.js';

/** A valid stored article without going through the parser, for store tests. */
export function makeRecord(seq: number, overrides: Partial<ArticleRecord> & { headline?: string } = {}): ArticleRecord {
  const { headline = `Headline number ${seq}`, ...rest } = overrides;
  const original: ArticleContent = {
    headline,
    caption: null,
    credit: null,
    updated: { raw: 'Updated 13 August 2025', date: '2025-08-13', relative: false },
    highlights: [`Highlight of ${seq}`],
    byline: null,
    dateline: 'LONDON',
    datelineText: 'LONDON:',
    paragraphs: [`First paragraph of article ${seq}.`, `Second paragraph of article ${seq}.`],
  };
  return {
    id: `a${String(seq).padStart(4, '0')}`,
    seq,
    original,
    priorOriginals: [],
    revisions: [],
    claims: [],
    entityFixes: [],
    source: { file: 'store-test.txt', path: '/nowhere/store-test.txt', index: seq, start: 0, end: 10, sha256: createHash('sha256').update(`article ${seq}`).digest('hex') },
    sourceText: `Headline number ${seq}`,
    spans: [{ field: 'headline', index: null, start: 0, end: `Headline number ${seq}`.length }],
    warnings: [],
    importedAt: '2026-01-01T00:00:00.000Z',
    modifiedAt: '2026-01-01T00:00:00.000Z',
    ...rest,
  };
}

/** The same record with its first paragraph rewritten, as a changed source would give. */
export function withParagraph(rec: ArticleRecord, text: string): ArticleRecord {
  return { ...rec, original: { ...rec.original, paragraphs: [text, ...rec.original.paragraphs.slice(1)] } };
}

/** An editor's edit of one field, as the service would record it. */
export function edit(id: string, field: string, before: unknown, after: unknown, extra: Partial<Revision> = {}): Revision {
  return { id, op: 'edit', target: null, field, before, after, reason: null, editor: 'Ana', at: '2026-01-02T00:00:00.000Z', batch: null, ...extra };
}
